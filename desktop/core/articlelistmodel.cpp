// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/articlelistmodel.h"

#include "desktop/core/tr.h"
#include "shared/timestamp.h"

#include <QLocale>

namespace quire::desktop {

ArticleListModel::ArticleListModel(shared::Database &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{ }

QString ArticleListModel::refresh()
{
    shared::Result<QList<ArticleSummary>> rows = m_query.run(m_db);
    if (!rows)
        return rows.error().message;
    beginResetModel();
    m_rows = std::move(rows.value());
    endResetModel();
    return {};
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ArticleListModel::statusLabel(const QString &status)
{
    if (status == QLatin1String("draft"))
        return Tr::tr("Draft");
    if (status == QLatin1String("in_review"))
        return Tr::tr("In review");
    if (status == QLatin1String("scheduled"))
        return Tr::tr("Scheduled");
    if (status == QLatin1String("published"))
        return Tr::tr("Published");
    if (status == QLatin1String("archived"))
        return Tr::tr("Archived");
    return status;
}

QString ArticleListModel::kindLabel(const QString &kind)
{
    return kind == QLatin1String("case_study") ? Tr::tr("Case study") : Tr::tr("Guide");
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ArticleSummary &a = m_rows[index.row()];
    if (role == IdRole)
        return a.id;
    if (role == SnippetRole || (role == Qt::ToolTipRole && !a.snippet.isEmpty()))
        return a.snippet;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Title:
        return a.title.isEmpty() ? Tr::tr("(untitled)") : a.title;
    case Kind:
        return kindLabel(a.kind);
    case Status:
        return statusLabel(a.status);
    case Updated:
        if (const auto at = shared::Timestamp::parse(a.updatedAt))
            return QLocale().toString(at->toLocalTime(), QLocale::ShortFormat);
        return QString();
    default:
        return {};
    }
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return Tr::tr("Title");
    case Kind:
        return Tr::tr("Kind");
    case Status:
        return Tr::tr("Status");
    case Updated:
        return Tr::tr("Changed");
    default:
        return {};
    }
}

int ArticleListModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return int(i);
    }
    return -1;
}

QString ArticleListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : QString();
}

} // namespace quire::desktop
