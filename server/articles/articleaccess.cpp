// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/articleaccess.h"

#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/permissions.h"
#include "shared/sqldialect.h"
#include "shared/synctable.h"
#include "shared/timestamp.h"

namespace quire::server {

using shared::Error;
using shared::Permission;
using shared::VoidResult;

namespace {

using shared::ContentStatus;

std::optional<ContentStatus> statusOf(const nlohmann::json &row)
{
    const auto it = row.find("status");
    return it != row.end() && it->is_string() ? shared::contentStatusFromName(it->get<QString>()) : std::nullopt;
}

QString slugOf(const nlohmann::json &row)
{
    const auto it = row.find("slug");
    return it != row.end() && it->is_string() ? it->get<QString>() : QString();
}

bool isPublic(std::optional<ContentStatus> status)
{
    return status == ContentStatus::Published || status == ContentStatus::Scheduled
        || status == ContentStatus::Archived;
}

// A published or scheduled article needs an address: without one the
// status says public while readers get nothing. A row that was public
// without one before (older data) may keep its status while other fields
// change, so it can still be edited and given one.
VoidResult requireAddress(const std::optional<nlohmann::json> &before, const nlohmann::json &after)
{
    const std::optional<ContentStatus> to = statusOf(after);
    if ((to != ContentStatus::Published && to != ContentStatus::Scheduled) || !slugOf(after).isEmpty())
        return VoidResult::success();
    if (before && statusOf(*before) == to && slugOf(*before).isEmpty())
        return VoidResult::success();
    return Error::make(shared::ErrorCode::SlugRequired,
                       QStringLiteral("An article needs an address (slug) before it is published or scheduled."),
                       { { QStringLiteral("slug"), QStringLiteral("Give the article an address first.") } });
}

} // namespace

const shared::SyncTable &ArticleAccess::table() const
{
    return *shared::SyncSchema::find(QStringLiteral("articles"));
}

QString ArticleAccess::visibleWhere(const Principal &who, QVariantList &binds) const
{
    if (shared::hasPermission(who.role, Permission::EditAnyContent))
        return QStringLiteral("1 = 1");
    binds << who.userId << shared::contentStatusName(ContentStatus::Published);
    return QStringLiteral("(owner_id = ? OR status = ?)");
}

bool ArticleAccess::visible(const Principal &who, const nlohmann::json &scope) const
{
    return shared::hasPermission(who.role, Permission::EditAnyContent) || text(scope, "owner_id") == who.userId
        || statusOf(scope) == ContentStatus::Published;
}

// Whoever may edit any article sees all of them, whatever their role.
QString ArticleAccess::answerScope(const Principal &who) const
{
    return shared::hasPermission(who.role, Permission::EditAnyContent) ? QStringLiteral("all")
                                                                       : SyncAccess::answerScope(who);
}

nlohmann::json ArticleAccess::scopeOf(const nlohmann::json &row) const
{
    return { { "owner_id", row.value("owner_id", std::string()) }, { "status", row.value("status", std::string()) } };
}

QString ArticleAccess::exitReason(const nlohmann::json &before, const nlohmann::json &after) const
{
    if (text(before, "owner_id") != text(after, "owner_id"))
        return QStringLiteral("access_revoked");
    if (statusOf(before) == ContentStatus::Published && statusOf(after) != ContentStatus::Published)
        return QStringLiteral("unpublished");
    return {};
}

VoidResult ArticleAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                     const nlohmann::json &after) const
{
    if (!shared::hasPermission(who.role, Permission::WriteContent))
        return forbidden(QStringLiteral("Your role (%1) cannot write articles.").arg(shared::roleName(who.role)));
    if (before && text(*before, "owner_id") != who.userId
        && !shared::hasPermission(who.role, Permission::EditAnyContent))
        return forbidden(QStringLiteral("This article belongs to someone else."));
    const std::optional<ContentStatus> from = before ? statusOf(*before) : ContentStatus::Draft;
    const std::optional<ContentStatus> to = after.is_null() ? from : statusOf(after);
    // Deleting public content takes it off the site: that is publishing too.
    const bool touchesPublic = (from != to && (isPublic(from) || isPublic(to))) || (after.is_null() && isPublic(from));
    if (touchesPublic) {
        if (!shared::hasPermission(who.role, Permission::PublishContent))
            return forbidden(
                QStringLiteral("Your role (%1) cannot publish or unpublish.").arg(shared::roleName(who.role)));
        if (!who.emailVerified)
            return Error::make(shared::ErrorCode::EmailUnverified,
                               QStringLiteral("Verify your email address before publishing."));
    }
    if (from != to && to == ContentStatus::InReview && !shared::hasPermission(who.role, Permission::SubmitForReview))
        return forbidden(QStringLiteral("Your role (%1) cannot submit for review.").arg(shared::roleName(who.role)));
    return VoidResult::success();
}

VoidResult ArticleAccess::beforeWrite(shared::Database &db, const QString &id,
                                      const std::optional<nlohmann::json> &before, nlohmann::json &after,
                                      const QString &now) const
{
    const QString kind = text(after, "kind");
    const QString slug = text(after, "slug");
    if (VoidResult addressed = requireAddress(before, after); !addressed)
        return addressed;
    if (!slug.isEmpty()) {
        if (VoidResult free = requireFreeSlug(db,
                                              QStringLiteral("SELECT id FROM articles WHERE slug = ? AND kind = ? "
                                                             "AND slug <> '' AND id <> ? AND deleted = 0"),
                                              { kind, id }, slug,
                                              QStringLiteral("Another article already has the address %1.").arg(slug));
            !free)
            return free;
        // A live address wins over an old one that redirected elsewhere.
        if (VoidResult r
            = db.run(QStringLiteral("DELETE FROM slug_history WHERE kind = ? AND slug = ?"), { kind, slug });
            !r)
            return r;
    }
    if (before) {
        const QString oldKind = text(*before, "kind");
        const QString oldSlug = text(*before, "slug");
        if (!oldSlug.isEmpty() && (oldSlug != slug || oldKind != kind)) {
            if (VoidResult r = db.run(db.dialect().upsert(QStringLiteral("slug_history"),
                                                          { QStringLiteral("kind"), QStringLiteral("slug"),
                                                            QStringLiteral("article_id") },
                                                          { QStringLiteral("kind"), QStringLiteral("slug") }),
                                      { oldKind, oldSlug, id });
                !r)
                return r;
        }
    }
    // Only categories that exist: a category deleted meanwhile is dropped
    // from the list rather than refusing the author's whole edit.
    const QStringList categories = shared::listItems(text(after, "categories"));
    if (!categories.isEmpty()) {
        QStringList known;
        for (const QString &c : categories) {
            shared::Result<QVariant> exists
                = db.scalar(QStringLiteral("SELECT 1 FROM categories WHERE id = ? AND deleted = 0"), { c });
            if (!exists)
                return exists.error();
            if (!exists->isNull())
                known << c;
        }
        if (known != categories)
            after["categories"] = shared::listText(known).toStdString();
    }
    // One spelling of time (UTC, milliseconds, Z), so the scheduler can
    // compare publish_at as text.
    if (const auto at = shared::Timestamp::parse(text(after, "publish_at")))
        after["publish_at"] = shared::Timestamp::format(*at).toStdString();
    const bool wasPublished = before && statusOf(*before) == ContentStatus::Published;
    if (statusOf(after) == ContentStatus::Published && !wasPublished)
        after["published_at"] = now.toStdString();
    return VoidResult::success();
}

} // namespace quire::server
