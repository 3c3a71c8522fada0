// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/promptlistmodel.h"

#include "desktop/core/datetext.h"
#include "desktop/core/tr.h"
#include "shared/timestamp.h"

namespace quire::desktop {

PromptListModel::PromptListModel(shared::Database &db, QObject *parent)
    : QueryListModel(db, parent)
{ }

int PromptListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PromptListModel::data(const QModelIndex &index, int role) const
{
    const PromptSummary *row = rowAt(index);
    if (!row)
        return {};
    const PromptSummary &p = *row;
    switch (role) {
    case IdRole:
        return p.id;
    case FavouriteRole:
        return p.favourite;
    case SnippetRole:
        return p.snippet;
    case Qt::AccessibleTextRole:
        if (index.column() == Favourite)
            return p.favourite ? Tr::tr("Favourite") : Tr::tr("Not a favourite");
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Favourite:
            return p.favourite ? Tr::tr("Remove from favourites") : Tr::tr("Add to favourites");
        case Updated:
            return DateText::full(p.updatedAt);
        default: {
            // The name programs ask for, the tags and the matching words.
            QStringList lines;
            if (!p.name.isEmpty())
                lines << p.name;
            if (!p.tags.isEmpty())
                lines << QStringLiteral("#") + p.tags.join(QStringLiteral(" #"));
            if (!p.snippet.isEmpty())
                lines << p.snippet;
            return lines.join(QLatin1Char('\n'));
        }
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Favourite:
            return p.favourite ? QStringLiteral("★") : QStringLiteral("☆");
        case Title:
            return (p.title.isEmpty() ? Tr::tr("(untitled)") : p.title)
                + (p.isTemplate ? Tr::tr(" · template") : QString());
        case Category:
            return p.category;
        case Updated:
            return shared::Timestamp::parse(p.updatedAt) ? DateText::compact(p.updatedAt) : QString();
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Favourite)
            return int(Qt::AlignCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant PromptListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Favourite:
        return QStringLiteral("★");
    case Title:
        return Tr::tr("Title");
    case Category:
        return Tr::tr("Category");
    case Updated:
        return Tr::tr("Changed");
    default:
        return {};
    }
}

} // namespace quire::desktop
