#!/usr/bin/env bash
# Benchmark 1 of the scheduler issue with child-JVM isolation: 40 sequential 10 ms tasks, each in a
# warm runner JVM of the LocalExecutor calling the execution API over HTTP. Runs on H2, then on
# PostgreSQL when UPDRAFT_BENCH_PG_URL or UPDRAFT_TEST_PG_URL is set. Options:
# --db h2|postgresql, --url JDBC, --runs N (5), --runners N (2 warm runner JVMs).
set -euo pipefail
. "$(dirname "$0")/bench-lib.sh"
bench_h2_then_postgres dev.updraft.bench.scheduler.ChildJvmChainBenchmark "$@"
