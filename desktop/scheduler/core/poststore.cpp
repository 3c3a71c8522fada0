// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/poststore.h"

#include "desktop/core/contentstore.h"
#include "desktop/core/tr.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/schedulertables.h"
#include "shared/timestamp.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

nlohmann::json postFields(const PostDraft &draft)
{
    return { { "client_id", draft.clientId.toStdString() },
             { "title", draft.title.toStdString() },
             { "body", draft.body.toStdString() },
             { "scheduled_at",
               draft.scheduledAt.isValid() ? shared::Timestamp::format(draft.scheduledAt).toStdString()
                                           : std::string() },
             { "time_zone", draft.timeZone.toStdString() },
             { "status", shared::kPostStatuses.name(draft.status).toStdString() } };
}

// Only what the author writes: a post's destination keeps its post and
// platform (the server refuses moving them), so a changed platform is a
// new destination.
nlohmann::json destinationFields(const QString &postId, const DestinationDraft &d)
{
    return { { "post_id", postId.toStdString() },
             { "platform_id", d.platformId.toStdString() },
             { "text", d.text.toStdString() } };
}

// The server refuses an author's status once the publisher has the post.
Error outOfHands()
{
    return Error::make(shared::ErrorCode::Immutable,
                       Tr::tr("This post is published or being published; its status is the publisher's now."));
}

} // namespace

PostStore::PostStore(SchedulerStore &store)
    : m_store(store)
{ }

Result<std::optional<PostDraft>> PostStore::load(const QString &id)
{
    Result<std::optional<nlohmann::json>> row = m_store.content().get(SchedulerStore::posts(), id);
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<PostDraft>();
    const nlohmann::json &r = **row;
    PostDraft draft;
    draft.id = id;
    draft.clientId = shared::textOf(r, "client_id");
    draft.title = shared::textOf(r, "title");
    draft.body = shared::textOf(r, "body");
    if (const auto at = shared::Timestamp::parse(shared::textOf(r, "scheduled_at")))
        draft.scheduledAt = *at;
    draft.timeZone = shared::textOf(r, "time_zone");
    draft.status = shared::kPostStatuses.fromName(shared::textOf(r, "status")).value_or(shared::PostStatus::Draft);
    Result<QSqlQuery> q = m_store.database().exec(
        QStringLiteral("SELECT id, platform_id, text, status, last_error, published_url, preflight FROM %1 "
                       "WHERE post_id = ? ORDER BY created_at, id")
            .arg(shared::postDestinationsTable()),
        { id });
    if (!q)
        return q.error();
    while (q->next()) {
        DestinationDraft d;
        d.id = q->value(0).toString();
        d.platformId = q->value(1).toString();
        d.text = q->value(2).toString();
        d.status = shared::kDestinationStatuses.fromName(q->value(3).toString())
                       .value_or(shared::DestinationStatus::Pending);
        d.lastError = q->value(4).toString();
        d.publishedUrl = q->value(5).toString();
        d.preflight = q->value(6).toString();
        draft.destinations.append(d);
    }
    return std::optional<PostDraft>(std::move(draft));
}

Result<QString> PostStore::save(PostDraft &draft, const QString &ownerId)
{
    ContentStore &content = m_store.content();
    PostDraft saved = draft;
    VoidResult done = content.together([&]() -> VoidResult {
        if (saved.id.isEmpty()) {
            Result<QString> id = content.create(SchedulerStore::posts(), postFields(saved), ownerId);
            if (!id)
                return id.error();
            saved.id = *id;
        } else if (VoidResult r = content.update(SchedulerStore::posts(), saved.id, postFields(saved)); !r) {
            return r;
        }
        Result<std::optional<PostDraft>> before = load(saved.id);
        if (!before)
            return before.error();
        QHash<QString, DestinationDraft> stored;
        if (*before) {
            for (const DestinationDraft &d : (*before)->destinations)
                stored.insert(d.id, d);
        }
        QSet<QString> kept;
        for (DestinationDraft &d : saved.destinations) {
            const auto it = stored.constFind(d.id);
            if (it != stored.constEnd() && it->platformId == d.platformId) {
                kept.insert(d.id);
                if (VoidResult r
                    = content.update(SchedulerStore::destinations(), d.id, { { "text", d.text.toStdString() } });
                    !r)
                    return r;
                continue;
            }
            Result<QString> id
                = content.create(SchedulerStore::destinations(), destinationFields(saved.id, d), ownerId);
            if (!id)
                return id.error();
            d.id = *id;
            d.status = shared::DestinationStatus::Pending;
            d.lastError.clear();
            d.publishedUrl.clear();
            d.preflight.clear();
        }
        for (auto it = stored.constBegin(); it != stored.constEnd(); ++it) {
            if (kept.contains(it.key()))
                continue;
            if (VoidResult r = content.remove(SchedulerStore::destinations(), it.key()); !r)
                return r;
        }
        return VoidResult::success();
    });
    if (!done)
        return done.error();
    draft = saved;
    return draft.id;
}

