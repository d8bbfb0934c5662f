-- Airflow 3's dag_run.triggering_user_name: who asked for a run (the API's user), shown as
-- DAGRunResponse.triggering_user_name and searched by triggering_user_name_pattern.
ALTER TABLE dag_run ADD COLUMN triggering_user_name VARCHAR(512);
