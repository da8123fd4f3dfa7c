#!/usr/bin/env bash
# Mixed load: reads under writes, on SQLite and PostgreSQL, on 127.0.0.1 only, bounded in time.
# 6 wrk connections read the task board (/Tasks) while 2 writers post task progress through the API
# (each on its own task, with the version it read) for DURATION seconds (default 60). Counts every error.
# Results: one JSON line per provider in bench/results/mixed-*.jsonl
#   bench/mixed.sh [sqlite|postgres ...]      (SCALE=small|large, default small)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
duration="${DURATION:-60}"
scale="${SCALE:-small}"
providers=("$@"); [ ${#providers[@]} -gt 0 ] || providers=(sqlite postgres)
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
. "$root/scripts/pg.sh"
trap 'kill $server 2>/dev/null || true; pg_stop' EXIT
mkdir -p bench/results
out="bench/results/mixed-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
port=5098
server=""

for provider in "${providers[@]}"; do
  data="$(mktemp -d /tmp/parhub-mixed.XXXXXX)"
  export PARHUB_DATA_DIR="$data" PARHUB_DIGEST=off
  unset PARHUB_DB
  if [ "$provider" = postgres ]; then
    pg_start
    export PARHUB_DB="$PARHUB_PG_URL;Maximum Pool Size=50"
  fi
  ./parhub demo --reset --scale "$scale" >/dev/null
  token=$(./parhub users token --username cchc --name bench 2>/dev/null | python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
  ./parhub serve --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/Tasks" >/dev/null   # warm-up
  # Reads alone first (the baseline of the same run), then reads with the writers.
  alone=$(wrk -t2 -c6 -d"$((duration / 4))s" --timeout 10s -H "Authorization: Bearer $token" -s bench/p95.lua "http://127.0.0.1:$port/Tasks" | tail -n 1)
  python3 bench/writers.py "http://127.0.0.1:$port" "$token" "$duration" 2 > "$data/writers.json" &
  writers=$!
  mixed=$(wrk -t2 -c6 -d"${duration}s" --timeout 10s -H "Authorization: Bearer $token" -s bench/p95.lua "http://127.0.0.1:$port/Tasks" | tail -n 1)
  wait $writers
  errors500=$(grep -c '"level":"Error"\|"LogLevel":"Error"' "$data/server.log" || true)
  python3 - "$provider" "$scale" "$duration" "$alone" "$mixed" "$data/writers.json" "$errors500" <<'PY' | tee -a "$out"
import json, sys
provider, scale, duration, alone, mixed, writers, logged = sys.argv[1:8]
a, m, w = json.loads(alone), json.loads(mixed), json.load(open(writers))
print(json.dumps(dict(provider=provider, scale=scale, duration_s=int(duration), readers=6, writers=2, path="/Tasks",
    reads_alone_rps=a.get("rps"), reads_alone_p95_ms=a.get("p95_ms"),
    reads_under_writes_rps=m.get("rps"), reads_under_writes_p95_ms=m.get("p95_ms"), read_errors=m.get("errors", 0),
    writes=w["writes"], write_errors=w["errors"], write_statuses=w["statuses"], write_p95_ms=w["p95_ms"],
    server_error_log_lines=int(logged))))
PY
  kill $server; wait $server 2>/dev/null || true; server=""
  [ "$provider" = postgres ] && pg_stop
  rm -rf "$data"
done
echo "results: $out" >&2
