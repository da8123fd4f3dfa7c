#!/usr/bin/env bash
# TTHC benchmarks on PostgreSQL (and SQLite beside it), on 127.0.0.1 only, each step bounded:
#  1. importing 1,000,000 generated dossier rows (a CSV in the one-stop export's header) with `./parhub tthc import`,
#     the time the import itself reports (stream, validate, COPY straight in or staging COPY + merge, audit, commit);
#  2. the baseline in the same run (PostgreSQL): the same rows by one raw Npgsql binary COPY into an empty copy of the
#     dossiers table (bench/ParHub.Bench raw-copy-dossiers);
#  3. the same file imported again (every row unchanged), then a second million: 2 million dossiers (+ the demo's);
#  4. a quarter's figures for every agency from the database, `./parhub tthc figures` (in-process time, 3 runs), and
#     the PostgreSQL plan of that query (EXPLAIN ANALYZE, in the results file);
#  5. /Tthc at that scale: 8 connections for DURATION s (default 15) after 5 s of warm-up (wrk, bench/p95.lua).
# Results: bench/results/tthc-*.jsonl (and tthc-*-explain.txt).   bench/tthc.sh [postgres|sqlite ...]   ROWS=1000000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rows="${ROWS:-1000000}"
duration="${DURATION:-15}"
providers=("$@"); [ ${#providers[@]} -gt 0 ] || providers=(postgres sqlite)
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }; }
. "$root/scripts/pg.sh"
server=""
trap 'kill $server 2>/dev/null || true; pg_stop' EXIT
mkdir -p bench/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="bench/results/tthc-$stamp.jsonl"
port=5097
dotnet build -c Release bench/ParHub.Bench -v q >/dev/null
tmp="$(mktemp -d /tmp/parhub-tthc.XXXXXX)"

sql() {
  if [ "$provider" = postgres ]; then
    "$(pg_bin)/psql" -At -F $'\t' -h 127.0.0.1 -p "$(sed -E 's/.*Port=([0-9]+).*/\1/' <<< "$PARHUB_PG_URL")" -U postgres -d postgres -c "$1"
  else sqlite3 -separator $'\t' "$PARHUB_DATA_DIR/parhub.db" "$1"; fi
}

generate() { # $1 file, $2 code prefix: ROWS dossiers over 2025-2026 for the directory's agencies
  sql "SELECT \"Code\" FROM agencies WHERE \"Code\" <> '' ORDER BY \"Id\"" > "$tmp/agencies.txt"
  python3 - "$1" "$2" "$rows" "$tmp/agencies.txt" <<'PY'
import random, sys, datetime
path, prefix, n, agencies = sys.argv[1], sys.argv[2], int(sys.argv[3]), open(sys.argv[4]).read().split()
rnd = random.Random(prefix)
start = datetime.date(2025, 1, 1)
with open(path, "w") as f:
    f.write("ma_ho_so,co_quan,ma_tthc,kenh,ngay_tiep_nhan,ngay_hen_tra,ngay_co_ket_qua,co_phi,thanh_toan_truc_tuyen,so_hoa,ket_qua_dien_tu,dong_bo_dvcqg,xin_loi,danh_gia\n")
    for i in range(n):
        received = start + datetime.timedelta(days=rnd.randrange(700))
        due = received + datetime.timedelta(days=rnd.choice((3, 5, 7, 10, 15, 20)))
        r = rnd.random()
        resolved = "" if r < 0.05 else (due + datetime.timedelta(days=rnd.randrange(1, 10)) if r < 0.12 else received + datetime.timedelta(days=rnd.randrange(0, (due - received).days + 1))).isoformat()
        fee = rnd.random() < 0.6
        late = resolved == "" or resolved > due.isoformat()
        f.write(f"{prefix}-{i:07d},{rnd.choice(agencies)},{rnd.randrange(1, 400):01d}.{rnd.randrange(100000, 999999)},"
                f"{rnd.choice(('truc_tiep', 'truc_tuyen', 'truc_tuyen', 'buu_chinh'))},{received.isoformat()},{due.isoformat()},{resolved},"
                f"{'yes' if fee else 'no'},{'yes' if fee and rnd.random() < 0.4 else 'no'},{'yes' if rnd.random() < 0.7 else 'no'},"
                f"{'yes' if resolved and rnd.random() < 0.6 else 'no'},{'yes' if rnd.random() < 0.9 else 'no'},{'yes' if late and rnd.random() < 0.5 else 'no'},"
                f"{rnd.choice(('hai_long', 'hai_long', '', 'khong_hai_long')) if resolved else ''}\n")
PY
}

