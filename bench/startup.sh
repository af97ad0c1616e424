#!/usr/bin/env bash
# Cold start to healthy and resident memory of the demo.
# Usage: bench/startup.sh   (JAVA_HOME must point at a JDK 21+; JDK 25 for the AOT cache line)
# Prints seconds from launching the JVM to /actuator/health UP, and the RSS of the JVM and of the embedded
# PostgreSQL (postmaster only; its backends share most of their memory with it), for:
#   first    java -jar, empty data directory (initdb, migrations, demo compound)
#   restart  java -jar, existing data
#   aot      the jar extracted (java -Djarmode=tools extract) and started with a JDK 25 AOT cache from a training run
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
jar=$(ls "$PWD"/target/linli-*.jar | head -1)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
port=${PORT:-18080}
trap 'pkill -f "$work" 2> /dev/null || true; rm -rf "$work"' EXIT

start_once() {
  local label=$1; shift
  local begin now pid jvm_rss pg_rss
  begin=$(date +%s.%N)
  (cd "$work" && PORT=$port exec "$java" "$@" > "$work/$label.log" 2>&1) &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2> /dev/null | grep -q UP; do
    kill -0 "$pid" 2> /dev/null || { echo "$label: the application died, see $work/$label.log"; exit 1; }
    sleep 0.1
  done
  now=$(date +%s.%N)
  sleep 5 # let the start settle before reading memory
  jvm_rss=$(ps -o rss= -p "$pid" | awk '{ printf "%.0f", $1 / 1024 }')
  pg_rss=$(pgrep -f "postgres -D $work/data/postgres" | head -1 | xargs -r ps -o rss= -p | awk '{ printf "%.0f", $1 / 1024 }')
  printf '%-8s healthy after %5.1f s; RSS: JVM %s MB, PostgreSQL postmaster %s MB\n' \
    "$label" "$(echo "$now - $begin" | bc)" "$jvm_rss" "$pg_rss"
  kill "$pid"; wait "$pid" 2> /dev/null || true
}

start_once first -jar "$jar"
start_once restart -jar "$jar"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
extracted=$(ls "$work"/app/linli-*.jar)
(cd "$work" && "$java" -XX:AOTCacheOutput="$work/app/linli.aot" -Dspring.context.exit=onRefresh -jar "$extracted" \
  > "$work/train.log" 2>&1)
start_once aot -XX:AOTCache="$work/app/linli.aot" -jar "$extracted"
