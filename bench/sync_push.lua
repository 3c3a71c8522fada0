-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script of bench/backends.sh: every request is one sync push as a
-- replica sends it, a new article written offline, from a client that pushes
-- for the first time (a fresh client id, so no push is taken for a repeat).
-- Both ids are UUIDv7, as the server demands.
local counter = 0

local function hex(n, digits)
    return string.format("%0" .. digits .. "x", n)
end

local function uuid7()
    counter = counter + 1
    local ms = os.time() * 1000 + counter % 1000
    local high = math.floor(ms / 65536)
    return hex(high, 8) .. "-" .. hex(ms % 65536, 4) .. "-7" .. hex(math.random(0, 0xfff), 3) .. "-"
        .. hex(0x8000 + math.random(0, 0x3fff), 4) .. "-" .. hex(math.random(0, 0xffffff), 6)
        .. hex(math.random(0, 0xffffff), 6)
end

local thread_number = 0
function setup(thread)
    thread_number = thread_number + 1
    thread:set("seed", thread_number)
end

function init(args)
    math.randomseed(os.time() * 100 + (seed or 0))
end

function request()
    local body = '{"client_id":"' .. uuid7() .. '","schema_version":2,"mutations":[{"id":1,"table":"articles",'
        .. '"row_id":"' .. uuid7() .. '","op":"upsert","base_rev":0,"fields":{"title":"Written offline '
        .. counter .. '","body":"A guide written on a train.\\n\\nIt syncs when the train leaves the tunnel.\\n"}}]}'
    return wrk.format("POST", nil, nil, body)
end
