-- wrk script: POST a workflow action (督办 `urge`: role check, history row, outbox event, optimistic version bump)
-- round-robin over the bench's cases; each wrk thread takes its own share of the cases so no two requests race
-- for one case. FIRST_ID, CASES and THREADS come from the environment (bench/run-actions.sh sets them).
local first = tonumber(os.getenv("FIRST_ID"))
local cases = tonumber(os.getenv("CASES"))
local threads = tonumber(os.getenv("THREADS"))
local auth = "Basic bGVhZGVyOmNpdmljZ3JpZA==" -- leader:civicgrid (demo account)
local next_thread = 0

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  counter = 0
end

function request()
  local idx = (counter * threads + tid) % cases
  counter = counter + 1
  return wrk.format("POST", "/api/cases/" .. (first + idx) .. "/actions/urge",
    { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, '{"note":"bench"}')
end
