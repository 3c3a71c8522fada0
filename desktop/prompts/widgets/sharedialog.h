// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace quire::desktop {
class GroupStore;
}

namespace quire::gui {

// Who a group is shared with: each share with its role (changed in place),
// revoking one after a confirmation, and a new share by email address with
// a role. Changing and revoking work offline; a new share asks the server,
// which alone knows who an address belongs to, and says so when offline.
class ShareDialog final : public QDialog
{
    Q_OBJECT
public:
    ShareDialog(desktop::GroupStore &store, const QString &groupId, QWidget *parent = nullptr);

    // Reads the shares again.
    void reload();

private:
    void shareByEmail();
    void revokeSelected();
    void changeRole(const QString &shareId, int index);

    desktop::GroupStore &m_store;
    QString m_groupId;
    QTableWidget *m_shares;
    QLabel *m_empty;
    QPushButton *m_revoke;
    QLineEdit *m_email;
    QComboBox *m_role;
    QPushButton *m_share;
    QLabel *m_message;
};

} // namespace quire::gui
