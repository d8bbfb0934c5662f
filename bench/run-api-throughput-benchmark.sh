#!/usr/bin/env bash
# The REST API load benchmark of issue 5: starts `./updraft standalone` (LocalExecutor, embedded H2
# unless UPDRAFT_DB_URL is set) with one two-task DAG, then triggers runs through
# POST /api/v2/dags/{dag_id}/dagRuns at PER_MINUTE (1000) for MINUTES (5) and prints the
# trigger -> success percentiles, after WARMUP_MINUTES (0) at the same rate reported on their own.
# Example: MINUTES=1 WARMUP_MINUTES=1 bench/run-api-throughput-benchmark.sh
set -euo pipefail
. "$(dirname "$0")/bench-lib.sh"
PER_MINUTE=${PER_MINUTE:-1000}
MINUTES=${MINUTES:-5}
WARMUP_MINUTES=${WARMUP_MINUTES:-0}
PORT=${PORT:-18080}
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

DAGS=$(bench_java dev.updraft.bench.TwoTaskDagJar "$WORK/build")
export UPDRAFT_HOME=$WORK/home UPDRAFT_DAGS_FOLDER=$DAGS UPDRAFT_LOAD_EXAMPLES=false
export UPDRAFT_API_PORT=$PORT UPDRAFT_USERS=bench:admin
./updraft standalone >"$WORK/standalone.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/api/v2/monitor/health" >/dev/null && break
  sleep 0.5
done
PASSWORD=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["bench"])' \
  "$UPDRAFT_HOME/simple_auth_manager_passwords.json.generated")
bench_java dev.updraft.bench.api.ApiThroughputBenchmark --url "http://127.0.0.1:$PORT" \
  --user bench --password "$PASSWORD" --dag-id api_bench_two_tasks \
  --per-minute "$PER_MINUTE" --minutes "$MINUTES" --warmup-minutes "$WARMUP_MINUTES"
