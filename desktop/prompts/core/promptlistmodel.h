// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/querylistmodel.h"
#include "desktop/prompts/core/promptquery.h"

namespace quire::desktop {

// The prompt library as a table for views: a favourite star, the title
// (with its name), the category and the last change, found by a
// PromptQuery over the replica. Views call refresh() when the replica
// changed (a local edit, a sync round).
class PromptListModel final : public QueryListModel<PromptQuery, PromptSummary>
{
    Q_OBJECT
public:
    enum Column { Favourite, Title, Category, Updated, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, FavouriteRole, SnippetRole };

    explicit PromptListModel(shared::Database &db, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace quire::desktop
