// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/scheduleraccess.h"

#include "server/audit/auditchain.h"
#include "server/scheduler/platformcredentials.h"
#include "server/sync/syncrows.h"
#include "shared/database.h"
#include "shared/permissions.h"
#include "shared/schedulernames.h"
#include "shared/schedulertables.h"
#include "shared/timestamp.h"

#include <QTimeZone>
#include <QUrl>
#include <QVariant>

namespace quire::server {

using shared::ErrorCode;
using shared::Permission;
using shared::PostStatus;
using shared::Result;
using shared::VoidResult;

namespace {

// A change refused because of one field's value, named so the API and a
// replica's refused-change view point at it.
shared::Error refused(ErrorCode code, const QString &field, const QString &message)
{
    return shared::Error::make(code, message, { { field, message } });
}

bool isJsonObjectText(const QString &text)
{
    return nlohmann::json::parse(text.toStdString(), nullptr, false).is_object();
}

bool isStringListText(const QString &text)
{
    const nlohmann::json parsed = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (!parsed.is_array())
        return false;
    for (const nlohmann::json &item : parsed) {
        if (!item.is_string() || item.get_ref<const std::string &>().empty())
            return false;
    }
    return true;
}

// Statuses the publisher is at or has reached: the post is out of the author's hands.
bool isPublishersStatus(const QString &status)
{
    const std::optional<PostStatus> s = shared::kPostStatuses.fromName(status);
    return s && shared::isPublishersStatus(*s);
}

} // namespace

SchedulerAccess::SchedulerAccess(QString table, Rules rules)
    : m_table(std::move(table))
    , m_rules(std::move(rules))
{ }

const shared::SyncTable &SchedulerAccess::table() const
{
    return *shared::SyncSchema::find(m_table);
}

QString SchedulerAccess::visibleWhere(const Principal &who, QVariantList &binds) const
{
    binds << who.userId;
    return QStringLiteral("owner_id = ?");
}

bool SchedulerAccess::visible(const Principal &who, const nlohmann::json &scope) const
{
    return text(scope, "owner_id") == who.userId;
}

nlohmann::json SchedulerAccess::scopeOf(const nlohmann::json &row) const
{
    return { { "owner_id", row.value("owner_id", std::string()) } };
}

QString SchedulerAccess::exitReason(const nlohmann::json &before, const nlohmann::json &after) const
{
    return text(before, "owner_id") != text(after, "owner_id") ? QStringLiteral("access_revoked") : QString();
}

VoidResult SchedulerAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                       const nlohmann::json &after) const
{
    if (!shared::hasPermission(who.role, Permission::SchedulePosts))
        return forbidden(QStringLiteral("Your role (%1) cannot schedule posts.").arg(shared::roleName(who.role)));
    if (before && text(*before, "owner_id") != who.userId)
        return forbidden(QStringLiteral("This belongs to someone else."));
    if (after.is_null())
        return VoidResult::success();
    for (const shared::SyncColumn &c : table().columns) {
        const QByteArray name = c.name.toUtf8();
        if (!c.references.isEmpty() && before && text(*before, name.constData()) != text(after, name.constData()))
            return refused(ErrorCode::Immutable, c.name,
                           QStringLiteral("This stays where it was made; delete it and make it again instead."));
    }
    return checkValues(before, after);
}

