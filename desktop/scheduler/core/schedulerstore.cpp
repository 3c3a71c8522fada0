// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/schedulerstore.h"

#include "desktop/core/contentstore.h"
#include "desktop/core/tr.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/schedulertables.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Result;
using shared::VoidResult;

namespace {

const shared::SyncTable &table(const QString &name)
{
    return *shared::SyncSchema::find(name);
}

ClientRecord clientOf(const nlohmann::json &row)
{
    return { shared::textOf(row, "id"), shared::textOf(row, "name"), shared::textOf(row, "handle"),
             shared::textOf(row, "notes"), shared::textOf(row, "time_zone") };
}

PlatformRecord platformOf(const nlohmann::json &row)
{
    PlatformRecord p;
    p.id = shared::textOf(row, "id");
    p.clientId = shared::textOf(row, "client_id");
    p.kind = shared::kPlatformKinds.fromName(shared::textOf(row, "kind")).value_or(shared::PlatformKind::Webhook);
    p.displayName = shared::textOf(row, "display_name");
    p.accountHandle = shared::textOf(row, "account_handle");
    p.baseUrl = shared::textOf(row, "base_url");
    const nlohmann::json settings
        = nlohmann::json::parse(shared::textOf(row, "settings").toStdString(), nullptr, false);
    p.settings = settings.is_object() ? settings : nlohmann::json::object();
    p.credentialSetAt = shared::textOf(row, "credential_set_at");
    return p;
}

} // namespace

SchedulerStore::SchedulerStore(ContentStore &content, shared::Database &db)
    : m_content(content)
    , m_db(db)
{ }

const shared::SyncTable &SchedulerStore::clients()
{
    return table(shared::clientsTable());
}

const shared::SyncTable &SchedulerStore::platforms()
{
    return table(shared::platformsTable());
}

const shared::SyncTable &SchedulerStore::posts()
{
    return table(shared::postsTable());
}

const shared::SyncTable &SchedulerStore::destinations()
{
    return table(shared::postDestinationsTable());
}

Result<QString> SchedulerStore::createClient(const nlohmann::json &fields, const QString &ownerId)
{
    return m_content.create(clients(), fields, ownerId);
}

VoidResult SchedulerStore::updateClient(const QString &id, const nlohmann::json &fields)
{
    return m_content.update(clients(), id, fields);
}

VoidResult SchedulerStore::removeClient(const QString &id)
{
    return m_content.together([&]() -> VoidResult {
        Result<QStringList> posted = idsWhere(shared::postsTable(), "client_id", id);
        if (!posted)
            return posted.error();
        for (const QString &post : *posted) {
            if (VoidResult r = removeWhere(destinations(), "post_id", post); !r)
                return r;
        }
        if (VoidResult r = removeWhere(posts(), "client_id", id); !r)
            return r;
        Result<QStringList> platformIds = idsWhere(shared::platformsTable(), "client_id", id);
        if (!platformIds)
            return platformIds.error();
        for (const QString &platform : *platformIds) {
            if (VoidResult r = removePlatform(platform); !r)
                return r;
        }
        return m_content.remove(clients(), id);
    });
}

Result<QList<ClientRecord>> SchedulerStore::listClients()
{
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT id, name, handle, notes, time_zone FROM %1 ORDER BY name COLLATE NOCASE, id")
                        .arg(shared::clientsTable()));
    if (!q)
        return q.error();
    QList<ClientRecord> out;
    while (q->next())
        out.append({ q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                     q->value(4).toString() });
    return out;
}

Result<std::optional<ClientRecord>> SchedulerStore::client(const QString &id)
{
    Result<std::optional<nlohmann::json>> row = m_content.get(clients(), id);
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<ClientRecord>();
    return std::optional<ClientRecord>(clientOf(**row));
}

