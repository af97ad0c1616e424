#!/usr/bin/env bash
# Owners' votes at district scale: freezing the voter roll and tallying for one compound of 100,000 rooms
# (single owners, co-owners, owners of two rooms, developer-held rooms), then for the demo compound (1,500 rooms).
# Runs org.linli.governance.bench.GovernanceBenchmark in-process on the embedded PostgreSQL; prints the figures and
# writes them to target/governance-bench.txt. Usage: bench/governance.sh   (JAVA_HOME must point at a JDK 21+)
# BENCH_ROOMS=200000 bench/governance.sh measures another size.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=GovernanceBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false \
  | grep -E "\[governance-bench\]|Tests run:|BUILD"
echo "== figures"
cat target/governance-bench.txt
