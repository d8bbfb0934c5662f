#!/usr/bin/env bash
# Builds the bench module and times DagBag loading on generated DAGs.
#
#   bench/run-dagbag-benchmark.sh                  # 1,000 jars x 1 DAG, then 10 jars x 100 DAGs
#   bench/run-dagbag-benchmark.sh --dags 500 ...   # one run with these flags
#
# Flags: --dags N (1000), --tasks N (20), --per-jar K (1), --warm N (10). JAVA_OPTS is passed on.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true

# The JDK ./mvnw uses (>= 21): the benchmark compiles its DAGs with the JDK's compiler.
. .mvn/jdk.sh
updraft_select_jdk
classpath="bench/target/classes:bench/target/lib/*"

run() {
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "$classpath" dev.updraft.bench.DagBagLoadBenchmark "$@"
}

if [ $# -gt 0 ]; then
  run "$@"
else
  run
  echo
  run --per-jar 100
fi
