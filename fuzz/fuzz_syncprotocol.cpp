// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the wire format of sync push and pull (shared/syncprotocol): the
// first byte picks the message, the rest is its JSON. Whatever is read
// must write back as JSON that reads again to the same message, and the
// copying and moving readers must agree. The server's handling of a push
// is fuzzed through its route by fuzz_jsonroutes.
#include "shared/strictjson.h"
#include "shared/syncprotocol.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace quire::shared::SyncProtocol;

[[noreturn]] void fail(const char *what, const nlohmann::json &json)
{
    std::fprintf(stderr, "fuzz_syncprotocol: %s\n--- json ---\n%s\n", what, json.dump(1).c_str());
    std::abort();
}

// Read, write, read again: the second reading must succeed and write the
// same JSON as the first.
template<typename Message> void roundTrip(const nlohmann::json &json)
{
    auto first = Message::fromJson(json);
    if (!first)
        return;
    const nlohmann::json written = first->toJson();
    auto second = Message::fromJson(written);
    if (!second)
        fail("what was read does not read back", written);
    if (second->toJson() != written)
        fail("what was read reads back differently", written);
}

// Change and PullResponse also read by moving the rows out of the JSON.
template<typename Message> void roundTripMoving(const nlohmann::json &json)
{
    roundTrip<Message>(json);
    auto copied = Message::fromJson(json);
    auto moved = Message::fromJson(nlohmann::json(json));
    if (bool(copied) != bool(moved))
        fail("the copying and moving readers disagree", json);
    if (copied && std::move(*copied).toJson() != moved->toJson())
        fail("the copying and moving readers read differently", json);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const char *text = reinterpret_cast<const char *>(data) + 1;
    const std::string_view body(text, size - 1);
    switch (data[0] % 8) {
    case 0: {
        const std::optional<Cursor> cursor = Cursor::parse(QString::fromUtf8(text, qsizetype(size - 1)));
        if (cursor) {
            const std::optional<Cursor> again = Cursor::parse(cursor->toString());
            if (!again || again->epoch != cursor->epoch || again->seq != cursor->seq)
                fail("a cursor does not read back", nlohmann::json(cursor->toString().toStdString()));
        }
        return 0;
    }
    default:
        break;
    }
    // Read as the server and the desktop read it.
    const quire::shared::Result<nlohmann::json> parsed = quire::shared::StrictJson::parse(body);
    if (!parsed)
        return 0;
    const nlohmann::json &json = *parsed;
    switch (data[0] % 8) {
    case 1:
        roundTrip<PushRequest>(json);
        break;
    case 2:
        roundTrip<PushResponse>(json);
        break;
    case 3:
        roundTripMoving<PullResponse>(json);
        break;
    case 4:
        roundTripMoving<Change>(json);
        break;
    case 5:
        roundTrip<Mutation>(json);
        break;
    case 6:
        roundTrip<MutationResult>(json);
        break;
    default:
        roundTrip<Conflict>(json);
        break;
    }
    return 0;
}
