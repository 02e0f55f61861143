-- wrk script shared by every bench/run measurement. Environment:
--   BENCH_AUTH   value of the Authorization header (optional)
--   BENCH_METHOD GET (default) or POST
--   BENCH_BODY   POST body; "%n" is replaced by a unique number per request (names must be unique)
--   BENCH_PATHS  one or more request paths separated by "|", taken round-robin
-- done() prints one JSON line: requests/s, latency percentiles in ms, errors (non-2xx, socket), and
-- "ok": the answers with a status below 400 (wrk counts every other status as a status error; no
-- measured route redirects, so these are the 2xx answers). Throughput counts only those.
local auth = os.getenv("BENCH_AUTH")
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^|]+") do
  table.insert(paths, p)
end
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  seed = tostring(os.time()) .. "-" .. tostring(tid) .. "-" .. tostring(math.random(1000000))
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  local headers = {}
  if auth then headers["Authorization"] = auth end
  local b = nil
  if body then
    headers["Content-Type"] = "application/json"
    b = string.gsub(body, "%%n", seed .. "-" .. counter)
  end
  return wrk.format(method, path, headers, b)
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format(
    '{"requests": %d, "ok": %d, "seconds": %.3f, "rps_all": %.1f, "rps": %.1f, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "errors": %d, "non2xx": %d}\n',
    summary.requests, summary.requests - e.status, secs, summary.requests / secs, (summary.requests - e.status) / secs,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors, e.status))
end
