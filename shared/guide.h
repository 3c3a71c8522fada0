// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/contentstatus.h"
#include "shared/fielderrors.h"
#include "shared/result.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

namespace quire::shared {

// A guide: the first synced content type. The content issue extends it into
// the full article model; the sync issue proves its machinery on it.
struct Guide
{
    QString id;
    QString title;
    QString body; // Markdown
    ContentStatus status = ContentStatus::Draft;
    QString ownerId;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0; // the server's change sequence number of the last change

    static constexpr int kMaxTitleLength = 300;
    static constexpr qsizetype kMaxBodyBytes = 5 * 1024 * 1024;

    nlohmann::json toJson() const;
    static Result<Guide> fromJson(const nlohmann::json &json);
    void validate(FieldErrors &errors) const;
};

} // namespace quire::shared
