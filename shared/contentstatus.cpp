// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/contentstatus.h"

#include <array>
#include <utility>

namespace quire::shared {
namespace {
constexpr std::array<std::pair<ContentStatus, const char *>, 5> kStatuses{{
    {ContentStatus::Draft, "draft"},
    {ContentStatus::InReview, "in_review"},
    {ContentStatus::Scheduled, "scheduled"},
    {ContentStatus::Published, "published"},
    {ContentStatus::Archived, "archived"},
}};
} // namespace

QString contentStatusName(ContentStatus status)
{
    for (const auto &[s, name] : kStatuses) {
        if (s == status)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<ContentStatus> contentStatusFromName(const QString &name)
{
    for (const auto &[s, n] : kStatuses) {
        if (name == QLatin1String(n))
            return s;
    }
    return std::nullopt;
}

} // namespace quire::shared
