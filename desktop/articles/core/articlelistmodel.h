// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/articles/core/articlequery.h"
#include "desktop/core/querylistmodel.h"

namespace quire::desktop {

// The article list as a table for views: title, kind, status, last change,
// filtered and searched by an ArticleQuery over the replica. Views call
// refresh() when the replica changed (a local edit, a sync round).
class ArticleListModel final : public QueryListModel<ArticleQuery, ArticleSummary>
{
    Q_OBJECT
public:
    enum Column { Title, Kind, Status, Updated, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SnippetRole };

    explicit ArticleListModel(shared::Database &db, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusLabel(const QString &status);
    static QString kindLabel(const QString &kind);
};

} // namespace quire::desktop
