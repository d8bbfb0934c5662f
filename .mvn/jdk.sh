# Sourced by ./mvnw and ./updraft: makes JAVA_HOME point at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm.
updraft_java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing.
  [ -x "$1/bin/javac" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

updraft_select_jdk() {
  local min=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(updraft_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then return 0; fi
  fi
  # ls, not a glob: ./mvnw runs with globbing off (set -f).
  for candidate in $(ls /usr/lib/jvm 2>/dev/null); do
    candidate=/usr/lib/jvm/$candidate
    major=$(updraft_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "updraft: no JDK >= $min found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm)." >&2
    echo "updraft: install one (e.g. Temurin 21+) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

# Maven 3.9 still uses sun.misc.Unsafe through Guice; JDK 23+ warns about it on every build.
updraft_quiet_maven() {
  local major
  major=$(updraft_java_major "$JAVA_HOME")
  if [ -n "$major" ] && [ "$major" -ge 24 ]; then
    case "${MAVEN_OPTS:-}" in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}
