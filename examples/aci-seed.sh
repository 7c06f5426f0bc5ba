#!/usr/bin/env bash
# The ACI seed's cross-domain example (automotive → finance → meta-reasoner) against a Proxy Me of its own:
# starts proxyme.jar in embedded mode on a free port with a throwaway data directory, runs three external agents that
# talk to the gateway over HTTP only, prints each step and the chain's timeline, and stops the server.
#   examples/aci-seed.sh                       (builds the jar first if it is missing)
#   examples/aci-seed.sh --url http://127.0.0.1:8080    against a server already running (embedded demo users)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*-2[1-9]* /usr/lib/jvm/*-[3-9][0-9]* 2>/dev/null | head -1 || true)
fi
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] || { echo "needs a JDK 21 or newer: set JAVA_HOME" >&2; exit 2; }
export JAVA_HOME
jar=proxyme-web-overlay/target/proxyme.jar
[ -f "$jar" ] || ./mvnw -B -ntp -q -DskipTests package
# the agents' classpath from this checkout's modules (compiled if needed), not from what ~/.m2 may hold
cp_file=$(mktemp)
./mvnw -B -ntp -q -pl proxyme-it -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime > /dev/null
cp_it=$(cat "$cp_file"):proxyme-it/target/classes
rm -f "$cp_file"
run_example() { "$JAVA_HOME/bin/java" -cp "$cp_it" app.proxyme.it.aci.SeedExample --url "$1"; }

if [ "${1:-}" = "--url" ]; then
  run_example "$2"
  exit
fi
port=$("$JAVA_HOME/bin/java" -cp "$cp_it" app.proxyme.it.aci.FreePort)
data=$(mktemp -d)
SERVER_PORT=$port PROXYME_ADMIN_PORT=0 PROXYME_DATA_DIR="$data" "$JAVA_HOME/bin/java" -jar "$jar" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { echo "the server did not start; its log:" >&2; tail -40 "$data/server.log" >&2; exit 1; }
run_example "http://127.0.0.1:$port"
