// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace quire::desktop {
class AuthSession;
}

namespace quire::gui {

// Asks an account that signed in with a one-time password (one generated at
// the server's console and shown in a terminal, as for the first admin of
// `./quire.sh run`) to choose its own. Holds the one-time password only
// until the change is made or the dialog closes.
class ChoosePasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    ChoosePasswordDialog(desktop::AuthSession &session, const QString &oneTimePassword, QWidget *parent = nullptr);
    ~ChoosePasswordDialog() override;

private:
    void save();

    desktop::AuthSession &m_session;
    QString m_oneTimePassword;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QPushButton *m_save;
    QLabel *m_status;
};

} // namespace quire::gui
