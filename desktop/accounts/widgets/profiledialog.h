// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace quire::desktop {
class AuthSession;
}

namespace quire::gui {

// The signed-in user's own profile: name, avatar, preferences, password.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ProfileDialog(desktop::AuthSession &session, QWidget *parent = nullptr);

private:
    void load();
    void save();
    void changePassword();

    desktop::AuthSession &m_session;
    QLineEdit *m_name;
    QLineEdit *m_avatar;
    QComboBox *m_theme;
    QComboBox *m_language;
    QCheckBox *m_notifications;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLabel *m_status;
};

} // namespace quire::gui
