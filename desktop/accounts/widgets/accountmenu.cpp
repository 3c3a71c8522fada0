// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/accountmenu.h"

#include "desktop/accounts/widgets/apikeysdialog.h"
#include "desktop/accounts/widgets/profiledialog.h"
#include "desktop/accounts/widgets/signindialog.h"
#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/tr.h"

#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

namespace quire::gui {

AccountMenu::AccountMenu(desktop::Workspace &workspace, QMainWindow &window)
    : QObject(&window)
    , m_workspace(workspace)
    , m_window(window)
{
    QMenu *account = window.menuBar()->addMenu(Tr::tr("&Account"));
    m_signInAction = account->addAction(Tr::tr("&Sign In…"), this, [this] { openSignIn(); });
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    QAction *registerAction = account->addAction(Tr::tr("&Create Account…"), this, [this] {
        if (SignInDialog *dialog = openSignIn())
            dialog->showPage(SignInDialog::Page::Register);
    });
    registerAction->setObjectName(QStringLiteral("registerAction"));
    m_profileAction = account->addAction(Tr::tr("&Profile…"), this, [this] {
        auto *dialog = new ProfileDialog(m_workspace.session(), &m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    m_profileAction->setObjectName(QStringLiteral("profileAction"));
    m_apiKeysAction = account->addAction(Tr::tr("API &Keys…"), this, [this] {
        if (auto *open = m_window.findChild<ApiKeysDialog *>()) {
            open->raise();
            return;
        }
        auto *dialog = new ApiKeysDialog(m_workspace.session(), &m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    m_apiKeysAction->setObjectName(QStringLiteral("apiKeysAction"));
    m_signOutAction = account->addAction(Tr::tr("Sign &Out"), this, [this] {
        m_workspace.session().signOut(
            [this](const desktop::ApiReply &) { m_window.statusBar()->showMessage(Tr::tr("Signed out."), 5000); });
    });
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));

    connect(&workspace.session(), &desktop::AuthSession::signedInChanged, this, &AccountMenu::updateActions);
    connect(&workspace.session(), &desktop::AuthSession::signInRequired, this, [this](const QString &) {
        m_window.statusBar()->showMessage(Tr::tr("Your session ended. Sign in again; nothing you wrote here is lost."),
                                          10000);
        openSignIn();
    });
    connect(&workspace.session(), &desktop::AuthSession::signInWanted, this,
            [this](const QString &email) { openSignIn(email); });
    updateActions();
}

void AccountMenu::updateActions()
{
    const bool signedIn = m_workspace.session().isSignedIn();
    m_signInAction->setEnabled(!signedIn);
    m_signOutAction->setEnabled(signedIn);
    m_profileAction->setEnabled(signedIn);
    m_apiKeysAction->setEnabled(signedIn);
}

SignInDialog *AccountMenu::openSignIn(const QString &email)
{
    if (!m_workspace.api().server().isValid()) {
        m_window.statusBar()->showMessage(Tr::tr("Connect to a server first (File › Connect to Server…)."), 8000);
        return nullptr;
    }
    auto *dialog = m_window.findChild<SignInDialog *>();
    if (!dialog) {
        dialog = new SignInDialog(m_workspace.session(), &m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->suggestEmail(email);
    dialog->show();
    dialog->raise();
    return dialog;
}

} // namespace quire::gui
