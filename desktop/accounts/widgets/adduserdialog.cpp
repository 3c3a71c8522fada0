// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/adduserdialog.h"

#include "desktop/accounts/core/accountadmin.h"
#include "desktop/accounts/widgets/adminview.h"
#include "desktop/widgets/tr.h"
#include "shared/errorcode.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::gui {

AddUserDialog::AddUserDialog(desktop::AccountAdmin &admin, QWidget *parent)
    : QDialog(parent)
    , m_admin(admin)
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_nameError(fieldError("nameError"))
    , m_emailError(fieldError("emailError"))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("addUserDialog"));
    setWindowTitle(Tr::tr("Add User"));
    setMinimumWidth(420);
    m_name->setObjectName(QStringLiteral("newUserName"));
    m_email->setObjectName(QStringLiteral("newUserEmail"));
    m_role->setObjectName(QStringLiteral("newUserRole"));
    m_status->setObjectName(QStringLiteral("addUserStatus"));
    m_status->setWordWrap(true);
    m_email->setPlaceholderText(Tr::tr("name@example.com"));
    AdminView::fillRoles(m_role);
    m_role->setCurrentIndex(m_role->findData(shared::roleName(shared::Role::Author)));
    m_buttons->button(QDialogButtonBox::Ok)->setText(Tr::tr("&Add User"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("addUserButton"));

    auto *intro = new QLabel(
        Tr::tr("The new user gets an email with a link to choose a password. The link is valid for 7 days."), this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(Tr::tr("&Email:"), m_email);
    form->addRow(QString(), m_emailError);
    form->addRow(Tr::tr("&Role:"), m_role);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddUserDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QLabel *AddUserDialog::fieldError(const char *name)
{
    auto *label = new QLabel(this);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::BrightText);
    label->hide();
    return label;
}

void AddUserDialog::submit()
{
    m_nameError->hide();
    m_emailError->hide();
    m_status->clear();
    // Checked here as well as by the server, so an empty form needs no round trip.
    bool complete = true;
    if (m_name->text().trimmed().isEmpty()) {
        m_nameError->setText(Tr::tr("Enter the person's name."));
        m_nameError->show();
        complete = false;
    }
    if (!m_email->text().contains(QLatin1Char('@'))) {
        m_emailError->setText(Tr::tr("Enter an email address like name@example.com."));
        m_emailError->show();
        complete = false;
    }
    if (!complete)
        return;
    const shared::Role role = shared::roleFromName(m_role->currentData().toString()).value_or(shared::Role::Reader);
    m_buttons->setEnabled(false);
    m_status->setText(Tr::tr("Adding…"));
    m_admin.createUser(m_name->text(), m_email->text(), role, [this](const shared::Result<shared::User> &user) {
        m_buttons->setEnabled(true);
        if (!user) {
            showRefusal(user.error());
            return;
        }
        m_status->clear();
        Q_EMIT added(*user);
        accept();
    });
}

void AddUserDialog::showRefusal(const shared::Error &error)
{
    m_status->clear();
    if (error.is(shared::ErrorCode::EmailTaken)) {
        m_emailError->setText(Tr::tr("An account with this email address exists already."));
        m_emailError->show();
        return;
    }
    if (error.is(shared::ErrorCode::ValidationFailed)) {
        if (error.fields.contains(QStringLiteral("name"))) {
            m_nameError->setText(
                Tr::tr("Enter the person's name (at most %1 characters).").arg(shared::User::kMaxNameLength));
            m_nameError->show();
        }
        if (error.fields.contains(QStringLiteral("email"))) {
            m_emailError->setText(Tr::tr("Enter an email address like name@example.com."));
            m_emailError->show();
        }
        if (error.fields.contains(QStringLiteral("role")))
            m_status->setText(Tr::tr("Choose one of the roles in the list."));
        return;
    }
    m_status->setText(AdminView::errorText(error));
}

} // namespace quire::gui
