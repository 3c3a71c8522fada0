// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/contentstatus.h"

#include "shared/enumnames.h"

namespace quire::shared {
namespace {
constexpr EnumNames<ContentStatus, 5> kStatuses({ {
    { ContentStatus::Draft, "draft" },
    { ContentStatus::InReview, "in_review" },
    { ContentStatus::Scheduled, "scheduled" },
    { ContentStatus::Published, "published" },
    { ContentStatus::Archived, "archived" },
} });
} // namespace

QString contentStatusName(ContentStatus status)
{
    return kStatuses.name(status);
}

std::optional<ContentStatus> contentStatusFromName(const QString &name)
{
    return kStatuses.fromName(name);
}

QStringList contentStatusNames()
{
    return kStatuses.names();
}

} // namespace quire::shared
