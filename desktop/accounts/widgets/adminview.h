// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTabWidget;

namespace quire::desktop {
class AccountAdmin;
class AuthSession;
} // namespace quire::desktop

namespace quire::gui {

// The Admin section: users (search, role, disable), invite codes and the
// audit log. Shown only to administrators; anyone else is told why.
class AdminView final : public QWidget
{
    Q_OBJECT
public:
    AdminView(desktop::AuthSession &session, QWidget *parent = nullptr);

    void refresh();

private:
    QWidget *buildUsers();
    QWidget *buildInvites();
    QWidget *buildAudit();
    // Reloads the table; `note` replaces the count in the status line.
    void loadUsers(const QString &note = QString());
    void applyToSelected(bool changeRole, bool toggleDisabled);
    void loadAudit();
    QString selectedUserId() const;

    desktop::AuthSession &m_session;
    desktop::AccountAdmin *m_admin;
    QStackedWidget *m_stack;
    QLabel *m_notice;
    QLabel *m_status;
    QLineEdit *m_search = nullptr;
    QTableWidget *m_users = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_inviteRole = nullptr;
    QSpinBox *m_inviteDays = nullptr;
    QLineEdit *m_inviteCode = nullptr;
    QComboBox *m_auditAction = nullptr;
    QLabel *m_auditActor = nullptr; // whose events are shown, if filtered
    QString m_auditActorId;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_audit = nullptr;
};

} // namespace quire::gui
