#!/usr/bin/env bash
# Ledger: append rate (batched), inclusion proof time in a 1,000,000-entry log, full verification of that log.
# Runs src/test/java/org/linli/ledger/LedgerBenchmark.java (not part of the normal build) on the embedded PostgreSQL.
# Usage: bench/ledger.sh [entries] [batch]   (JAVA_HOME must point at a JDK 21+)
#   LINLI_LEDGER_ALGORITHM=SHA-256 bench/ledger.sh   to measure SHA-256 instead of SM3 (the default)
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-1000000}
batch=${2:-1000}
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LedgerBenchmark \
  -Dlinli.bench.entries="$entries" -Dlinli.bench.batch="$batch" > target/ledger-benchmark.log 2>&1 \
  || { tail -50 target/ledger-benchmark.log; exit 1; }
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat target/ledger-benchmark.txt
