// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/syncprotocol.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// What sync could not settle by itself, kept in the replica for a person:
// conflict records (both values of a field) and the changes the server
// refused (with their whole content). Written by SyncStore as answers come
// in; read and closed here by the views and quire-cli.
class SyncRecords
{
public:
    explicit SyncRecords(shared::Database &db);

    struct StoredConflict
    {
        shared::SyncProtocol::Conflict conflict;
        QString resolvedAt;
        QString resolution;
    };
    shared::Result<QList<StoredConflict>> conflicts(bool includeResolved);
    shared::Result<std::optional<StoredConflict>> conflict(const QString &id);
    shared::VoidResult markResolved(const QString &id, const QString &resolution);

    struct Rejection
    {
        qint64 mutationId = 0;
        QString table;
        QString rowId;
        QString op;
        nlohmann::json fields;
        QString code;
        QString message;
        QString createdAt;
    };
    shared::Result<QList<Rejection>> rejections();
    shared::VoidResult dismissRejection(qint64 mutationId);

private:
    shared::Database &m_db;
};

} // namespace quire::desktop
