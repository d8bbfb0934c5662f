-- Airflow 3's dag_run.created_dag_version_id: the DAG version current when the run was created,
-- shown as DAGRunResponse.dag_versions. Kept when versions are removed with their DAG.
ALTER TABLE dag_run ADD COLUMN created_dag_version_id UUID;
ALTER TABLE dag_run ADD CONSTRAINT created_dag_version_id_fkey
    FOREIGN KEY (created_dag_version_id) REFERENCES dag_version (id) ON DELETE SET NULL;
