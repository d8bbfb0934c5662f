#!/usr/bin/env bash
# Builds the bench module and times the ML-lineage store on H2 and on PostgreSQL: recording
# executions (2 inputs, 2 outputs each), the latest blessed model among 100,000 artifacts, and
# 5-hop lineage subgraphs.
#
#   bench/run-metadata-benchmark.sh                 # H2 (temporary file database), then PostgreSQL
#   bench/run-metadata-benchmark.sh --db h2 ...     # one run with these flags
#
# PostgreSQL: UPDRAFT_BENCH_PG_URL, else UPDRAFT_TEST_PG_URL (.ci/start-postgres.sh prints one);
# each run uses a fresh schema, dropped afterwards. Without either, only H2 runs.
# Flags: --executions N (5000), --threads N (8), --artifacts N (100000), --queries N (2000).
# JAVA_OPTS is passed on.
set -euo pipefail
. "$(dirname "$0")/bench-lib.sh"
bench_h2_then_postgres dev.updraft.bench.metadata.MetadataBenchmark "$@"
