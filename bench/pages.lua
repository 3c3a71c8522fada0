-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script of bench/backends.sh: GET the paths listed in the file named by
-- $BENCH_PAGES, one after another, each thread from its own place in the list,
-- so the readers' site renders pages rather than answering from its cache.
local paths = {}
local at = 0

local thread_number = 0
function setup(thread)
    thread_number = thread_number + 1
    thread:set("number", thread_number)
end

function init(args)
    for line in io.lines(os.getenv("BENCH_PAGES")) do
        paths[#paths + 1] = line
    end
    at = math.floor(#paths * ((number or 1) - 1) / 2)
end

function request()
    at = at % #paths + 1
    return wrk.format("GET", paths[at])
end
