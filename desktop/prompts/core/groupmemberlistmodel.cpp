// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/groupmemberlistmodel.h"

#include "desktop/core/tr.h"
#include "desktop/prompts/core/groupstore.h"

#include <QMimeData>

namespace quire::desktop {

GroupMemberListModel::GroupMemberListModel(GroupStore &store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(&m_store, &GroupStore::changed, this, [this] { refresh(); });
}

const char *GroupMemberListModel::mimeType()
{
    return "application/x-quire-group-member";
}

void GroupMemberListModel::setGroup(const QString &groupId)
{
    m_groupId = groupId;
    refresh();
}

QString GroupMemberListModel::refresh()
{
    QList<GroupMember> members;
    bool editable = false;
    if (!m_groupId.isEmpty()) {
        const GroupQuery query = m_store.query();
        shared::Result<std::optional<GroupSummary>> group = query.group(m_groupId);
        if (!group)
            return group.error().message;
        shared::Result<QList<GroupMember>> rows = query.members(m_groupId);
        if (!rows)
            return rows.error().message;
        members = *rows;
        editable = *group && (*group)->canEdit();
    }
    beginResetModel();
    m_members = members;
    m_editable = editable;
    endResetModel();
    return {};
}

QString GroupMemberListModel::pinText(const GroupMember &m)
{
    const QString number = m.resolved.number.isEmpty() ? Tr::tr("not yet numbered") : m.resolved.number;
    if (!m.pinnedVersionId.isEmpty())
        return m.resolved.versionId.isEmpty() ? Tr::tr("pinned to a version not in this replica")
                                              : Tr::tr("pinned to version %1").arg(number);
    if (!m.pinnedLabel.isEmpty()) {
        return m.resolved.versionId.isEmpty() ? Tr::tr("label %1 (points at no version)").arg(m.pinnedLabel)
                                              : Tr::tr("label %1 (version %2)").arg(m.pinnedLabel, number);
    }
    return m.resolved.versionId.isEmpty() ? Tr::tr("latest (no version yet)")
                                          : Tr::tr("latest (version %1)").arg(number);
}

int GroupMemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QVariant GroupMemberListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_members.size())
        return {};
    const GroupMember &m = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString title = m.promptTitle.isEmpty() ? Tr::tr("(a prompt not in this replica)") : m.promptTitle;
        return Tr::tr("%1 — %2").arg(title, pinText(m));
    }
    case Qt::ToolTipRole:
        return m.promptName;
    case IdRole:
        return m.id;
    case PromptIdRole:
        return m.promptId;
    case PinRole:
        return pinText(m);
    default:
        return {};
    }
}

Qt::ItemFlags GroupMemberListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractListModel::flags(index);
    // Drops land between rows (the list itself), never on a member.
    if (!index.isValid())
        return m_editable ? f | Qt::ItemIsDropEnabled : f;
    return m_editable ? f | Qt::ItemIsDragEnabled : f;
}

Qt::DropActions GroupMemberListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions GroupMemberListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList GroupMemberListModel::mimeTypes() const
{
    return { QString::fromLatin1(mimeType()) };
}

QMimeData *GroupMemberListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || indexes.first().row() >= m_members.size())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(mimeType()), m_members.at(indexes.first().row()).id.toUtf8());
    return data;
}

bool GroupMemberListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                           const QModelIndex &parent) const
{
    return m_editable && action == Qt::MoveAction && !parent.isValid() && data
        && data->hasFormat(QString::fromLatin1(mimeType()));
}

bool GroupMemberListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                        const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QString id = QString::fromUtf8(data->data(QString::fromLatin1(mimeType())));
    for (int from = 0; from < m_members.size(); ++from) {
        if (m_members.at(from).id == id)
            return move(from, row < 0 ? int(m_members.size()) : row);
    }
    return false;
}

bool GroupMemberListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                    const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1 || sourceRow < 0
        || sourceRow >= m_members.size() || !m_editable)
        return false;
    return move(sourceRow, destinationChild);
}

bool GroupMemberListModel::move(int from, int before)
{
    // `before` counts the moved row itself when it lies above the gap.
    const int index = before > from ? before - 1 : before;
    if (index == from)
        return true;
    if (shared::VoidResult r = m_store.moveMember(m_members.at(from).id, index); !r) {
        m_lastError = r.error().message;
        return false;
    }
    m_lastError.clear();
    // The store's changed() has read the list again.
    return true;
}

} // namespace quire::desktop
