-- wrk script of bench/run.py: POST the questionnaire's first question step, and count the answers.
--
--   wrk -s bench/step_post.lua URL -- DATA_FILE THREADS
--
-- DATA_FILE is Lua returning {marker = "...", sessions = {{cookie = "...", body = "..."}, ...}}:
-- respondents whose sessions have passed consent and profile, each with its CSRF cookie and token
-- in the body. Requests take the sessions in turn, thread n the n-th of every THREADS, so that no
-- two connections post for one respondent at the same moment. An answer counts as right when it
-- is a 200 that shows the next step (``marker``), or a 302; done() prints every status and the
-- 200s that showed something else (the same step again, with errors), for bench/run.py to read.

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   data = dofile(args[1])
   stride = tonumber(args[2])
   turn = id
   statuses = {}
   wrong = 0
end

function request()
   local session = data.sessions[(turn % #data.sessions) + 1]
   turn = turn + stride
   local headers = {
      ["Cookie"] = session.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
   }
   return wrk.format("POST", nil, headers, session.body)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if status == 200 and not string.find(body, data.marker, 1, true) then
      wrong = wrong + 1
   end
end

function done(summary, latency, requests)
   local total, bad = {}, 0
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         total[status] = (total[status] or 0) + count
      end
      bad = bad + thread:get("wrong")
   end
   for status, count in pairs(total) do
      io.write(string.format("status %d %d\n", status, count))
   end
   io.write(string.format("wrong step %d\n", bad))
end
