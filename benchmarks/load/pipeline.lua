-- HTTP/1.1 pipelining for wrk: each write carries DEPTH requests (default 16, or the
-- PIPELINE_DEPTH environment variable); wrk counts every response, so requests/s stays
-- comparable with the keep-alive runs. Used by scripts/load-benchmark:
--   wrk -t2 -c64 -d10s --latency -s benchmarks/load/pipeline.lua http://127.0.0.1:18090/
local depth = tonumber(os.getenv("PIPELINE_DEPTH") or "16")
local batch

init = function(args)
  local requests = {}
  for i = 1, depth do
    requests[i] = wrk.format()
  end
  batch = table.concat(requests)
end

request = function()
  return batch
end
