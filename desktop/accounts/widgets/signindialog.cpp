// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/signindialog.h"

#include "desktop/accounts/widgets/choosepassworddialog.h"
#include "desktop/core/authsession.h"
#include "desktop/widgets/tr.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace quire::gui {

namespace {

QLineEdit *field(QWidget *parent, const char *name, bool secret = false)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    return edit;
}

QPushButton *button(const QString &text, QWidget *parent, const char *name, bool flat = false)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setFlat(flat);
    b->setAutoDefault(false);
    return b;
}

QString fieldMessage(const QString &field)
{
    if (field == QLatin1String("email"))
        return Tr::tr("Enter a valid email address.");
    if (field == QLatin1String("password") || field == QLatin1String("new_password"))
        return Tr::tr("Use 12 to 256 characters, and not one of the most common passwords.");
    if (field == QLatin1String("name"))
        return Tr::tr("Enter your name (at most 100 characters).");
    if (field == QLatin1String("invite_code"))
        return Tr::tr("The invite code is unknown, used or expired.");
    return Tr::tr("Check the field “%1”.").arg(field);
}

} // namespace

QString SignInDialog::messageFor(const desktop::ApiReply &reply)
{
    if (!reply.error)
        return {};
    using shared::ErrorCode;
    const QString code = reply.error->code;
    switch (shared::errorCodeFromName(code).value_or(ErrorCode::Unknown)) {
    case ErrorCode::InvalidCredentials:
        return Tr::tr("The email address or the password is wrong.");
    case ErrorCode::AccountDisabled:
        return Tr::tr("This account is disabled. Ask an administrator.");
    case ErrorCode::RateLimited:
        return Tr::tr("Too many attempts. Wait a little and try again.");
    case ErrorCode::Busy:
        return Tr::tr("The server is busy. Try again in a moment.");
    case ErrorCode::RegistrationClosed:
        return Tr::tr("This server does not take registrations. Ask an administrator for an account.");
    case ErrorCode::EmailTaken:
        return Tr::tr("An account with this email address exists already. Sign in, or reset its password.");
    case ErrorCode::ValidationFailed: {
        QStringList lines;
        for (auto it = reply.error->fields.cbegin(); it != reply.error->fields.cend(); ++it)
            lines << fieldMessage(it.key());
        return lines.join(QLatin1Char('\n'));
    }
    case ErrorCode::Unreachable:
        return Tr::tr("The server cannot be reached. Check the connection and try again.");
    case ErrorCode::CertificateUntrusted:
    case ErrorCode::CertificateChanged:
        return reply.error->message; // already translated by the core
    default:
        return Tr::tr("The server refused this (%1).").arg(code);
    }
}

