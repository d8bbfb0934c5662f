"""Airflow's official Python client (apache-airflow-client 3.x), unchanged, against Updraft.

Walks what a new user would do: a token from /auth/token, then DAGs, tasks, a triggered run with
conf polled to success, its task instances, a log, pause/unpause, clearing, XComs, CRUD of pools,
variables and connections, health and version. The client validates every response against the
spec's pydantic models, so a wrong shape fails here. Exits 1 on the first failure.

usage: python3 check.py BASE_URL USERNAME PASSWORD [DAG_ID]
"""

import json
import sys
import time
import urllib.request
import uuid

import airflow_client.client as client
from airflow_client.client.api import (
    connection_api,
    dag_api,
    dag_run_api,
    monitor_api,
    pool_api,
    task_api,
    task_instance_api,
    variable_api,
    version_api,
    x_com_api,
)
from airflow_client.client.models.clear_task_instances_body import ClearTaskInstancesBody
from airflow_client.client.models.clear_task_instances_body_task_ids_inner import (
    ClearTaskInstancesBodyTaskIdsInner,
)
from airflow_client.client.models.connection_body import ConnectionBody
from airflow_client.client.models.dag_patch_body import DAGPatchBody
from airflow_client.client.models.pool_body import PoolBody
from airflow_client.client.models.pool_patch_body import PoolPatchBody
from airflow_client.client.models.trigger_dag_run_post_body import TriggerDAGRunPostBody
from airflow_client.client.models.variable_body import VariableBody


def token(base, username, password):
    request = urllib.request.Request(
        base + "/auth/token",
        data=json.dumps({"username": username, "password": password}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        assert response.status == 201, response.status
        return json.load(response)["access_token"]


def step(name):
    print(f"- {name}", flush=True)


def wait_for_state(runs, dag_id, run_id, states=("success", "failed"), timeout=60):
    deadline = time.time() + timeout
    while True:
        run = runs.get_dag_run(dag_id, run_id)
        if run.state.value in states:
            return run
        if time.time() > deadline:
            raise AssertionError(f"run {run_id} still {run.state.value} after {timeout} s")
        time.sleep(0.5)


def main(base, username, password, dag_id="hello_world"):
    configuration = client.Configuration(host=base, access_token=token(base, username, password))
    with client.ApiClient(configuration) as api:
        dags = dag_api.DAGApi(api)
        runs = dag_run_api.DagRunApi(api)
        tis = task_instance_api.TaskInstanceApi(api)

        step("get_health, get_version")
        health = monitor_api.MonitorApi(api).get_health()
        assert health.metadatabase.status == "healthy", health
        print("  version", version_api.VersionApi(api).get_version().version)

        step("get_dags, get_dag, get_tasks")
        listed = dags.get_dags(limit=100)
        assert dag_id in [d.dag_id for d in listed.dags], [d.dag_id for d in listed.dags]
        dag = dags.get_dag(dag_id)
        assert dag.dag_id == dag_id
        tasks = task_api.TaskApi(api).get_tasks(dag_id)
        task_ids = [t.task_id for t in tasks.tasks]
        print(f"  {listed.total_entries} DAGs; {dag_id} has tasks {task_ids}")

        step("patch_dag (unpause)")
        assert dags.patch_dag(dag_id, DAGPatchBody(is_paused=False)).is_paused is False

        step("trigger_dag_run with conf, get_dag_run until success")
        run_id = "client_check_" + uuid.uuid4().hex
        triggered = runs.trigger_dag_run(
            dag_id,
            TriggerDAGRunPostBody(dag_run_id=run_id, logical_date=None, conf={"name": "client"}),
        )
        assert triggered.conf == {"name": "client"}, triggered.conf
        run = wait_for_state(runs, dag_id, run_id)
        assert run.state.value == "success", run.state
        print(f"  {run_id}: {run.state.value} in {(run.end_date - run.start_date).total_seconds():.2f} s")

        step("get_task_instances, get_log")
        instances = tis.get_task_instances(dag_id, run_id)
        assert instances.total_entries == len(task_ids), instances.total_entries
        first = next(ti for ti in instances.task_instances if ti.try_number >= 1)
        log = tis.get_log(dag_id, run_id, first.task_id, first.try_number, full_content=True)
        lines = log.content.actual_instance  # the spec's anyOf: structured messages or strings
        assert lines, "the log has lines"
        print(f"  {len(instances.task_instances)} task instances; log of {first.task_id}: "
              f"{len(lines)} lines")

        step("get_xcom_entries")
        xcoms = x_com_api.XComApi(api).get_xcom_entries(dag_id, run_id, "~")
        print(f"  {xcoms.total_entries} XCom entries")

        step("post_clear_task_instances (dry run, then for real) and the run succeeds again")
        task = ClearTaskInstancesBodyTaskIdsInner(task_ids[-1])  # the spec's anyOf: id or [id, index]
        body = dict(dag_run_id=run_id, task_ids=[task], only_failed=False)
        dry = tis.post_clear_task_instances(dag_id, ClearTaskInstancesBody(dry_run=True, **body))
        assert dry.total_entries == 1, dry.total_entries
        tis.post_clear_task_instances(dag_id, ClearTaskInstancesBody(dry_run=False, **body))
        assert wait_for_state(runs, dag_id, run_id).state.value == "success"

        step("patch_dag (pause, unpause)")
        assert dags.patch_dag(dag_id, DAGPatchBody(is_paused=True)).is_paused is True
        assert dags.patch_dag(dag_id, DAGPatchBody(is_paused=False)).is_paused is False

        step("pools: create, read, update, delete")
        pools = pool_api.PoolApi(api)
        name = "client_check_pool"
        pools.post_pool(PoolBody(name=name, slots=3, description="from the client"))
        assert pools.get_pool(name).slots == 3
        assert pools.patch_pool(name, PoolPatchBody(slots=5), update_mask=["slots"]).slots == 5
        pools.delete_pool(name)

        step("variables: create, read, update, delete")
        variables = variable_api.VariableApi(api)
        variables.post_variable(VariableBody(key="client_check_var", value="one"))
        assert variables.get_variable("client_check_var").value == "one"
        variables.patch_variable("client_check_var", VariableBody(key="client_check_var", value="two"))
        assert variables.get_variable("client_check_var").value == "two"
        variables.delete_variable("client_check_var")

        step("connections: create, read, update, delete (password never returned)")
        connections = connection_api.ConnectionApi(api)
        secret = "s3cr3t-" + uuid.uuid4().hex
        connections.post_connection(
            ConnectionBody(connection_id="client_check_conn", conn_type="http",
                           host="example.org", password=secret))
        read = connections.get_connection("client_check_conn")
        assert read.host == "example.org" and read.password != secret, read
        connections.patch_connection(
            "client_check_conn",
            ConnectionBody(connection_id="client_check_conn", conn_type="http", host="example.com"),
            update_mask=["host"])
        assert connections.get_connection("client_check_conn").host == "example.com"
        connections.delete_connection("client_check_conn")

    print("Airflow's Python client: every call succeeded.")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
