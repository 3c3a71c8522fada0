// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QMainWindow;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

class SignInDialog;

// The window's Account menu: sign in, create an account, the own profile,
// API keys, sign out; and the sign-in dialog again whenever the session ends. Owned
// by the window it was added to.
class AccountMenu final : public QObject
{
    Q_OBJECT
public:
    AccountMenu(desktop::Workspace &workspace, QMainWindow &window);

    // Opens the sign-in dialog (non-blocking), `email` filled in unless the
    // dialog has one already; nullptr without a server.
    SignInDialog *openSignIn(const QString &email = QString());

private:
    void updateActions();

    desktop::Workspace &m_workspace;
    QMainWindow &m_window;
    QAction *m_signInAction;
    QAction *m_signOutAction;
    QAction *m_profileAction;
    QAction *m_apiKeysAction;
};

} // namespace quire::gui