Result<QString> PostStore::schedule(PostDraft &draft, const QString &ownerId)
{
    if (shared::isPublishersStatus(draft.status))
        return outOfHands();
    const QStringList problems = schedulingProblems(draft);
    if (!problems.isEmpty())
        return Error::make(shared::ErrorCode::ValidationFailed, problems.join(QLatin1Char('\n')));
    PostDraft scheduled = draft;
    scheduled.status = shared::PostStatus::Scheduled;
    Result<QString> id = save(scheduled, ownerId);
    if (id)
        draft = scheduled;
    return id;
}

Result<QString> PostStore::cancel(PostDraft &draft, const QString &ownerId)
{
    if (shared::isPublishersStatus(draft.status))
        return outOfHands();
    PostDraft cancelled = draft;
    cancelled.status = shared::PostStatus::Cancelled;
    Result<QString> id = save(cancelled, ownerId);
    if (id)
        draft = cancelled;
    return id;
}

VoidResult PostStore::remove(const QString &id)
{
    return m_store.content().together([&]() -> VoidResult {
        Result<std::optional<PostDraft>> post = load(id);
        if (!post)
            return post.error();
        if (!*post)
            return Error::make(shared::ErrorCode::NotFound, Tr::tr("There is no post %1 in this replica.").arg(id));
        for (const DestinationDraft &d : (*post)->destinations) {
            if (VoidResult r = m_store.content().remove(SchedulerStore::destinations(), d.id); !r)
                return r;
        }
        return m_store.content().remove(SchedulerStore::posts(), id);
    });
}

Result<PostDraft> PostStore::reschedule(const QString &id, const QDateTime &utc, const QString &ownerId)
{
    Result<std::optional<PostDraft>> loaded = load(id);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return Error::make(shared::ErrorCode::NotFound, Tr::tr("There is no post %1 in this replica.").arg(id));
    PostDraft draft = **loaded;
    if (const QString why = whyNotMovable(draft.status); !why.isEmpty())
        return Error::make(shared::ErrorCode::ValidationFailed, why);
    if (!utc.isValid())
        return Error::make(shared::ErrorCode::ValidationFailed, Tr::tr("Choose when the post goes out."));
    draft.scheduledAt = utc.toUTC();
    Result<QString> saved = draft.status == shared::PostStatus::Draft ? save(draft, ownerId) : schedule(draft, ownerId);
    if (!saved)
        return saved.error();
    return draft;
}

QString PostStore::whyNotMovable(shared::PostStatus status)
{
    switch (status) {
    case shared::PostStatus::Publishing:
        return Tr::tr("It is being published: its time can no longer change.");
    case shared::PostStatus::Published:
        return Tr::tr("It is published: its time can no longer change.");
    case shared::PostStatus::PartiallyPublished:
        return Tr::tr("Part of it is published: its time can no longer change.");
    case shared::PostStatus::Cancelled:
        return Tr::tr("It is cancelled: schedule it again in the composer first.");
    case shared::PostStatus::Draft:
    case shared::PostStatus::Scheduled:
    case shared::PostStatus::Failed:
        break;
    }
    return {};
}

QStringList PostStore::schedulingProblems(const PostDraft &draft)
{
    QStringList problems;
    if (!draft.scheduledAt.isValid())
        problems << Tr::tr("Choose when the post goes out.");
    if (draft.destinations.isEmpty())
        problems << Tr::tr("Add at least one platform to post to.");
    for (const DestinationDraft &d : draft.destinations) {
        Result<std::optional<PlatformRecord>> platform = m_store.platform(d.platformId);
        if (!platform || !*platform || (*platform)->clientId != draft.clientId) {
            problems << Tr::tr("Choose a platform of the post's client for every destination.");
            continue;
        }
        if (const std::optional<QString> over = overLimit(draft, d, **platform))
            problems << *over;
        if (draft.textFor(d).trimmed().isEmpty())
            problems << Tr::tr("The text for %1 is empty.").arg((*platform)->displayName);
    }
    return problems;
}

QStringList PostStore::lengthProblems(const PostDraft &draft)
{
    QStringList problems;
    for (const DestinationDraft &d : draft.destinations) {
        Result<std::optional<PlatformRecord>> platform = m_store.platform(d.platformId);
        if (!platform || !*platform)
            continue;
        if (const std::optional<QString> over = overLimit(draft, d, **platform))
            problems << *over;
    }
    return problems;
}

std::optional<QString> PostStore::overLimit(const PostDraft &draft, const DestinationDraft &destination,
                                            const PlatformRecord &platform)
{
    const CharacterCount count = CharacterCounter::count(platform.kind, draft.textFor(destination), platform.settings);
    if (!count.isOver())
        return std::nullopt;
    return Tr::tr("The text for %1 is %n character(s) too long.", nullptr, -count.left()).arg(platform.displayName);
}

CharacterCount PostStore::countFor(const QString &platformId, const QString &text)
{
    Result<std::optional<PlatformRecord>> platform = m_store.platform(platformId);
    if (!platform || !*platform)
        return { CharacterCounter::graphemes(text), std::nullopt };
    return CharacterCounter::count((*platform)->kind, text, (*platform)->settings);
}

} // namespace quire::desktop
