#!/usr/bin/env bash
# HTTP benchmarks of ParHub at --scale large, on SQLite and on PostgreSQL, with wrk on 127.0.0.1 only.
# Each run is bounded: 8 connections, DURATION seconds (default 30) per endpoint (15 endpoints), plus one uncached
# province aggregate per reporting period (40 requests). Results: bench/results/*.jsonl
#   bench/run.sh [sqlite|postgres ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
duration="${DURATION:-30}"
providers=("$@"); [ ${#providers[@]} -gt 0 ] || providers=(sqlite postgres)
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
. "$root/scripts/pg.sh"
trap 'kill $server 2>/dev/null || true; pg_stop' EXIT
mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl"
port=5099
server=""

for provider in "${providers[@]}"; do
  data="$(mktemp -d /tmp/parhub-bench.XXXXXX)"
  export PARHUB_DATA_DIR="$data"
  unset PARHUB_DB
  if [ "$provider" = postgres ]; then
    pg_start
    export PARHUB_DB="$PARHUB_PG_URL;Maximum Pool Size=50"
  fi
  ./parhub demo --reset --scale large >/dev/null
  token=$(./parhub users token --username cchc --name bench 2>/dev/null | python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
  ./parhub serve --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  year=$(date +%Y)
  stp=$(./parhub agencies list --json 2>/dev/null | python3 -c 'import json,sys;print([a["id"] for a in json.load(sys.stdin) if a["code"]=="STP"][0])')
  paths=("/api/v1/agencies" "/api/v1/agencies?q=so%20ke%20hoach" "/Agencies?q=so+ke+hoach" "/Agencies" \
      "/Tasks" "/Tasks?year=$year" "/Tasks?agencyId=$stp&year=$year" "/Tasks?status=Overdue" "/api/v1/tasks?year=$((year-1))&status=DoneLate" "/Plans" \
      "/Reports/Rates?regime=haiphong-2018&period=$((year-1))-Q3" "/api/v1/reports/haiphong-2018/$((year-1))-Q3/aggregate" \
      "/Reports/Province?regime=haiphong-2018&period=$((year-1))-Q3" "/Reports?year=$((year-1))" "/ParIndex/Results/1")
  # ENDPOINTS="/ParIndex/Results/1 /Tasks" measures only those (and skips the uncached aggregates).
  [ -n "${ENDPOINTS:-}" ] && read -r -a paths <<< "$ENDPOINTS"
  for path in "${paths[@]}"; do
    curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" >/dev/null   # warm-up
    wrk -t2 -c8 -d"${duration}s" --timeout 10s -H "Authorization: Bearer $token" -s bench/p95.lua "http://127.0.0.1:$port$path" \
      | tail -n 1 | python3 -c "import json,sys; r=json.loads(sys.stdin.read()); r.update(provider='$provider', path='$path', duration_s=$duration, connections=8); print(json.dumps(r))" \
      | tee -a "$out"
  done
  # The first aggregate of each period is computed from the database (later ones are served from memory): time those.
  [ -z "${ENDPOINTS:-}" ] && for y in $(seq $((year-10)) $((year-1))); do for p in Q1 H1 Q3 Y; do
    curl -sf -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/reports/haiphong-2018/$y-$p/aggregate"
  done; done | python3 -c "import json,sys; t=sorted(float(x)*1000 for x in sys.stdin); print(json.dumps(dict(provider='$provider', path='/api/v1/reports/haiphong-2018/{40 periods}/aggregate (uncached, 1 connection)', requests=len(t), p50_ms=round(t[len(t)//2],2), p95_ms=round(t[int(len(t)*0.95)-1],2), max_ms=round(t[-1],2))))" | tee -a "$out"
  kill $server; wait $server 2>/dev/null || true; server=""
  [ "$provider" = postgres ] && pg_stop
  rm -rf "$data"
done
echo "results: $out" >&2
