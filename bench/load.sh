#!/usr/bin/env bash
# Capacity run: the server pinned to core 0, the load generator to core 1, one run per meeting count.
#   bench/load.sh [--pg] [--duration-s 60] [N ...]      e.g.  bench/load.sh 100 200 300 400
#   HARNESS_ARGS="--flooders 10 --non-readers 40" bench/load.sh 100     hostile clients beside 100 meetings
#   HARNESS_ARGS="--warmup-s 120" bench/load.sh 200    measure once the JIT compilers have settled (~80 s under load)
#   SERVER_CPUS=0-1 bench/load.sh 200    the server on both cores, sharing core 1 with the load generator
# Prints a summary line per N and appends BENCHMARKS.md-style rows to bench/results-<db>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
db=h2; duration=60; counts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pg) db=postgresql ;;
    --duration-s) duration="$2"; shift ;;
    *) counts+=("$1") ;;
  esac
  shift
done
[ ${#counts[@]} -gt 0 ] || counts=(200)
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
port=18180
out="bench/results-$db.md"
jar=proxyme-web-overlay/target/proxyme.jar
[ -f "$jar" ] || ./mvnw -q -DskipTests install
cp_it=$(./mvnw -q -pl proxyme-it dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime):proxyme-it/target/classes

for n in "${counts[@]}"; do
  data=$(mktemp -d)
  env_db=()
  if [ "$db" = postgresql ]; then
    name="proxyme_bench_$(date +%s)"
    psql -h 127.0.0.1 -U postgres -qc "create database $name" postgres
    env_db=(PROXYME_DB_URL="jdbc:postgresql://127.0.0.1:5432/$name" PROXYME_DB_USER=postgres)
  fi
  env "${env_db[@]}" SERVER_PORT=$port PROXYME_DATA_DIR="$data" \
    taskset -c "${SERVER_CPUS:-0}" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${SERVER_JAVA_OPTS:-} -jar "$jar" > "$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 360); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
  set +e
  taskset -c "${HARNESS_CPUS:-1}" "$JAVA_HOME/bin/java" -Dproxyme.shared.dir="$(pwd)/../shared" -cp "$cp_it" \
    app.proxyme.it.load.LoadHarness --url "http://127.0.0.1:$port" --meetings "$n" --duration-s "$duration" \
    --server-pid "$server" --markdown "$out" ${HARNESS_ARGS:-}
  status=$?
  set -e
  kill "$server"; wait "$server" 2>/dev/null || true
  [ "$db" = postgresql ] && psql -h 127.0.0.1 -U postgres -qc "drop database $name" postgres
  rm -rf "$data"
  echo "N=$n exit=$status ($db)"
done