VoidResult SchedulerAccess::checkValues(const std::optional<nlohmann::json> &before, const nlohmann::json &after) const
{
    for (const QString &column : m_rules.jsonObjects) {
        if (!isJsonObjectText(text(after, column.toUtf8().constData())))
            return refused(ErrorCode::ValidationFailed, column, QStringLiteral("Must be a JSON object."));
    }
    for (const QString &column : m_rules.jsonLists) {
        if (!isStringListText(text(after, column.toUtf8().constData())))
            return refused(ErrorCode::ValidationFailed, column,
                           QStringLiteral("Must be a JSON list of non-empty strings."));
    }
    if (m_rules.hasTimeZone) {
        const QString zone = text(after, "time_zone");
        if (!QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
            return refused(ErrorCode::ValidationFailed, QStringLiteral("time_zone"),
                           QStringLiteral("Name a time zone like Europe/Berlin or UTC."));
    }
    if (m_rules.hasAddress) {
        const QString address = text(after, "base_url");
        const QUrl url(address, QUrl::StrictMode);
        const bool web = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
        if (!address.isEmpty() && (!url.isValid() || !web || url.host().isEmpty()))
            return refused(ErrorCode::ValidationFailed, QStringLiteral("base_url"),
                           QStringLiteral("Use an https:// address."));
    }
    if (m_rules.authorStatuses) {
        const QString status = text(after, "status");
        const QString was = before ? text(*before, "status") : QString();
        if (status != was) {
            const std::optional<PostStatus> s = shared::kPostStatuses.fromName(status);
            if (!s || !shared::isAuthorStatus(*s))
                return refused(ErrorCode::ValidationFailed, QStringLiteral("status"),
                               QStringLiteral("The publisher sets this status; choose draft, scheduled or "
                                              "cancelled."));
            if (isPublishersStatus(was))
                return refused(ErrorCode::Immutable, QStringLiteral("status"),
                               QStringLiteral("This post is published or being published."));
        }
        if (status == shared::kPostStatuses.name(PostStatus::Scheduled) && text(after, "scheduled_at").isEmpty())
            return refused(ErrorCode::ValidationFailed, QStringLiteral("scheduled_at"),
                           QStringLiteral("A scheduled post needs a time."));
    }
    return VoidResult::success();
}

VoidResult SchedulerAccess::checkWriteWith(shared::Database &db, const Principal &who,
                                           const std::optional<nlohmann::json> &before, nlohmann::json &after) const
{
    if (after.is_null())
        return VoidResult::success();
    QHash<QString, nlohmann::json> named;
    for (const shared::SyncColumn &c : table().columns) {
        const QByteArray name = c.name.toUtf8();
        const QString id = text(after, name.constData());
        if (c.references.isEmpty() || id.isEmpty())
            continue;
        // Someone else's row answers as one that does not exist.
        Result<std::optional<nlohmann::json>> row = ownedRow(db, c.references, id, who.userId);
        if (!row)
            return row.error();
        if (!*row) {
            const shared::SyncTable *t = shared::SyncSchema::find(c.references);
            return refused(ErrorCode::ValidationFailed, c.name,
                           QStringLiteral("There is no such %1.").arg(t->singularLabel().toLower()));
        }
        named.insert(c.references, **row);
    }
    if (m_rules.platformOfPostsClient && !before
        && text(named.value(shared::postsTable()), "client_id")
            != text(named.value(shared::platformsTable()), "client_id"))
        return refused(ErrorCode::ValidationFailed, QStringLiteral("platform_id"),
                       QStringLiteral("Choose a platform of the post's client."));
    return VoidResult::success();
}

VoidResult SchedulerAccess::beforeWrite(shared::Database &, const QString &,
                                        const std::optional<nlohmann::json> &before, nlohmann::json &after,
                                        const QString &) const
{
    // The publisher's columns start at their declared values (a destination
    // is pending, tried 0 times); a client's fields never carry them.
    if (!before) {
        for (const shared::SyncColumn &c : table().columns) {
            if (c.merge == shared::MergeRule::ServerOwned && !c.defaultValue.isEmpty())
                after[c.name.toStdString()] = c.defaultValue.toStdString();
        }
    }
    // Times are kept in the one wire form (UTC, milliseconds, Z), so they sort.
    for (const shared::SyncColumn &c : table().columns) {
        if (c.type != shared::ColumnType::Timestamp || c.merge == shared::MergeRule::ServerOwned)
            continue;
        const std::string name = c.name.toStdString();
        if (const std::optional<QDateTime> t = shared::Timestamp::parse(text(after, name.c_str())))
            after[name] = shared::Timestamp::format(*t).toStdString();
    }
    return VoidResult::success();
}

Result<nlohmann::json> SchedulerAccess::derivedValues(shared::Database &db, const nlohmann::json &row) const
{
    if (!m_rules.holdsCredential)
        return nlohmann::json::object();
    Result<QString> at = PlatformCredentials::storedAt(db, text(row, "id"));
    if (!at)
        return at.error();
    return nlohmann::json { { "credential_set_at", at->toStdString() } };
}

Result<QList<RowRef>> SchedulerAccess::removedWith(shared::Database &db, const nlohmann::json &row) const
{
    if (m_rules.holdsCredential) {
        // A deleted platform keeps no secret: a tombstone may be restored by
        // a replica, but its credential has to be sent again.
        Result<bool> removed = PlatformCredentials::remove(db, text(row, "id"));
        if (!removed)
            return removed.error();
        // Only the owner deletes a platform (checkWrite), so the owner acted.
        AuditEntry entry { AuditAction::CredentialRemoved,
                           text(row, "owner_id"),
                           PlatformCredentials::table(),
                           text(row, "id"),
                           { { "reason", "platform_deleted" } } };
        if (*removed) {
            if (Result<AuditRecord> r = AuditChain::append(db, entry); !r)
                return r.error();
        }
    }
    QList<RowRef> refs;
    for (const auto &[table, column] : m_rules.children) {
        // Names from code only; the value is bound.
        Result<QSqlQuery> q = db.exec(
            QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND deleted = 0").arg(table, column), { text(row, "id") });
        if (!q)
            return q.error();
        while (q->next())
            refs << RowRef { table, q->value(0).toString() };
    }
    return refs;
}

Result<std::optional<nlohmann::json>> SchedulerAccess::ownedRow(shared::Database &db, const QString &table,
                                                                const QString &id, const QString &userId)
{
    const shared::SyncTable *t = shared::SyncSchema::find(table);
    if (!t || id.isEmpty())
        return std::optional<nlohmann::json>();
    SyncRows rows(db, *t);
    Result<std::optional<StoredRow>> row = rows.load(id);
    if (!row)
        return row.error();
    if (!*row || (*row)->deleted || text((*row)->values, "owner_id") != userId)
        return std::optional<nlohmann::json>();
    return std::optional<nlohmann::json>((*row)->values);
}

} // namespace quire::server
