#!/usr/bin/env bash
# Monthly bill run at district scale: 100 compounds x 1,500 households (the `district` dataset) on the embedded
# PostgreSQL. Gives every district compound a property fee (per m2, 1.50 yuan), then runs one month for all of them
# in one request (POST /api/v1/bill-runs), then runs the same month again (must create nothing), and prints bills/s.
# A warm-up run of the month before comes first and is reported apart: a long-running server has its code compiled
# and its projection current; on a freshly created dataset the warm-up also reads all 150,000 rooms once.
# The run includes refreshing billing's projection of rooms from the registry (billing.billable_room).
# The machine's load average is printed before each run (the figures mean little without it on a shared machine).
# Usage: bench/billing.sh   (JAVA_HOME must point at a JDK 21+; needs curl and python3)
#        BENCH_WORK=/some/dir keeps the dataset between runs (creating it takes minutes); PERIOD=2026-10 by default,
#        WARMUP_PERIOD the month before it by default (use months not run before for first-run figures).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
jar=$(ls "$PWD"/target/linli-*.jar | head -1)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=${BENCH_WORK:-$(mktemp -d)}
port=${PORT:-18082}
period=${PERIOD:-2026-10}
warmup=${WARMUP_PERIOD:-$(python3 -c 'import sys; y, m = map(int, sys.argv[1].split("-")); y, m = (y, m - 1) if m > 1 else (y - 1, 12); print(f"{y:04d}-{m:02d}")' "$period")}
base="http://localhost:$port"
trap 'kill $pid 2> /dev/null || true' EXIT

(cd "$work" && LINLI_DATA_DIR="$work/data" PORT=$port exec "$java" -jar "$jar" --linli.dataset=district \
  > "$work/app.log" 2>&1) &
pid=$!
until grep -q "District dataset ready" "$work/app.log" 2> /dev/null; do
  kill -0 "$pid" 2> /dev/null || { echo "the application died, see $work/app.log"; exit 1; }
  sleep 2
done
grep -o "District dataset ready.*" "$work/app.log"

token=$(curl -fs -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"Demo@2026"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
ids=$(curl -fs "$base/api/v1/communities" "${auth[@]}" \
  | python3 -c 'import json,sys; print(json.dumps([c["id"] for c in json.load(sys.stdin) if c["code"].startswith("district-")]))')
echo "district compounds: $(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])))' "$ids")"

# the fee item of each compound (a second start finds them: 400 code taken, ignored)
for cid in $(python3 -c 'import json,sys; print(" ".join(json.loads(sys.argv[1])))' "$ids"); do
  curl -s -o /dev/null "$base/api/v1/communities/$cid/fee-items" "${auth[@]}" \
    -d '{"code":"PROPERTY","name":"物业服务费","kind":"AREA_RATE","cycle":"MONTH","priceFen":150,"effectiveFrom":"2020-01-01"}'
done

run() {
  curl -fs -o "$work/run-$1.json" -w '%{time_total}' "$base/api/v1/bill-runs" "${auth[@]}" \
    -d "{\"period\":\"${2:-$period}\",\"communityIds\":$ids}"
}
report() {
  python3 - "$work/run-$1.json" "$2" "$1" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1])); seconds = float(sys.argv[2])
created = sum(r["created"] for r in runs); bills = sum(r["bills"] for r in runs); total = sum(r["totalFen"] for r in runs)
rate = created / seconds if created else 0
print(f"{sys.argv[3]}: {len(runs)} compounds, {created} bills created, {bills} bills in the period, "
      f"{total / 100:.2f} yuan, {seconds:.2f} s" + (f", {rate:,.0f} bills/s" if created else ""))
PY
}
load() { uptime | sed -E 's/.*(load average)/  \1/'; }
echo "== warm-up: POST /api/v1/bill-runs {period: $warmup, 100 compounds}"
load; t=$(run warmup "$warmup"); report warmup "$t"
echo "== POST /api/v1/bill-runs {period: $period, 100 compounds}"
load; t=$(run first); report first "$t"
load; t=$(run again); report again "$t"
load; t=$(run third); report third "$t"
load
