-- bench/mix.py: each request a random (member, key page) pair from the file given after "--"
-- (one "cookie<TAB>path" per line); at the end the latency percentiles and non-2xx answers of
-- all threads (anything but a 200: a redirect to the login page is a failure here), in one
-- line mix.py reads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  pairs_ = {}
  for line in io.lines(args[1]) do
    local cookie, path = line:match("^(.-)\t(.*)$")
    if cookie then
      table.insert(pairs_, {cookie = cookie, path = path})
    end
  end
  math.randomseed(os.time() + tonumber(tostring(pairs_):match("0x(%x+)") or "0", 16) % 100000)
  non2xx = 0
end

function request()
  local pair = pairs_[math.random(#pairs_)]
  -- wrk.format's headers replace those of -H: the proxy's header goes in here too.
  return wrk.format("GET", pair.path, {["Cookie"] = pair.cookie, ["X-Forwarded-Proto"] = "https"})
end

function response(status, headers, body)
  if status ~= 200 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("non2xx")
  end
  io.write(string.format("mix p50=%d p95=%d p99=%d non2xx=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), errors))
end
