#!/usr/bin/env bash
# SIPAS benchmarks on SQLite and PostgreSQL, on 127.0.0.1 only, each step bounded:
#  1. computing last year's demo programme at --scale large (40,000 responses × 39 index items) from the database: the
#     results page requested 10 times with one connection (nothing is cached: each request counts the answers in SQL);
#  2. public form submissions through real HTTP: wrk posts a complete form (every part answered) with 8 connections for
#     WARMUP seconds (default 30, not measured: on two busy cores the JIT's tiering takes ~20 s to settle), then for DURATION seconds (default 20); the rows are counted afterwards;
#  3. the baseline in the same run: the same rows inserted straight through ADO.NET (Npgsql / Microsoft.Data.Sqlite) by
#     8 writers for DURATION seconds (bench/ParHub.Bench raw-submit).
# SCALE=small skips the 40,000 responses (the compute figure is then of the small demo). Results: bench/results/sipas-*.jsonl
#   bench/sipas.sh [sqlite|postgres ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
duration="${DURATION:-20}"
providers=("$@"); [ ${#providers[@]} -gt 0 ] || providers=(sqlite postgres)
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }; }
. "$root/scripts/pg.sh"
trap 'kill $server 2>/dev/null || true; pg_stop' EXIT
mkdir -p bench/results
out="bench/results/sipas-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
port=5098
server=""
dotnet build -c Release bench/ParHub.Bench -v q >/dev/null
tmp="$(mktemp -d /tmp/parhub-sipas.XXXXXX)"

sql() { # one query's rows, tab-separated
  if [ "$provider" = postgres ]; then
    "$(pg_bin)/psql" -At -F $'\t' -h 127.0.0.1 -p "$(sed -E 's/.*Port=([0-9]+).*/\1/' <<< "$PARHUB_PG_URL")" -U postgres -d postgres -c "$1"
  else sqlite3 -separator $'\t' "$PARHUB_DATA_DIR/parhub.db" "$1"; fi
}

for provider in "${providers[@]}"; do
  data="$(mktemp -d /tmp/parhub-bench.XXXXXX)"
  export PARHUB_DATA_DIR="$data"
  unset PARHUB_DB
  if [ "$provider" = postgres ]; then
    pg_start
    export PARHUB_DB="$PARHUB_PG_URL;Maximum Pool Size=50"
    raw="$PARHUB_PG_URL"
  else raw="Data Source=$data/parhub.db;Foreign Keys=True;Pooling=True"; fi
  ./parhub demo --reset --scale "${SCALE:-large}" >/dev/null
  token=$(./parhub users token --username cchc --name bench 2>/dev/null | python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
  PARHUB_SURVEY_PER_MINUTE=100000000 ./parhub serve --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done

  # 1. Compute from the database.
  last=$(sql "SELECT \"Id\" FROM survey_programmes WHERE \"State\" = 'Published' ORDER BY \"Year\" DESC LIMIT 1")
  counted=$(sql "SELECT COUNT(*) FROM survey_responses WHERE \"ProgrammeId\" = $last")
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/Sipas/Results/$last"   # warm-up
  for _ in $(seq 1 10); do
    curl -sf -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/Sipas/Results/$last"
  done | python3 -c "import json,sys; t=sorted(float(x)*1000 for x in sys.stdin); print(json.dumps(dict(provider='$provider', path='/Sipas/Results/{last year} ($counted responses, computed from the database, 1 connection)', requests=len(t), p50_ms=round(t[len(t)//2],2), max_ms=round(t[-1],2))))" | tee -a "$out"

  # 2. Public form submissions: the form of this year's programme, every item answered (8.c = yes: the service part too).
  read -r current questionnaire < <(sql "SELECT \"Id\", \"QuestionnaireId\" FROM survey_programmes WHERE \"State\" = 'Collecting' LIMIT 1")
  definition="$tmp/definition.json"; sql "SELECT \"Definition\" FROM survey_questionnaires WHERE \"Id\" = $questionnaire" > "$definition"
  curl -sf -o "$tmp/choose.html" "http://127.0.0.1:$port/KhaoSat/$current"
  agency=$(python3 -c 'import re,sys; print(re.search(r"<option value=\"([0-9]+)\"", open(sys.argv[1]).read()).group(1))' "$tmp/choose.html")
  curl -sf -c "$tmp/jar" -o "$tmp/form.html" "http://127.0.0.1:$port/KhaoSat/$current?agency=$agency"
  antiforgery=$(python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", open(sys.argv[1]).read()).group(1))' "$tmp/form.html")
  export SIPAS_COOKIE=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$tmp/jar")
  export SIPAS_BODY_FILE="$tmp/body"
  python3 - "$definition" "$agency" "$antiforgery" "$tmp/answers.json" > "$SIPAS_BODY_FILE" <<'PY'
import json, sys, urllib.parse
d = json.load(open(sys.argv[1]))
answers = {}
for s in d["Sections"]:
    for c in s["Components"]:
        for i in c["Items"]:
            t = i["Type"]
            if t == "Text": continue
            answers[i["Code"]] = {"Scale5": 4, "Scale4": 3, "YesNo": 1}.get(t, 1)
json.dump(answers, open(sys.argv[4], "w"))
fields = [("agency", sys.argv[2]), ("page", "99"), ("__RequestVerificationToken", sys.argv[3])]
fields += [("a:" + k, str(v)) for k, v in answers.items()]
sys.stdout.write(urllib.parse.urlencode(fields))
PY
  # Warm-up (JIT tiering, pools), not measured: ${WARMUP:-30} s of the same posts.
  wrk -t2 -c8 -d"${WARMUP:-30}s" --timeout 10s -s bench/post.lua "http://127.0.0.1:$port/KhaoSat/$current" >/dev/null
  before=$(sql "SELECT COUNT(*) FROM survey_responses WHERE \"ProgrammeId\" = $current")
  curl -sf -o /dev/null -w "%{http_code} " -b "$tmp/jar" -H "Content-Type: application/x-www-form-urlencoded" --data-binary "@$SIPAS_BODY_FILE" \
    "http://127.0.0.1:$port/KhaoSat/$current" | grep -q 302 || { echo "a posted form is not accepted (no redirect to the thank-you page)" >&2; exit 1; }
  wrk -t2 -c8 -d"${duration}s" --timeout 10s -s bench/post.lua "http://127.0.0.1:$port/KhaoSat/$current" | tail -n 1 > "$tmp/wrk.json"
  after=$(sql "SELECT COUNT(*) FROM survey_responses WHERE \"ProgrammeId\" = $current")
  python3 -c "import json; r=json.load(open('$tmp/wrk.json')); r.update(provider='$provider', path='POST /KhaoSat/{id} (a complete form, $(python3 -c "import json;print(len(json.load(open('$tmp/answers.json'))))") answers)', duration_s=$duration, connections=8, stored=$after-$before-1); print(json.dumps(r))" | tee -a "$out"
  kill $server; wait $server 2>/dev/null || true; server=""

  # 3. The baseline: the same rows straight through ADO.NET, in the same run.
  dotnet bench/ParHub.Bench/bin/Release/net10.0/ParHub.Bench.dll raw-submit --provider "$provider" --db "$raw" --programme "$current" \
    --questionnaire "$questionnaire" --agency "$agency" --answers "$tmp/answers.json" --seconds "$duration" --writers 8 | tee -a "$out"
  [ "$provider" = postgres ] && pg_stop
  rm -rf "$data"
done
rm -rf "$tmp"
echo "results: $out" >&2