import() { # $1 file, $2 label: one JSON line with the import's own time
  local started ended result
  started=$(date +%s.%N)
  result=$(./parhub tthc import "$1")
  ended=$(date +%s.%N)
  python3 -c "import json,sys; r=json.loads(sys.argv[1]); s=r['ms']/1000; print(json.dumps(dict(provider='$provider', path='$2', rows=$rows, seconds=round(s,2), rows_per_s=round($rows/s), wall_s=round($ended-$started,2), added=r['added'], updated=r['updated'], unchanged=r['unchanged'])))" "$result" | tee -a "$out"
}

for provider in "${providers[@]}"; do
  data="$(mktemp -d /tmp/parhub-bench.XXXXXX)"
  export PARHUB_DATA_DIR="$data"
  unset PARHUB_DB
  if [ "$provider" = postgres ]; then pg_start; export PARHUB_DB="$PARHUB_PG_URL;Maximum Pool Size=50"; fi
  ./parhub demo --reset >/dev/null
  generate "$tmp/a.csv" A
  import "$tmp/a.csv" "./parhub tthc import (1st million, new rows)"
  if [ "$provider" = postgres ]; then
    dotnet bench/ParHub.Bench/bin/Release/net10.0/ParHub.Bench.dll raw-copy-dossiers --db "$PARHUB_PG_URL" --file "$tmp/a.csv" | tee -a "$out"
  fi
  import "$tmp/a.csv" "./parhub tthc import (the same file again: all unchanged)"
  generate "$tmp/b.csv" B
  import "$tmp/b.csv" "./parhub tthc import (2nd million, new rows)"
  total=$(sql "SELECT COUNT(*) FROM dossiers")
  [ "$provider" = postgres ] && sql "ANALYZE dossiers" >/dev/null
  for _ in 1 2 3; do ./parhub tthc figures --from 2026-07-01 --to 2026-09-30 | python3 -c "import json,sys; r=json.load(sys.stdin); print(r['ms'], len(r['agencies']))"; done \
    | python3 -c "import json,sys; t=[l.split() for l in sys.stdin]; print(json.dumps(dict(provider='$provider', path='a quarter (Q3 2026) for every agency over $total dossiers, ./parhub tthc figures', runs_ms=[float(x[0]) for x in t], agencies=int(t[0][1])-1)))" | tee -a "$out"
  if [ "$provider" = postgres ]; then
    sql "EXPLAIN (ANALYZE, BUFFERS) SELECT \"AgencyId\", SUM(CASE WHEN \"Received\" >= '2026-07-01' THEN 1 ELSE 0 END), SUM(CASE WHEN \"Resolved\" IS NOT NULL AND \"Resolved\" <= '2026-09-30' AND \"Resolved\" <= \"Due\" THEN 1 ELSE 0 END) FROM dossiers WHERE (\"Received\" >= '2026-07-01' AND \"Received\" <= '2026-09-30') OR (\"Received\" < '2026-07-01' AND (\"Resolved\" IS NULL OR \"Resolved\" >= '2026-07-01')) GROUP BY \"AgencyId\"" > "bench/results/tthc-$stamp-explain.txt"
  fi
  token=$(./parhub users token --username cchc --name bench 2>/dev/null | python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
  ./parhub serve --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  url="http://127.0.0.1:$port/Tthc?from=01/07/2026&to=30/09/2026"
  curl -sf -o /dev/null -w "first (computed) %{time_total}s\n" -H "Authorization: Bearer $token" "$url" >&2
  export WRK_HEADER="Authorization: Bearer $token"
  wrk -t2 -c8 -d5s --timeout 10s -H "$WRK_HEADER" "$url" >/dev/null
  wrk -t2 -c8 -d"${duration}s" --timeout 10s -H "$WRK_HEADER" -s bench/p95.lua "$url" | tail -n 1 > "$tmp/wrk.json"
  python3 -c "import json; r=json.load(open('$tmp/wrk.json')); r.update(provider='$provider', path='GET /Tthc (Q3 2026, $total dossiers, 8 connections)', duration_s=$duration); print(json.dumps(r))" | tee -a "$out"
  kill $server; wait $server 2>/dev/null || true; server=""
  [ "$provider" = postgres ] && pg_stop
  rm -rf "$data"
done
rm -rf "$tmp"
echo "results: $out" >&2
