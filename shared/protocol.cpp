// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/protocol.h"

#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/tr.h"

namespace quire::shared::Protocol {

nlohmann::json HandshakeRequest::toJson() const
{
    return { { "client_id", clientId }, { "client_version", clientVersion }, { "schema_version", schemaVersion } };
}

Result<HandshakeRequest> HandshakeRequest::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    HandshakeRequest h;
    h.clientId = r.uuid("client_id", JsonReader::Presence::Required).value_or(QString());
    h.clientVersion = r.string("client_version", JsonReader::Presence::Required).value_or(QString());
    if (const auto v = r.integer("schema_version", JsonReader::Presence::Required)) {
        if (*v < 1 || *v > 1'000'000)
            errors.add(QStringLiteral("schema_version"), Tr::tr("Must be a positive number."));
        else
            h.schemaVersion = int(*v);
    }
    if (!errors.has(QStringLiteral("client_version")) && (h.clientVersion.isEmpty() || h.clientVersion.size() > 32))
        errors.add(QStringLiteral("client_version"), Tr::tr("Must be a version like 1.2.3."));
    r.refuseUnknown();
    if (!errors.isEmpty())
        return errors.toError();
    return h;
}

nlohmann::json HandshakeResponse::toJson() const
{
    return { { "server_version", serverVersion },
             { "schema_version", schemaVersion },
             { "min_client_schema_version", minClientSchemaVersion },
             { "epoch", epoch } };
}

Result<HandshakeResponse> HandshakeResponse::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    HandshakeResponse h;
    h.serverVersion = r.string("server_version", JsonReader::Presence::Required).value_or(QString());
    h.schemaVersion = int(r.integer("schema_version", JsonReader::Presence::Required).value_or(0));
    h.minClientSchemaVersion = int(r.integer("min_client_schema_version", JsonReader::Presence::Required).value_or(0));
    h.epoch = r.string("epoch", JsonReader::Presence::Required).value_or(QString());
    // Newer servers may add fields; an older client must not trip over them.
    if (!errors.isEmpty())
        return errors.toError();
    return h;
}

VoidResult checkClientSchema(int clientSchema)
{
    if (clientSchema < kMinClientSchemaVersion) {
        return Error::make(ErrorCode::ClientOutdated,
                           Tr::tr("This version of Quire is too old for the server (schema %1, the server needs %2 or "
                                  "newer). Please update Quire.")
                               .arg(clientSchema)
                               .arg(kMinClientSchemaVersion));
    }
    if (clientSchema > kSchemaVersion) {
        return Error::make(ErrorCode::ServerOutdated,
                           Tr::tr("The server is older than this version of Quire (schema %1, the server knows up to "
                                  "%2). Ask the administrator to update the server.")
                               .arg(clientSchema)
                               .arg(kSchemaVersion));
    }
    return VoidResult::success();
}

} // namespace quire::shared::Protocol
