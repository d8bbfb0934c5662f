#!/usr/bin/env bash
# Wall time of `./updraft dags list` on the examples, JVM start included, measured with hyperfine
# (Debian package `hyperfine`). The first, untimed run builds the distribution if needed and
# creates the class-data-sharing archive that later runs use.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install hyperfine)" >&2; exit 1; }
export UPDRAFT_HOME=${UPDRAFT_HOME:-$(mktemp -d)}
./updraft dags list >/dev/null
hyperfine --warmup 3 --runs "${RUNS:-30}" --export-markdown /dev/stdout './updraft dags list'