SignInDialog::SignInDialog(desktop::AuthSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_pages(new QStackedWidget(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(Tr::tr("Sign in to Quire"));
    setMinimumWidth(460);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_pages->addWidget(buildSignIn());
    m_pages->addWidget(buildRegister());
    m_pages->addWidget(buildForgot());
    // Cancel on every page: signing in can wait, the app works offline.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    suggestEmail(session.lastEmail());
}

void SignInDialog::suggestEmail(const QString &email)
{
    if (m_email->text().isEmpty() && !email.isEmpty()) {
        m_email->setText(email);
        m_password->setFocus();
    }
}

// A link that looks like one (underlined, the palette's link colour) and
// opens one of this dialog's pages, which talk to the server's own
// registration and reset endpoints. Reachable with Tab, opened with Enter.
QLabel *SignInDialog::pageLink(const QString &text, const char *name, Page page)
{
    auto *link = new QLabel(QStringLiteral("<a href=\"#%1\">%2</a>").arg(int(page)).arg(text.toHtmlEscaped()), this);
    link->setObjectName(QString::fromLatin1(name));
    link->setTextFormat(Qt::RichText);
    link->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    link->setFocusPolicy(Qt::TabFocus);
    link->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    connect(link, &QLabel::linkActivated, this, [this, page] { showPage(page); });
    return link;
}

QWidget *SignInDialog::buildSignIn()
{
    auto *page = new QWidget(this);
    m_email = field(page, "email");
    m_password = field(page, "password", true);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&Email:"), m_email);
    form->addRow(Tr::tr("&Password:"), m_password);
    QPushButton *go = button(Tr::tr("&Sign In"), page, "signInButton");
    go->setDefault(true);
    auto *links = new QHBoxLayout;
    links->addWidget(pageLink(Tr::tr("Create an account"), "toRegisterLink", Page::Register));
    links->addSpacing(12);
    links->addWidget(pageLink(Tr::tr("Forgot your password?"), "toForgotLink", Page::Forgot));
    links->addStretch();
    links->addWidget(go);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(links);
    connect(go, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInDialog::signIn);
    m_actions << go;
    return page;
}

QWidget *SignInDialog::buildRegister()
{
    auto *page = new QWidget(this);
    m_regName = field(page, "registerName");
    m_regEmail = field(page, "registerEmail");
    m_regPassword = field(page, "registerPassword", true);
    m_regInvite = field(page, "registerInvite");
    m_regInvite->setPlaceholderText(Tr::tr("only if the server asks for one"));
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&Name:"), m_regName);
    form->addRow(Tr::tr("&Email:"), m_regEmail);
    form->addRow(Tr::tr("&Password:"), m_regPassword);
    form->addRow(Tr::tr("&Invite code:"), m_regInvite);
    auto *hint = new QLabel(Tr::tr("At least 12 characters. A few words you can remember make a good password."), page);
    hint->setWordWrap(true);
    QPushButton *go = button(Tr::tr("&Create Account"), page, "registerButton");
    QPushButton *back = button(Tr::tr("Back to sign-in"), page, "backButton", true);
    auto *row = new QHBoxLayout;
    row->addWidget(back);
    row->addStretch();
    row->addWidget(go);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addLayout(row);
    connect(go, &QPushButton::clicked, this, &SignInDialog::registerAccount);
    connect(back, &QPushButton::clicked, this, [this] { showPage(Page::SignIn); });
    m_actions << go;
    return page;
}

QWidget *SignInDialog::buildForgot()
{
    auto *page = new QWidget(this);
    m_forgotEmail = field(page, "forgotEmail");
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&Email:"), m_forgotEmail);
    QPushButton *go = button(Tr::tr("&Send Reset Link"), page, "sendResetButton");
    QPushButton *back = button(Tr::tr("Back to sign-in"), page, "forgotBackButton", true);
    auto *row = new QHBoxLayout;
    row->addWidget(back);
    row->addStretch();
    row->addWidget(go);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(Tr::tr("We will mail you a link to choose a new password."), page));
    layout->addLayout(form);
    layout->addLayout(row);
    connect(go, &QPushButton::clicked, this, &SignInDialog::sendResetLink);
    connect(back, &QPushButton::clicked, this, [this] { showPage(Page::SignIn); });
    m_actions << go;
    return page;
}

void SignInDialog::showPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    m_status->clear();
    if (page == Page::Forgot && m_forgotEmail->text().isEmpty())
        m_forgotEmail->setText(m_email->text());
    if (page == Page::Register && m_regEmail->text().isEmpty())
        m_regEmail->setText(m_email->text());
}

void SignInDialog::setBusy(bool busy)
{
    for (QPushButton *b : std::as_const(m_actions))
        b->setEnabled(!busy);
    if (busy)
        m_status->setText(Tr::tr("Talking to the server…"));
}

void SignInDialog::signIn()
{
    setBusy(true);
    m_session.signIn(m_email->text().trimmed(), m_password->text(),
                     [this, alive = QPointer<SignInDialog>(this)](const desktop::ApiReply &reply) {
                         if (!alive)
                             return; // closed before the server answered
                         setBusy(false);
                         if (reply.ok()) {
                             if (reply.json.value("password_change_required", false)) {
                                 // Beside the window, not this dialog: it closes now.
                                 auto *choose = new ChoosePasswordDialog(m_session, m_password->text(), parentWidget());
                                 choose->setAttribute(Qt::WA_DeleteOnClose);
                                 choose->show();
                             }
                             m_password->clear();
                             accept();
                             return;
                         }
                         m_status->setText(messageFor(reply));
                     });
}

void SignInDialog::registerAccount()
{
    setBusy(true);
    m_session.registerAccount(
        m_regEmail->text().trimmed(), m_regPassword->text(), m_regName->text().trimmed(), m_regInvite->text().trimmed(),
        [this, alive = QPointer<SignInDialog>(this)](const desktop::ApiReply &reply) {
            if (!alive)
                return; // closed before the server answered
            setBusy(false);
            if (!reply.ok()) {
                m_status->setText(messageFor(reply));
                return;
            }
            m_email->setText(m_regEmail->text().trimmed());
            m_password->setText(m_regPassword->text());
            m_regPassword->clear();
            showPage(Page::SignIn);
            m_status->setText(
                Tr::tr("Account created. We sent you a mail to confirm your address; you can sign in now."));
        });
}

void SignInDialog::sendResetLink()
{
    setBusy(true);
    m_session.forgotPassword(
        m_forgotEmail->text().trimmed(), [this, alive = QPointer<SignInDialog>(this)](const desktop::ApiReply &reply) {
            if (!alive)
                return; // closed before the server answered
            setBusy(false);
            m_status->setText(reply.ok() ? Tr::tr(
                                  "If an account exists for this address, a reset link is on its way. Check your mail.")
                                         : messageFor(reply));
        });
}

} // namespace quire::gui
