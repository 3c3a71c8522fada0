// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/core/articlelistmodel.h"

#include "desktop/core/datetext.h"
#include "desktop/core/tr.h"
#include "shared/articlekind.h"
#include "shared/contentstatus.h"
#include "shared/timestamp.h"

namespace quire::desktop {

ArticleListModel::ArticleListModel(shared::Database &db, QObject *parent)
    : QueryListModel(db, parent)
{ }

int ArticleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ArticleListModel::statusLabel(const QString &status)
{
    using shared::ContentStatus;
    switch (shared::contentStatusFromName(status).value_or(ContentStatus(-1))) {
    case ContentStatus::Draft:
        return Tr::tr("Draft");
    case ContentStatus::InReview:
        return Tr::tr("In review");
    case ContentStatus::Scheduled:
        return Tr::tr("Scheduled");
    case ContentStatus::Published:
        return Tr::tr("Published");
    case ContentStatus::Archived:
        return Tr::tr("Archived");
    }
    return status; // a status this version does not know, shown as it is
}

QString ArticleListModel::kindLabel(const QString &kind)
{
    const std::optional<shared::ArticleKind> known = shared::articleKindFromName(kind);
    return known ? shared::articleKindLabel(*known) : kind; // an unknown kind as it is, never as a guide
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    const ArticleSummary *row = rowAt(index);
    if (!row)
        return {};
    const ArticleSummary &a = *row;
    if (role == IdRole)
        return a.id;
    // The compact date's tooltip is the date in full.
    if (role == Qt::ToolTipRole && index.column() == Updated)
        return DateText::full(a.updatedAt);
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
        return shared::Timestamp::parse(a.updatedAt) ? DateText::compact(a.updatedAt) : QString();
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

} // namespace quire::desktop
