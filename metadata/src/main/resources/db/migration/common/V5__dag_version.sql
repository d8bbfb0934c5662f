-- Airflow 3's dag_version: one row per distinct serialized form of a DAG, numbered from 1 per DAG,
-- written when a parse stores a new serialized hash. The API lists them (dagVersions) and names
-- the newest as a DAG's latest_dag_version.
CREATE TABLE dag_version (
    id             UUID         NOT NULL,
    version_number INTEGER      NOT NULL,
    dag_id         VARCHAR(250) NOT NULL,
    bundle_name    VARCHAR(250),
    bundle_version VARCHAR(250),
    hash           VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dag_version_pkey PRIMARY KEY (id),
    CONSTRAINT dag_id_v_name_v_number_key UNIQUE (dag_id, version_number),
    CONSTRAINT dag_version_dag_id_fkey FOREIGN KEY (dag_id) REFERENCES dag (dag_id) ON DELETE CASCADE
);
