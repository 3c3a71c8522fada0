// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/postlistmodel.h"

#include "desktop/core/datetext.h"
#include "desktop/core/tr.h"
#include "desktop/scheduler/core/schedulerlabels.h"

#include <algorithm>

namespace quire::desktop {

PostListModel::PostListModel(shared::Database &db, QObject *parent)
    : QueryListModel(db, parent)
{ }

int PostListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PostListModel::statusText(const PostSummary &post)
{
    QStringList badges;
    for (const DestinationState &d : post.destinations) {
        const QString badge = d.needsAttention() ? QStringLiteral("⚠") : SchedulerLabels::destinationBadge(d.status);
        badges << badge + QLatin1Char(' ') + d.platformName;
    }
    const QString status = SchedulerLabels::postStatus(post.status);
    return badges.isEmpty() ? status : Tr::tr("%1 · %2").arg(status, badges.join(QStringLiteral("  ")));
}

QVariant PostListModel::data(const QModelIndex &index, int role) const
{
    const PostSummary *row = rowAt(index);
    if (!row)
        return {};
    const PostSummary &p = *row;
    switch (role) {
    case IdRole:
        return p.id;
    case FailedRole:
        return std::any_of(p.destinations.cbegin(), p.destinations.cend(),
                           [](const DestinationState &d) { return d.status == shared::DestinationStatus::Failed; });
    case AttentionRole:
        return std::any_of(p.destinations.cbegin(), p.destinations.cend(),
                           [](const DestinationState &d) { return d.needsAttention(); });
    case Qt::ToolTipRole:
        if (index.column() == Status) {
            QStringList lines;
            for (const DestinationState &d : p.destinations) {
                QString line = Tr::tr("%1 (%2): %3")
                                   .arg(d.platformName, SchedulerLabels::platformKind(d.kind),
                                        SchedulerLabels::destinationStatus(d.status));
                if (!d.lastError.isEmpty())
                    line += QStringLiteral(" — ") + d.lastError;
                if (d.needsAttention())
                    line += QLatin1Char('\n') + Tr::tr("Found before publishing: %1").arg(d.preflight);
                lines << line;
            }
            return lines.isEmpty() ? Tr::tr("No platform chosen yet") : lines.join(QLatin1Char('\n'));
        }
        if (index.column() == Scheduled && p.scheduledAt.isValid())
            return p.timeZone.isEmpty() ? DateText::exact(p.scheduledAt)
                                        : Tr::tr("%1 (%2)").arg(DateText::exact(p.scheduledAt), p.timeZone);
        if (index.column() == Client || index.column() == Title)
            return index.column() == Client ? p.clientName : p.title;
        break;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return p.title.isEmpty() ? Tr::tr("(untitled)") : p.title;
        case Client:
            return p.clientName;
        case Scheduled:
            return p.scheduledAt.isValid() ? SchedulerLabels::timeIn(p.scheduledAt, p.timeZone) : Tr::tr("No time");
        case Status:
            return statusText(p);
        default:
            return {};
        }
    default:
        break;
    }
    return {};
}

QVariant PostListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return Tr::tr("Title");
    case Client:
        return Tr::tr("Client");
    case Scheduled:
        return Tr::tr("Scheduled for");
    case Status:
        return Tr::tr("Status");
    default:
        return {};
    }
}

} // namespace quire::desktop
