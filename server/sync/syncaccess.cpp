// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncaccess.h"

#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/role.h"

namespace quire::server {

using shared::VoidResult;

QString SyncAccess::text(const nlohmann::json &row, const char *key)
{
    const auto it = row.find(key);
    return it != row.end() && it->is_string() ? it->get<QString>() : QString();
}

VoidResult SyncAccess::checkWriteWith(shared::Database &, const Principal &, const std::optional<nlohmann::json> &,
                                      nlohmann::json &) const
{
    return VoidResult::success();
}

shared::Result<nlohmann::json> SyncAccess::derivedValues(shared::Database &, const nlohmann::json &) const
{
    return nlohmann::json::object();
}

shared::Result<QList<RowRef>> SyncAccess::dependents(shared::Database &, const std::optional<nlohmann::json> &,
                                                     const nlohmann::json &) const
{
    return QList<RowRef>();
}

shared::Result<QList<RowRef>> SyncAccess::removedWith(shared::Database &, const nlohmann::json &) const
{
    return QList<RowRef>();
}

QString SyncAccess::answerScope(const Principal &who) const
{
    return shared::roleName(who.role) + QLatin1Char(':') + who.userId;
}

shared::Error SyncAccess::forbidden(const QString &message)
{
    return shared::Error::make(shared::ErrorCode::Forbidden, message);
}

namespace {

const QString kSuggestedSlug = QStringLiteral("suggested_slug");

// Enough to get past any run of look-alike addresses; after that the
// clash is refused as before.
constexpr int kMaxSlugTries = 1000;

} // namespace

VoidResult SyncAccess::requireFreeSlug(shared::Database &db, const QString &takenSql, const QVariantList &binds,
                                       const QString &slug, const QString &message) const
{
    const shared::SyncColumn *column = table().column(slugColumn());
    const int maxLength = column && column->maxLength > 0 ? column->maxLength : 120;
    const auto isTaken = [&](const QString &candidate) -> shared::Result<bool> {
        shared::Result<QVariant> taken = db.scalar(takenSql, QVariantList { candidate } + binds);
        if (!taken)
            return taken.error();
        return !taken->isNull();
    };
    shared::Result<bool> taken = isTaken(slug);
    if (!taken)
        return taken.error();
    if (!*taken)
        return VoidResult::success();
    QMap<QString, QString> fields { { slugColumn(), QStringLiteral("Already in use.") } };
    for (int n = 2; n <= kMaxSlugTries; ++n) {
        const QString suffix = QStringLiteral("-%1").arg(n);
        QString candidate = slug.left(maxLength - suffix.size());
        while (candidate.endsWith(QLatin1Char('-')))
            candidate.chop(1);
        candidate += suffix;
        shared::Result<bool> used = isTaken(candidate);
        if (!used)
            return used.error();
        if (!*used) {
            fields.insert(kSuggestedSlug, candidate);
            return shared::Error::make(shared::ErrorCode::SlugTaken,
                                       QStringLiteral("%1 The address %2 is free.").arg(message, candidate), fields);
        }
    }
    return shared::Error::make(shared::ErrorCode::SlugTaken, message, fields);
}

QString SyncAccess::slugColumn() const
{
    for (const shared::SyncColumn &c : table().columns) {
        if (c.type == shared::ColumnType::Slug)
            return c.name;
    }
    return QStringLiteral("slug");
}

bool SyncAccess::isSlugTaken(const shared::Error &error)
{
    return error.is(shared::ErrorCode::SlugTaken);
}

QString SyncAccess::suggestedSlug(const shared::Error &error)
{
    return error.fields.value(kSuggestedSlug);
}

QList<const SyncAccess *> &SyncAccess::registered()
{
    static QList<const SyncAccess *> list;
    return list;
}

bool SyncAccess::registerAccess(const SyncAccess *access)
{
    if (!access || find(access->table().name))
        return false;
    registered() << access;
    return true;
}

const SyncAccess *SyncAccess::find(const QString &table)
{
    for (const SyncAccess *a : all()) {
        if (a->table().name == table)
            return a;
    }
    return nullptr;
}

} // namespace quire::server
