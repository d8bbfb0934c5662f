#!/usr/bin/env bash
# Builds the bench module and times DagBag loading on generated DAGs.
#
#   bench/run-dagbag-benchmark.sh                  # 1,000 jars x 1 DAG, then 10 jars x 100 DAGs
#   bench/run-dagbag-benchmark.sh --dags 500 ...   # one run with these flags
#
# Flags: --dags N (1000), --tasks N (20), --per-jar K (1), --warm N (10). JAVA_OPTS is passed on.
set -euo pipefail
. "$(dirname "$0")/bench-lib.sh"

if [ $# -gt 0 ]; then
  bench_java dev.updraft.bench.DagBagLoadBenchmark "$@"
else
  bench_java dev.updraft.bench.DagBagLoadBenchmark
  echo
  bench_java dev.updraft.bench.DagBagLoadBenchmark --per-jar 100
fi
