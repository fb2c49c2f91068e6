-- Replays pre-signed Twilio webhook requests, each MessageSid once: thread t sends lines t, t+n, t+2n ...
local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  requests = {}
  for line in io.lines(args[1]) do
    local signature, body = line:match("^(%S+)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", "/twilio/sms", {
      ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Twilio-Signature"] = signature}, body)
  end
  nthreads = tonumber(args[2])
  index = tid
end

function request()
  local r = requests[(index % #requests) + 1]
  index = index + nthreads
  return r
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d p50_ms=%.2f p99_ms=%.2f rps=%.1f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
