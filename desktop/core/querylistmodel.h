// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QAbstractTableModel>
#include <QList>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// The rows a feature's list query finds in the replica, as a table model:
// keeps the query, runs it again on refresh() and finds rows by id. A
// feature's model adds its columns (columnCount, data, headerData).
// `Query::run(shared::Database &)` answers a Result<QList<Row>>; a Row has an `id`.
template<typename Query, typename Row> class QueryListModel : public QAbstractTableModel
{
public:
    Query &query() { return m_query; }

    // Runs the query again; the last error, if it failed (the rows stay).
    QString refresh()
    {
        shared::Result<QList<Row>> rows = m_query.run(m_db);
        if (!rows)
            return rows.error().message;
        beginResetModel();
        m_rows = std::move(rows.value());
        endResetModel();
        return {};
    }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    int rowOf(const QString &id) const
    {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].id == id)
                return int(i);
        }
        return -1;
    }

    QString idAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows[row].id : QString(); }

    const Row *at(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }

protected:
    explicit QueryListModel(shared::Database &db, QObject *parent)
        : QAbstractTableModel(parent)
        , m_db(db)
    { }

    // The row behind a valid index of this model; null for any other.
    const Row *rowAt(const QModelIndex &index) const { return index.isValid() ? at(index.row()) : nullptr; }

private:
    shared::Database &m_db;
    Query m_query;
    QList<Row> m_rows;
};

} // namespace quire::desktop
