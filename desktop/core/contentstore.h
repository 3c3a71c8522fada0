// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/syncstore.h"
#include "shared/result.h"
#include "shared/synctable.h"

#include <QList>
#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <utility>

namespace quire::desktop {

class Replica;

// Local reads and edits of synced content, for the views and quire-cli.
// Each edit writes the working copy and its outbox entry in one SQLite
// transaction, so it is either wholly kept (and will be pushed) or wholly
// not made; it works the same with or without a server.
class ContentStore final : public QObject
{
    Q_OBJECT
public:
    ContentStore(Replica &replica, SyncStore &sync, QObject *parent = nullptr);

    // Validates `fields` as the server would, creates the row with a new
    // UUIDv7 and returns its id.
    shared::Result<QString> create(const shared::SyncTable &table, const nlohmann::json &fields,
                                   const QString &ownerId);
    // Changes the given fields; fields equal to the current values are left
    // out, and an edit that changes nothing queues nothing.
    shared::VoidResult update(const shared::SyncTable &table, const QString &id, const nlohmann::json &fields);
    shared::VoidResult remove(const shared::SyncTable &table, const QString &id);
    // Runs `work` (creates, updates and removes of this store) in one
    // transaction: all of them are kept and queued, or none (a post and its
    // destinations). changed() is emitted for each row after the commit.
    shared::VoidResult together(const std::function<shared::VoidResult()> &work);

    shared::Result<std::optional<nlohmann::json>> get(const shared::SyncTable &table, const QString &id);
    // Rows newest first; `columns` limits what is read (empty: all).
    shared::Result<QList<nlohmann::json>> list(const shared::SyncTable &table, const QStringList &columns = {});

    static const shared::SyncTable &articles();

    // The words that name a row for people, for any declared table: its
    // label column (from `fields` when given, e.g. a refused change, else
    // from the working copy), else the label of the row it references,
    // else its type and the start of its id.
    QString label(const QString &table, const QString &id, const nlohmann::json &fields = {});

Q_SIGNALS:
    // A local edit was committed: the sync engine pushes it soon.
    void changed(const QString &table, const QString &id);

private:
    // `work` in a transaction of its own, or in together()'s.
    shared::VoidResult inTransaction(const std::function<shared::VoidResult()> &work);
    // Emits changed() now, or after together()'s commit.
    void announce(const QString &table, const QString &id);

    // The working row, or `not_found`.
    shared::Result<nlohmann::json> existing(const shared::SyncTable &table, const QString &id);

    Replica &m_replica;
    SyncStore &m_sync;
    bool m_together = false;
    QList<std::pair<QString, QString>> m_pending; // changed() waiting for together()'s commit
};

} // namespace quire::desktop
