// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/scheduler/core/charactercounter.h"
#include "shared/result.h"
#include "shared/schedulernames.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace quire::desktop {

class SchedulerStore;
struct PlatformRecord;

// Where a post goes, as the composer edits it. The publisher's columns
// (status, last error, published address) are read, never written here.
struct DestinationDraft
{
    QString id; // empty until saved
    QString platformId;
    QString text; // empty: the post's body
    shared::DestinationStatus status = shared::DestinationStatus::Pending;
    QString lastError;
    QString publishedUrl;
    // The server's pre-flight findings before the post is due ("code:
    // message" lines); empty when it found the destination ready or has
    // not looked yet.
    QString preflight;
};

// A post with its destinations, as the composer edits it.
struct PostDraft
{
    QString id; // empty until saved
    QString clientId;
    QString title;
    QString body;
    QDateTime scheduledAt; // UTC; invalid: no time yet
    QString timeZone = QString::fromLatin1(shared::kDefaultTimeZone);
    shared::PostStatus status = shared::PostStatus::Draft;
    QList<DestinationDraft> destinations;

    // What `destination` publishes: its own text, else the post's.
    QString textFor(const DestinationDraft &destination) const
    {
        return destination.text.isEmpty() ? body : destination.text;
    }
};

// The composer's posts over the replica: a post and its destinations are
// read and saved together (one transaction through the ContentStore, so
// offline too), and a post is scheduled only when every destination's
// text fits its network.
class PostStore
{
public:
    explicit PostStore(SchedulerStore &store);

    shared::Result<std::optional<PostDraft>> load(const QString &id);
    // Creates or updates the post, creates its new destinations (their ids
    // are filled in), updates the changed ones and deletes those no longer
    // in `draft`, all in one transaction. The post's id.
    shared::Result<QString> save(PostDraft &draft, const QString &ownerId);
    // Saves `draft` as scheduled, or refuses (nothing saved) with the
    // problems of schedulingProblems() as the message. Neither this nor
    // cancel() moves a post the publisher has (see isPublishersStatus).
    shared::Result<QString> schedule(PostDraft &draft, const QString &ownerId);
    // Cancelled: the publisher leaves it alone (kept, and shown as such).
    shared::Result<QString> cancel(PostDraft &draft, const QString &ownerId);
    // With its destinations.
    shared::VoidResult remove(const QString &id);
    // Moves the post `id` to `utc` (the calendar's drag): a draft stays a
    // draft, any other post is scheduled again and refused like schedule();
    // one the publisher has had or cancelled is refused (nothing saved).
    // The post as saved.
    shared::Result<PostDraft> reschedule(const QString &id, const QDateTime &utc, const QString &ownerId);
    // Why a post in `status` keeps its time (published, being published,
    // partly out or cancelled), for people; empty: it may be moved.
    static QString whyNotMovable(shared::PostStatus status);

    // What keeps `draft` from being scheduled, for people: no time, no
    // destination, a destination without a platform of the post's client,
    // a text over its network's limit. Empty: it may be scheduled.
    QStringList schedulingProblems(const PostDraft &draft);
    // Only the texts over their network's limit, one line each (a draft is
    // saved with none, as quire-cli does).
    QStringList lengthProblems(const PostDraft &draft);
    // `text` as the platform's network counts it (no limit for an unknown platform).
    CharacterCount countFor(const QString &platformId, const QString &text);

private:
    // "The text for X is N characters too long", when it is.
    static std::optional<QString> overLimit(const PostDraft &draft, const DestinationDraft &destination,
                                            const PlatformRecord &platform);

    SchedulerStore &m_store;
};

} // namespace quire::desktop
