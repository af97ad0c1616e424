#!/usr/bin/env bash
# HTTP benchmark of an authenticated JSON list read: GET /api/v1/communities with a bearer token, by wrk (Debian).
# Usage: bench/http-list.sh [base-url] [connections] [seconds]   against a running demo (./mvnw spring-boot:run).
set -euo pipefail
base=${1:-http://localhost:8080}
connections=${2:-8}
seconds=${3:-30}
token=$(curl -fs -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"manager","password":"Demo@2026"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
[ -n "$token" ] || { echo "no token"; exit 1; }
# warm up the JIT and the pools first, then measure
wrk -t2 -c"$connections" -d10s -H "Authorization: Bearer $token" "$base/api/v1/communities" > /dev/null
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$base/api/v1/communities"
