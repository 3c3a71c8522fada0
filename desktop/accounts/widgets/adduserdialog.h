// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/user.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quire::desktop {
class AccountAdmin;
}

namespace quire::gui {

// Admin > Users > Add User: name, email and role of a new account. The
// server mails its owner a link to choose a password; what it refuses is
// shown under the field it concerns, and the dialog stays open.
class AddUserDialog final : public QDialog
{
    Q_OBJECT
public:
    AddUserDialog(desktop::AccountAdmin &admin, QWidget *parent = nullptr);

Q_SIGNALS:
    // The account exists; the dialog closes.
    void added(const shared::User &user);

private:
    void submit();
    void showRefusal(const shared::Error &error);
    QLabel *fieldError(const char *name);

    desktop::AccountAdmin &m_admin;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QComboBox *m_role;
    QLabel *m_nameError;
    QLabel *m_emailError;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};

} // namespace quire::gui
