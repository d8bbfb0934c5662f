#!/usr/bin/env bash
# Runs Airflow's official Python client (apache-airflow-client 3.x, unchanged) against a fresh
# `./updraft standalone`: check.py walks the calls a new user makes. The client is not on PyPI
# here, so point AIRFLOW_CLIENT at a checkout of github.com/apache/airflow-client-python (or have
# it installed: `pip install apache-airflow-client`); it needs pydantic 2, urllib3 and dateutil.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${PORT:-18081}
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
export PYTHONPATH=${AIRFLOW_CLIENT:-}${PYTHONPATH:+:$PYTHONPATH}
python3 -c 'import airflow_client.client' || {
  echo "Airflow's Python client not found: set AIRFLOW_CLIENT to a checkout of it" >&2; exit 2; }
export UPDRAFT_HOME=$WORK/home UPDRAFT_API_PORT=$PORT UPDRAFT_USERS=admin:admin
"$ROOT/updraft" standalone >"$WORK/standalone.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/api/v2/monitor/health" >/dev/null && break
  sleep 0.5
done
PASSWORD=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"])' \
  "$UPDRAFT_HOME/simple_auth_manager_passwords.json.generated")
python3 "$ROOT/compat/airflow-python-client/check.py" "http://127.0.0.1:$PORT" admin "$PASSWORD" \
  || { echo "--- standalone log (tail) ---" >&2; tail -40 "$WORK/standalone.log" >&2; exit 1; }
