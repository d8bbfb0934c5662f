# Sourced by the bench/run-*.sh scripts: builds the bench module, picks a JDK >= 21, and runs a
# benchmark main class (`bench_java CLASS ARGS…`). JAVA_OPTS is passed on.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
. .mvn/jdk.sh
updraft_select_jdk

bench_java() {
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "bench/target/classes:bench/target/lib/*" "$@"
}

# Runs CLASS on H2, then on PostgreSQL when UPDRAFT_BENCH_PG_URL or UPDRAFT_TEST_PG_URL is set;
# with ARGS, runs CLASS once with them instead.
bench_h2_then_postgres() {
  local main=$1
  shift
  if [ $# -gt 0 ]; then
    bench_java "$main" "$@"
    return
  fi
  local pg_url=${UPDRAFT_BENCH_PG_URL:-${UPDRAFT_TEST_PG_URL:-}}
  bench_java "$main" --db h2
  echo
  if [ -n "$pg_url" ]; then
    bench_java "$main" --db postgresql --url "$pg_url"
  else
    echo "PostgreSQL skipped: set UPDRAFT_BENCH_PG_URL or UPDRAFT_TEST_PG_URL" >&2
  fi
}
