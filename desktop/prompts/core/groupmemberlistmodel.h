// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/prompts/core/groupquery.h"

#include <QAbstractListModel>

namespace quire::desktop {

class GroupStore;

// The members of one group in their order, for a list view that reorders
// them by drag and drop: a drop (or moveRows) writes the moved member's
// new position through the GroupStore, then the list is read again, so
// what the view shows is always what is stored. A viewer's list cannot be
// dragged.
class GroupMemberListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, PromptIdRole, PinRole };

    explicit GroupMemberListModel(GroupStore &store, QObject *parent = nullptr);

    void setGroup(const QString &groupId);
    QString groupId() const { return m_groupId; }
    // Reads the group again; the error, if that failed (the rows stay).
    QString refresh();
    const QList<GroupMember> &members() const { return m_members; }
    // The last refused change (a move by a viewer, a failed write).
    QString lastError() const { return m_lastError; }

    // "pinned to version 3", "label production (version 2)", "latest (version 4)".
    static QString pinText(const GroupMember &member);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;

    static const char *mimeType();

private:
    // Moves the member at `from` so it ends before the row that is now at
    // `before` (rowCount(): last).
    bool move(int from, int before);

    GroupStore &m_store;
    QString m_groupId;
    bool m_editable = false;
    QList<GroupMember> m_members;
    QString m_lastError;
};

} // namespace quire::desktop
