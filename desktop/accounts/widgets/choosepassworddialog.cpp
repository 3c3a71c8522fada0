// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/choosepassworddialog.h"

#include "desktop/accounts/widgets/signindialog.h"
#include "desktop/core/authsession.h"
#include "desktop/widgets/tr.h"
#include "shared/jsonqt.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::gui {

ChoosePasswordDialog::ChoosePasswordDialog(desktop::AuthSession &session, const QString &oneTimePassword,
                                           QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_oneTimePassword(oneTimePassword)
    , m_new(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_save(new QPushButton(Tr::tr("&Save Password"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(Tr::tr("Choose your password"));
    setMinimumWidth(460);
    m_new->setObjectName(QStringLiteral("choosePassword"));
    m_new->setEchoMode(QLineEdit::Password);
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_save->setObjectName(QStringLiteral("savePasswordButton"));
    m_save->setDefault(true);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);

    auto *intro = new QLabel(Tr::tr("You signed in with a one-time password. Choose your own now: at least 12 "
                                    "characters; a few words you can remember make a good password."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&New password:"), m_new);
    form->addRow(Tr::tr("&Repeat it:"), m_repeat);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *later = buttons->addButton(Tr::tr("&Later"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("laterButton"));
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, &ChoosePasswordDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ChoosePasswordDialog::~ChoosePasswordDialog()
{
    m_oneTimePassword.fill(QLatin1Char('\0'));
}

void ChoosePasswordDialog::save()
{
    if (m_new->text() != m_repeat->text()) {
        m_status->setText(Tr::tr("The two passwords differ. Type the same one twice."));
        return;
    }
    m_save->setEnabled(false);
    m_status->setText(Tr::tr("Talking to the server…"));
    QPointer<ChoosePasswordDialog> self(this);
    m_session.call(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me/password"),
                   nlohmann::json { { "current_password", m_oneTimePassword }, { "new_password", m_new->text() } },
                   [self](const desktop::ApiReply &reply) {
                       if (!self)
                           return;
                       self->m_save->setEnabled(true);
                       if (!reply.ok()) {
                           self->m_status->setText(SignInDialog::messageFor(reply));
                           return;
                       }
                       self->m_oneTimePassword.fill(QLatin1Char('\0'));
                       self->accept();
                   });
}

} // namespace quire::gui
