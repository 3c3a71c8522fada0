// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/articles/core/articlequery.h"

#include <QAbstractTableModel>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// The article list as a table for views: title, kind, status, last change,
// filtered and searched by an ArticleQuery over the replica. Views call
// refresh() when the replica changed (a local edit, a sync round).
class ArticleListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Kind, Status, Updated, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SnippetRole };

    explicit ArticleListModel(shared::Database &db, QObject *parent = nullptr);

    ArticleQuery &query() { return m_query; }
    // Runs the query again; the last error, if it failed (the rows stay).
    QString refresh();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &id) const;
    QString idAt(int row) const;

    static QString statusLabel(const QString &status);
    static QString kindLabel(const QString &kind);

private:
    shared::Database &m_db;
    ArticleQuery m_query;
    QList<ArticleSummary> m_rows;
};

} // namespace quire::desktop
