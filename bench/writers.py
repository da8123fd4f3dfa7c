#!/usr/bin/env python3
"""Writers for bench/mixed.sh: N threads post task progress through the API for a bounded time, each on its own task
(with the version it last read), and print one JSON object: writes, errors, statuses, p95 latency."""
import json, sys, threading, time, urllib.request, urllib.error

base, token, duration, n = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, headers=headers,
                                 data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None
    except Exception:
        return 0, None

_, page = call("GET", "/api/v1/tasks?pageSize=%d" % n)
tasks = [t["id"] for t in page["items"]][:n]
lock = threading.Lock()
latencies, statuses = [], {}
deadline = time.time() + duration

def writer(task_id):
    _, t = call("GET", "/api/v1/tasks/%d" % task_id)
    version, i = t["version"], 0
    while time.time() < deadline:
        i += 1
        started = time.perf_counter()
        status, body = call("POST", "/api/v1/tasks/%d/progress" % task_id,
                            {"progress": "InProgress", "note": "Tải hỗn hợp %d" % i, "version": version})
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            latencies.append(elapsed)
            statuses[str(status)] = statuses.get(str(status), 0) + 1
        if status == 200: version = body["version"]
        else:
            _, t = call("GET", "/api/v1/tasks/%d" % task_id)
            version = t["version"] if t else version

threads = [threading.Thread(target=writer, args=(t,)) for t in tasks]
for t in threads: t.start()
for t in threads: t.join()
latencies.sort()
writes = len(latencies)
print(json.dumps(dict(writes=writes, errors=writes - statuses.get("200", 0), statuses=statuses,
                      p95_ms=round(latencies[int(writes * 0.95) - 1], 2) if writes else None)))
