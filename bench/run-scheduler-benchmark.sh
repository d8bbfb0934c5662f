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
cd "$(dirname "$0")/.."

./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true

. .mvn/jdk.sh
updraft_select_jdk
classpath="bench/target/classes:bench/target/lib/*"
pg_url=${UPDRAFT_BENCH_PG_URL:-${UPDRAFT_TEST_PG_URL:-}}

run() {
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "$classpath" \
    dev.updraft.bench.scheduler.SchedulerBenchmark "$@"
}

if [ $# -gt 0 ]; then
  run "$@"
else
  run --db h2
  echo
  if [ -n "$pg_url" ]; then
    run --db postgresql --url "$pg_url"
  else
    echo "PostgreSQL skipped: set UPDRAFT_BENCH_PG_URL or UPDRAFT_TEST_PG_URL" >&2
  fi
fi
