// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/syncprotocol.h"
#include "shared/synctable.h"

#include <QList>

#include <nlohmann/json.hpp>

namespace quire::server {

// Settles one pushed edit against the row the server holds, field by field,
// by each column's merge rule. Pure: it reads values and says what the row
// becomes and what must be kept in conflict records; it writes nothing.
class FieldMerger
{
public:
    struct Outcome
    {
        nlohmann::json row; // the row's values after the edit
        bool changed = false; // whether any value differs from the server's
        bool merged = false; // a text was merged from both sides
        QList<shared::SyncProtocol::Conflict> conflicts; // without id and time; the caller fills them
    };

    // `server`: the server's current values; `fields`: what the client set;
    // `base`: those fields' values when the client made the edit, where known.
    // `baseIsCurrent`: nothing changed on the server since that base, other
    // than by this same client, so the client's values apply as they are.
    static Outcome merge(const shared::SyncTable &table, const nlohmann::json &server, const nlohmann::json &fields,
                         const nlohmann::json &base, bool baseIsCurrent);
};

} // namespace quire::server
