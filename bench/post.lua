-- wrk script: POSTs one filled-in public survey form per request — the body from the file SIPAS_BODY_FILE, the
-- antiforgery cookie from SIPAS_COOKIE (both made by bench/sipas.sh) — and prints the same JSON line as p95.lua.
local f = assert(io.open(os.getenv("SIPAS_BODY_FILE"), "r"))
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("SIPAS_COOKIE")

done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests":%d,"errors":%d,"rps":%.1f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f}\n',
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
