-- wrk: GET the path given on the command line with the signed-in session cookie; prints p50/p95/p99 and req/s.
local cookie = os.getenv("COOKIE")
request = function()
  -- pages ask for HTML, the JSON API for JSON (a JSON resource answers 406 to Accept: text/html)
  local accept = wrk.path:find("^/api/") and "application/json" or "text/html"
  return wrk.format("GET", nil, { ["Cookie"] = cookie, ["Accept"] = accept })
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT req/s %.1f  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  errors %d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
