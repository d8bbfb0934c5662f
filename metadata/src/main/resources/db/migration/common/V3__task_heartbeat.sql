-- Airflow 3's task_instance.last_heartbeat_at: when the try's runner last reported it is alive.
-- Heartbeats do not bump "version", so they never make another writer's compare-and-set fail.
ALTER TABLE task_instance ADD COLUMN last_heartbeat_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ti_heartbeat ON task_instance (state, last_heartbeat_at);

-- Airflow's task_instance.queued_by_job_id: the scheduler job that queued the try, so a scheduler
-- that finds that job dead can reset the try it left queued (adopt_or_reset_orphaned_tasks).
ALTER TABLE task_instance ADD COLUMN queued_by_job_id BIGINT;
CREATE INDEX ti_queued_by_job ON task_instance (queued_by_job_id, state);

-- The scheduler takes scheduled instances highest priority first: an index in that order saves
-- sorting every scheduled row on each pass. It starts with state, so it replaces ti_state.
CREATE INDEX ti_state_priority ON task_instance (state, priority_weight DESC, id);
DROP INDEX ti_state;
