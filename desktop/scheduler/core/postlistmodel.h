// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/querylistmodel.h"
#include "desktop/scheduler/core/postquery.h"

namespace quire::desktop {

// The queue as a table for views: title, client, the time in the post's
// own zone, and the status with a badge per destination ("✓ Mastodon
// ✗ Bluesky"), found by a PostQuery over the replica. Views call
// refresh() when the replica changed.
class PostListModel final : public QueryListModel<PostQuery, PostSummary>
{
    Q_OBJECT
public:
    enum Column { Title, Client, Scheduled, Status, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, FailedRole, AttentionRole };

    explicit PostListModel(shared::Database &db, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Scheduled · ✓ Mastodon ✗ Bluesky".
    static QString statusText(const PostSummary &post);
};

} // namespace quire::desktop
