// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/fielderrors.h"
#include "shared/result.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace quire::shared {

// The versioned contract between desktop and server. A client names the
// schema version it speaks in the handshake and in every sync call; the
// server answers for which versions it still serves.
namespace Protocol {

// The sync schema this build speaks; bumped when the wire format changes.
// 2: the articles' table is named `articles` (was `guides`).
inline constexpr int kSchemaVersion = 2;
// The oldest client schema this server still serves. A client of schema 1
// names the articles' table by its old name, so it is asked to update; its
// unsent work stays in its replica and goes out after the update (replica
// migration 7 renames it).
inline constexpr int kMinClientSchemaVersion = 2;

// POST /api/v1/handshake body.
struct HandshakeRequest
{
    QString clientId; // the replica's UUIDv7
    QString clientVersion; // e.g. "0.1.0"
    int schemaVersion = kSchemaVersion;

    nlohmann::json toJson() const;
    static Result<HandshakeRequest> fromJson(const nlohmann::json &json);
};

struct HandshakeResponse
{
    QString serverVersion;
    int schemaVersion = kSchemaVersion;
    int minClientSchemaVersion = kMinClientSchemaVersion;
    QString epoch; // changes when the server's database is restored from a backup

    nlohmann::json toJson() const;
    static Result<HandshakeResponse> fromJson(const nlohmann::json &json);
};

// Ok when a client of `clientSchema` can talk to this server; otherwise the
// error `client_outdated` (the client must update) or `server_outdated`.
VoidResult checkClientSchema(int clientSchema);

} // namespace Protocol
} // namespace quire::shared
