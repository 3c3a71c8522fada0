// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/enumnames.h"

namespace quire::shared {

// The wire names of the scheduler's choices (spec 004), written once (see
// schedulertables.cpp for the columns that hold them).

// The network a platform integration talks to.
enum class PlatformKind { Webhook, Mastodon, Bluesky };
inline constexpr EnumNames<PlatformKind, 3> kPlatformKinds { { { { PlatformKind::Webhook, "webhook" },
                                                                 { PlatformKind::Mastodon, "mastodon" },
                                                                 { PlatformKind::Bluesky, "bluesky" } } } };

// Where a post stands. A replica (and the API on its behalf) sets only the
// author's statuses; the rest are the publisher's.
enum class PostStatus { Draft, Scheduled, Publishing, Published, PartiallyPublished, Failed, Cancelled };
inline constexpr EnumNames<PostStatus, 7> kPostStatuses { { { { PostStatus::Draft, "draft" },
                                                              { PostStatus::Scheduled, "scheduled" },
                                                              { PostStatus::Publishing, "publishing" },
                                                              { PostStatus::Published, "published" },
                                                              { PostStatus::PartiallyPublished, "partially_published" },
                                                              { PostStatus::Failed, "failed" },
                                                              { PostStatus::Cancelled, "cancelled" } } } };

// Whether an author may put a post into `status`: draft, scheduled, cancelled.
inline constexpr bool isAuthorStatus(PostStatus status)
{
    return status == PostStatus::Draft || status == PostStatus::Scheduled || status == PostStatus::Cancelled;
}

// Whether `status` is the publisher's doing, after which an author no longer
// moves the post: publishing, published, partially published.
inline constexpr bool isPublishersStatus(PostStatus status)
{
    return status == PostStatus::Publishing || status == PostStatus::Published
        || status == PostStatus::PartiallyPublished;
}

// Where one destination of a post stands; the server's alone.
enum class DestinationStatus { Pending, Publishing, Published, Failed, Cancelled };
inline constexpr EnumNames<DestinationStatus, 5> kDestinationStatuses {
    { { { DestinationStatus::Pending, "pending" },
        { DestinationStatus::Publishing, "publishing" },
        { DestinationStatus::Published, "published" },
        { DestinationStatus::Failed, "failed" },
        { DestinationStatus::Cancelled, "cancelled" } } }
};

// The two reports of /api/v1/metrics/<kind>.
enum class MetricsKind { Engagement, Financial };
inline constexpr EnumNames<MetricsKind, 2> kMetricsKinds { { { { MetricsKind::Engagement, "engagement" },
                                                               { MetricsKind::Financial, "financial" } } } };

// How a metrics report sums its days (the `group` parameter): UTC days, ISO
// weeks starting Monday, calendar months.
enum class MetricsGroup { Day, Week, Month };
inline constexpr EnumNames<MetricsGroup, 3> kMetricsGroups {
    { { { MetricsGroup::Day, "day" }, { MetricsGroup::Week, "week" }, { MetricsGroup::Month, "month" } } }
};

// The zone a client's or a post's times are shown in when none is chosen.
inline constexpr const char *kDefaultTimeZone = "UTC";

} // namespace quire::shared
