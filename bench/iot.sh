#!/usr/bin/env bash
# Devices: sustained ingestion of ACCESS events through the embedded MQTT broker into PostgreSQL (goal >= 10,000/s,
# none lost: rows counted after), and smoke -> staff inbox notice latency (goal p99 < 1 s) while that load runs.
# Runs src/test/java/org/linli/iot/IotBenchmark.java (not part of the normal build) on the embedded PostgreSQL; the
# devices are played by LeanDevices (one Netty event loop for all their connections).
# Usage: bench/iot.sh [rate/s] [seconds] [window]     (JAVA_HOME must point at a JDK 21+)
#   extra Maven -D settings pass through, e.g. bench/iot.sh 12000 30 1000 -Dlinli.iot.gateway.batch-size=2000
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-12000}
seconds=${2:-30}
window=${3:-1000}
shift $(( $# < 3 ? $# : 3 ))
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p target
./mvnw -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IotBenchmark \
  -Dlinli.bench.rate="$rate" -Dlinli.bench.seconds="$seconds" -Dlinli.bench.window="$window" "$@" \
  > target/iot-benchmark.log 2>&1 || { tail -50 target/iot-benchmark.log; exit 1; }
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat target/iot-benchmark.txt
