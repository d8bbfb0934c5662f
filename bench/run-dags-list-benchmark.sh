#!/usr/bin/env bash
# Builds the bench module and times GET /api/v2/dags with 1,000 DAGs (the API server in process,
# real HTTP): a warm-up, then ~500 pages of 100 and some filtered and sorted requests, p50/p90/p99
# each; on H2 (temporary file database), then on PostgreSQL.
#
#   bench/run-dags-list-benchmark.sh                  # H2, then PostgreSQL
#   bench/run-dags-list-benchmark.sh --db h2 ...      # one run with these flags
#
# PostgreSQL: UPDRAFT_BENCH_PG_URL, else UPDRAFT_TEST_PG_URL; each run uses a fresh schema, dropped
# afterwards. Flags: --dags N (1000), --requests N (500), --warmup N (300). JAVA_OPTS is passed on.
set -euo pipefail
. "$(dirname "$0")/bench-lib.sh"
bench_h2_then_postgres dev.updraft.bench.DagsListBenchmark "$@"
