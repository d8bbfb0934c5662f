#!/usr/bin/env bash
# Builds the bench module and times the scheduling loop with the in-process executor on H2 and on
# PostgreSQL: a run of 40 sequential tasks sleeping 10 ms (median of 5 runs), one run of 10,000
# independent empty tasks, and task-to-task latency in a chain of 200 empty tasks.
#
#   bench/run-scheduler-benchmark.sh                 # H2 (temporary file database), then PostgreSQL
#   bench/run-scheduler-benchmark.sh --db h2 ...     # one run with these flags
#
# PostgreSQL: UPDRAFT_BENCH_PG_URL, else UPDRAFT_TEST_PG_URL (.ci/start-postgres.sh prints one);
# each run uses a fresh schema, dropped afterwards. Without either, only H2 runs.
# Flags: --runs N (5), --sequential-tasks N (40), --wide-tasks N (10000), --chain-tasks N (200),
# --threads N (32, executor threads), --parallelism N (32), --poll-ms N (50, LoopSettings.defaults).
# JAVA_OPTS is passed on.
set -euo pipefail
. "$(dirname "$0")/bench-lib.sh"
bench_h2_then_postgres dev.updraft.bench.scheduler.SchedulerBenchmark "$@"
