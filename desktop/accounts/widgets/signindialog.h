// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace quire::desktop {
class AuthSession;
struct ApiReply;
} // namespace quire::desktop

namespace quire::gui {

// Sign in, create an account, or ask for a password-reset mail: three small
// pages of one dialog, talking to the server through the AuthSession. An
// account that signed in with a one-time password is asked to choose its own.
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Page { SignIn, Register, Forgot };

    explicit SignInDialog(desktop::AuthSession &session, QWidget *parent = nullptr);

    void showPage(Page page);
    // Fills in the address to sign in with, unless one is typed already.
    void suggestEmail(const QString &email);
    // A translated sentence for a failed answer (shared with other views).
    static QString messageFor(const desktop::ApiReply &reply);

private:
    QWidget *buildSignIn();
    QWidget *buildRegister();
    QWidget *buildForgot();
    QLabel *pageLink(const QString &text, const char *name, Page page);
    void signIn();
    void registerAccount();
    void sendResetLink();
    void setBusy(bool busy);

    desktop::AuthSession &m_session;
    QStackedWidget *m_pages;
    QLabel *m_status;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_regName = nullptr;
    QLineEdit *m_regEmail = nullptr;
    QLineEdit *m_regPassword = nullptr;
    QLineEdit *m_regInvite = nullptr;
    QLineEdit *m_forgotEmail = nullptr;
    QList<QPushButton *> m_actions;
};

} // namespace quire::gui
