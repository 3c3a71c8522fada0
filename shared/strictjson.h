// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArrayView>

#include <nlohmann/json.hpp>

namespace quire::shared {

// The one reader of JSON that comes from outside the process (request
// bodies, sync and live messages, the server's answers on the desktop).
// It never throws, and it refuses what nlohmann would read leniently or
// differently from other parsers: numbers beyond a double's range or whole
// numbers beyond 64 bits, a key twice in one object (two parsers reading the
// same bytes differently is how checks get bypassed), and nesting deeper
// than kMaxDepth (values are later copied and written out recursively).
// Errors have code "invalid_json" and name the problem with line and column.
class StrictJson
{
public:
    static constexpr int kMaxDepth = 128;

    static Result<nlohmann::json> parse(QByteArrayView bytes);
};

} // namespace quire::shared
