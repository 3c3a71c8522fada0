// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace quire::shared {

// Where a piece of content is in its life: written, reviewed, timed, public, kept.
enum class ContentStatus { Draft, InReview, Scheduled, Published, Archived };

QString contentStatusName(ContentStatus status);
std::optional<ContentStatus> contentStatusFromName(const QString &name);
QStringList contentStatusNames();

} // namespace quire::shared