Result<std::optional<ClientRecord>> SchedulerStore::findClient(const QString &idOrName)
{
    Result<QList<ClientRecord>> all = listClients();
    if (!all)
        return all.error();
    QList<ClientRecord> named;
    for (const ClientRecord &c : std::as_const(*all)) {
        if (c.id == idOrName.trimmed())
            return std::optional<ClientRecord>(c);
        if (c.name.compare(idOrName.trimmed(), Qt::CaseInsensitive) == 0)
            named << c;
    }
    if (named.size() > 1)
        return shared::Error::make(
            shared::ErrorCode::ValidationFailed,
            Tr::tr("%n client(s) are named %1; name the one you mean by its id.", nullptr, int(named.size()))
                .arg(idOrName));
    return named.isEmpty() ? std::optional<ClientRecord>() : std::optional<ClientRecord>(named.first());
}

Result<QString> SchedulerStore::createPlatform(const nlohmann::json &fields, const QString &ownerId)
{
    return m_content.create(platforms(), fields, ownerId);
}

VoidResult SchedulerStore::updatePlatform(const QString &id, const nlohmann::json &fields)
{
    return m_content.update(platforms(), id, fields);
}

VoidResult SchedulerStore::removePlatform(const QString &id)
{
    return m_content.together([&]() -> VoidResult {
        if (VoidResult r = removeWhere(destinations(), "platform_id", id); !r)
            return r;
        return m_content.remove(platforms(), id);
    });
}

Result<QList<PlatformRecord>> SchedulerStore::platformsOf(const QString &clientId)
{
    Result<QSqlQuery> q = clientId.isEmpty()
        ? m_db.exec(
            QStringLiteral("SELECT id FROM %1 ORDER BY display_name COLLATE NOCASE, id").arg(shared::platformsTable()))
        : m_db.exec(QStringLiteral("SELECT id FROM %1 WHERE client_id = ? ORDER BY display_name COLLATE NOCASE, id")
                        .arg(shared::platformsTable()),
                    { clientId });
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    QList<PlatformRecord> out;
    for (const QString &id : ids) {
        Result<std::optional<PlatformRecord>> p = platform(id);
        if (!p)
            return p.error();
        if (*p)
            out.append(**p);
    }
    return out;
}

Result<std::optional<PlatformRecord>> SchedulerStore::platform(const QString &id)
{
    Result<std::optional<nlohmann::json>> row = m_content.get(platforms(), id);
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<PlatformRecord>();
    return std::optional<PlatformRecord>(platformOf(**row));
}

Result<std::optional<PlatformRecord>> SchedulerStore::findPlatform(const QString &clientId, const QString &idOrName)
{
    Result<QList<PlatformRecord>> all = platformsOf(clientId);
    if (!all)
        return all.error();
    const QString wanted = idOrName.trimmed();
    QList<PlatformRecord> named;
    QList<PlatformRecord> ofNetwork;
    for (const PlatformRecord &p : std::as_const(*all)) {
        if (p.id == wanted)
            return std::optional<PlatformRecord>(p);
        if (p.displayName.compare(wanted, Qt::CaseInsensitive) == 0)
            named << p;
        else if (shared::kPlatformKinds.name(p.kind).compare(wanted, Qt::CaseInsensitive) == 0)
            ofNetwork << p;
    }
    const QList<PlatformRecord> &found = named.isEmpty() ? ofNetwork : named;
    if (found.size() > 1)
        return shared::Error::make(shared::ErrorCode::ValidationFailed,
                                   Tr::tr("%n platform(s) fit %1; name the one you mean by its id or display name.",
                                          nullptr, int(found.size()))
                                       .arg(idOrName));
    return found.isEmpty() ? std::optional<PlatformRecord>() : std::optional<PlatformRecord>(found.first());
}

Result<QStringList> SchedulerStore::idsWhere(const QString &tableName, const char *column, const QString &value)
{
    // Names from code only; the value is bound.
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT id FROM %1 WHERE %2 = ?").arg(tableName, QString::fromLatin1(column)), { value });
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

VoidResult SchedulerStore::removeWhere(const shared::SyncTable &t, const char *column, const QString &value)
{
    Result<QStringList> ids = idsWhere(t.name, column, value);
    if (!ids)
        return ids.error();
    for (const QString &id : *ids) {
        if (VoidResult r = m_content.remove(t, id); !r)
            return r;
    }
    return VoidResult::success();
}

} // namespace quire::desktop
