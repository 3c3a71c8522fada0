// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

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

// The Admin section: users (search, add, role, disable), invite codes and
// the audit log. Shown only to administrators; anyone else is told why.
class AdminView final : public QWidget
{
    Q_OBJECT
public:
    AdminView(desktop::AuthSession &session, QWidget *parent = nullptr);

    void refresh();

    // The roles, least first, labelled for people and keyed by their API names.
    static void fillRoles(QComboBox *box);
    // A refusal from the admin API in words for the status line.
    static QString errorText(const shared::Error &e);

private:
    QWidget *buildUsers();
    QWidget *buildInvites();
    QWidget *buildAudit();
    // Reloads the table; `note` replaces the count in the status line.
    void loadUsers(const QString &note = QString());
    void applyToSelected(bool changeRole, bool toggleDisabled);
    // Asks first when it disables: the user is signed out everywhere.
    void toggleSelected();
    // The toggle's words follow the selected user's state.
    void updateToggle();
    void addUser();
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
    QPushButton *m_toggle = nullptr;
    QLabel *m_usersEmpty = nullptr;
    QLabel *m_invitesEmpty = nullptr;
    QLabel *m_auditEmpty = nullptr;
    QComboBox *m_inviteRole = nullptr;
    QSpinBox *m_inviteDays = nullptr;
    QLineEdit *m_inviteCode = nullptr;
    QComboBox *m_auditAction = nullptr;
    QLabel *m_auditActor = nullptr; // whose events are shown, if filtered
    QString m_auditActorId;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_audit = nullptr;
    // Which load is the newest: an answer to an older one (a filter changed
    // while it was under way) is dropped, not shown over the newer.
    int m_usersLoad = 0;
    int m_auditLoad = 0;
};

} // namespace quire::gui
