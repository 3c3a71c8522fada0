// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/prompts/core/promptquery.h"

#include <QAbstractTableModel>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// The prompt library as a table for views: a favourite star, the title
// (with its name), the category and the last change, found by a
// PromptQuery over the replica. Views call refresh() when the replica
// changed (a local edit, a sync round).
class PromptListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Favourite, Title, Category, Updated, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, FavouriteRole, SnippetRole };

    explicit PromptListModel(shared::Database &db, QObject *parent = nullptr);

    PromptQuery &query() { return m_query; }
    // Runs the query again; the last error, if it failed (the rows stay).
    QString refresh();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &id) const;
    QString idAt(int row) const;
    const PromptSummary *at(int row) const;

private:
    shared::Database &m_db;
    PromptQuery m_query;
    QList<PromptSummary> m_rows;
};

} // namespace quire::desktop
