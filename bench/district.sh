#!/usr/bin/env bash
# District scale: 100 compounds x 1,500 households (the `district` dataset) on the embedded PostgreSQL.
# Measures: time to create the dataset, the room and person list API and staff pages at district scale (wrk, p99),
# and the import of 100,000 person rows (dry run and real run) into one compound.
# Usage: bench/district.sh   (JAVA_HOME must point at a JDK 21+; needs curl, wrk and python3)
#   BENCH_WORK=dir reuses a dataset made before; LEVELS="1 2 4 8" connection counts; DURATION=30s per measurement.
#   On a shared machine run it under the benchmark lock: flock /tmp/bench.lock bench/district.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp package -DskipTests
jar=$(ls "$PWD"/target/linli-*.jar | head -1)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=${BENCH_WORK:-$(mktemp -d)}
port=${PORT:-18081}
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
communities=$(curl -fs "$base/api/v1/communities" -H "Authorization: Bearer $token")
cid() { python3 -c 'import json,sys; print([c["id"] for c in json.load(sys.stdin) if c["code"] == sys.argv[1]][0])' "$1" <<< "$communities"; }
echo "communities: $(python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' <<< "$communities")"

middle=$(cid district-050)
# each list at 1, 2, 4 and 8 connections (LEVELS), so the figures separate a request's own latency from queueing on
# a small machine; with the CPU time the application and PostgreSQL spent per request (load-independent)
pgpid=$(ps -eo pid,args | awk -v d="$work/data/postgres" '$2 ~ /bin\/postgres$/ && $4 == d {print $1}')
ticks() { local s=0; for p in "$@"; do [ -r "/proc/$p/stat" ] && s=$((s + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo $s; }
measure() { # name header url
  wrk -t2 -c8 -d10s -H "$2" "$3" > /dev/null
  for c in ${LEVELS:-1 2 4 8}; do
    local app=$(ticks "$pid") db=$(ticks $(pgrep -P "$pgpid")) out
    out=$(wrk -t$((c < 2 ? 1 : 2)) -c"$c" -d"${DURATION:-30s}" --latency -H "$2" "$3")
    local n=$(awk '/requests in/ {print $1}' <<< "$out") app2=$(ticks "$pid") db2=$(ticks $(pgrep -P "$pgpid"))
    printf '%-16s c%-2s %9s req/s  p50 %-8s p90 %-8s p99 %-8s CPU/request: app %s ms, PostgreSQL %s ms %s\n' "$1" "$c" \
      "$(awk '/Requests\/sec/ {print $2}' <<< "$out")" "$(awk '$1 == "50%" {print $2}' <<< "$out")" \
      "$(awk '$1 == "90%" {print $2}' <<< "$out")" "$(awk '$1 == "99%" {print $2}' <<< "$out")" \
      "$(awk -v t=$((app2 - app)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')" \
      "$(awk -v t=$((db2 - db)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')" \
      "$(grep -o 'Non-2xx.*' <<< "$out")"
  done
}
echo "load before: $(uptime)"
measure "API rooms" "Authorization: Bearer $token" "$base/api/v1/communities/$middle/rooms?page=37&size=20"
measure "API persons" "Authorization: Bearer $token" "$base/api/v1/communities/$middle/persons?page=37&size=20"

# the staff pages, signed in with a session as a browser would be
jar_cookies="$work/cookies.txt"
csrf=$(curl -fs -c "$jar_cookies" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
curl -fs -o /dev/null -b "$jar_cookies" -c "$jar_cookies" --data-urlencode "username=admin" \
  --data-urlencode "password=Demo@2026" --data-urlencode "_csrf=$csrf" "$base/login"
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar_cookies")
building=$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/communities/$middle/rooms?page=37&size=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["content"][0]["buildingId"])')
measure "page persons" "Cookie: JSESSIONID=$session" "$base/console/communities/$middle/persons?page=37"
measure "page building" "Cookie: JSESSIONID=$session" "$base/console/communities/$middle/buildings/$building"
echo "load after: $(uptime)"

last=$(cid "${IMPORT_COMPOUND:-district-100}")
python3 - "$work/persons.csv" <<'PY'
import sys
weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
check = "10X98765432"
rows = ["楼栋,单元,房号,姓名,身份证号,手机号,与房屋关系"]
n = 0
while len(rows) <= 100_000:
    day = 1 + n % 28; month = 1 + (n // 28) % 12; year = 1950 + (n // 336) % 60
    first = "310115%04d%02d%02d%03d" % (year, month, day, (n // 20160) % 1000)
    ident = first + check[sum(int(c) * w for c, w in zip(first, weights)) % 11]
    building = 5 + n % 10; unit = 1 + (n // 10) % 2; floor = 1 + (n // 20) % 23; room = 1 + (n // 460) % 3
    rows.append("%d号楼,%d,%d%02d,居民%06d,%s,139%08d,家庭成员" % (building, unit, floor, room, n, ident, n))
    n += 1
open(sys.argv[1], "w", encoding="utf-8").write("\r\n".join(rows) + "\r\n")
PY
echo "== import of 100,000 person rows into ${IMPORT_COMPOUND:-district-100} ($(du -h "$work/persons.csv" | cut -f1))"
for dry in true false; do
  /usr/bin/time -f "dryRun=$dry: %e s" curl -s -o "$work/report-$dry.json" -w "HTTP %{http_code}  " \
    -H "Authorization: Bearer $token" -F "file=@$work/persons.csv;type=text/csv" \
    "$base/api/v1/communities/$last/imports/persons?dryRun=$dry"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print({k: r[k] for k in ("total","valid","invalid","written")})' "$work/report-$dry.json"
done
