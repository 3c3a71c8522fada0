// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/schedulernames.h"
#include "shared/synctable.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

class ContentStore;

// A creator the user manages, as the replica has it.
struct ClientRecord
{
    QString id;
    QString name;
    QString handle;
    QString notes;
    QString timeZone;
};

// One integration of a client with a network. Only when a credential was
// stored is known here (credential_set_at); the secret never is.
struct PlatformRecord
{
    QString id;
    QString clientId;
    shared::PlatformKind kind = shared::PlatformKind::Webhook;
    QString displayName;
    QString accountHandle;
    QString baseUrl;
    nlohmann::json settings = nlohmann::json::object();
    QString credentialSetAt; // wire timestamp; empty: none stored

    bool hasCredential() const { return !credentialSetAt.isEmpty(); }
};

// The scheduler's clients and platforms over the replica, for the views and
// quire-cli. Every change goes through the ContentStore, so it works
// offline and syncs later; a deletion takes the rows that hang off the
// deleted one along in the same transaction, as the server does.
class SchedulerStore
{
public:
    SchedulerStore(ContentStore &content, shared::Database &db);

    static const shared::SyncTable &clients();
    static const shared::SyncTable &platforms();
    static const shared::SyncTable &posts();
    static const shared::SyncTable &destinations();

    shared::Result<QString> createClient(const nlohmann::json &fields, const QString &ownerId);
    shared::VoidResult updateClient(const QString &id, const nlohmann::json &fields);
    // With its platforms, its posts and their destinations.
    shared::VoidResult removeClient(const QString &id);
    // By name.
    shared::Result<QList<ClientRecord>> listClients();
    shared::Result<std::optional<ClientRecord>> client(const QString &id);
    // A client as scripts name it: by id, else by name (any case). Nothing
    // when none matches; a validation error when several share the name.
    shared::Result<std::optional<ClientRecord>> findClient(const QString &idOrName);

    shared::Result<QString> createPlatform(const nlohmann::json &fields, const QString &ownerId);
    shared::VoidResult updatePlatform(const QString &id, const nlohmann::json &fields);
    // With the destinations that go to it.
    shared::VoidResult removePlatform(const QString &id);
    // The client's platforms by name; an empty `clientId` lists every one.
    shared::Result<QList<PlatformRecord>> platformsOf(const QString &clientId);
    shared::Result<std::optional<PlatformRecord>> platform(const QString &id);
    // One of the client's platforms (any client's when `clientId` is
    // empty) as scripts name it: by id, else by display name, else by
    // network ("mastodon"), each in any case. Nothing when none matches; a
    // validation error when a name fits several.
    shared::Result<std::optional<PlatformRecord>> findPlatform(const QString &clientId, const QString &idOrName);

    ContentStore &content() { return m_content; }
    shared::Database &database() { return m_db; }

private:
    // The ids of `table`'s rows whose `column` is `value`.
    shared::Result<QStringList> idsWhere(const QString &table, const char *column, const QString &value);
    // Removes the rows of `table` whose `column` is `value` (inside together()).
    shared::VoidResult removeWhere(const shared::SyncTable &table, const char *column, const QString &value);

    ContentStore &m_content;
    shared::Database &m_db;
};

} // namespace quire::desktop
