// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/profiledialog.h"

#include "desktop/accounts/widgets/signindialog.h"
#include "desktop/core/authsession.h"
#include "desktop/widgets/tr.h"
#include "shared/jsonqt.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::gui {

ProfileDialog::ProfileDialog(desktop::AuthSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_name(new QLineEdit(this))
    , m_avatar(new QLineEdit(this))
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_notifications(new QCheckBox(Tr::tr("Send me mail about my content"), this))
    , m_current(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(Tr::tr("Your Profile"));
    setMinimumWidth(480);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_avatar->setObjectName(QStringLiteral("profileAvatar"));
    m_avatar->setPlaceholderText(QStringLiteral("https://…"));
    m_theme->setObjectName(QStringLiteral("profileTheme"));
    m_theme->addItem(Tr::tr("Like the system"), QStringLiteral("system"));
    m_theme->addItem(Tr::tr("Light"), QStringLiteral("light"));
    m_theme->addItem(Tr::tr("Dark"), QStringLiteral("dark"));
    m_language->setObjectName(QStringLiteral("profileLanguage"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_notifications->setObjectName(QStringLiteral("profileNotifications"));
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_current->setEchoMode(QLineEdit::Password);
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_new->setEchoMode(QLineEdit::Password);
    m_status->setObjectName(QStringLiteral("profileStatus"));
    m_status->setWordWrap(true);

    auto *profile = new QGroupBox(Tr::tr("Profile"), this);
    auto *form = new QFormLayout(profile);
    form->addRow(Tr::tr("&Name:"), m_name);
    form->addRow(Tr::tr("&Avatar address:"), m_avatar);
    form->addRow(Tr::tr("&Theme:"), m_theme);
    form->addRow(Tr::tr("&Language:"), m_language);
    form->addRow(QString(), m_notifications);
    auto *save = new QPushButton(Tr::tr("&Save Profile"), profile);
    save->setObjectName(QStringLiteral("saveProfileButton"));
    form->addRow(QString(), save);

    auto *password = new QGroupBox(Tr::tr("Password"), this);
    auto *pform = new QFormLayout(password);
    pform->addRow(Tr::tr("C&urrent password:"), m_current);
    pform->addRow(Tr::tr("Ne&w password:"), m_new);
    auto *change = new QPushButton(Tr::tr("&Change Password"), password);
    change->setObjectName(QStringLiteral("changePasswordButton"));
    pform->addRow(QString(), change);
    pform->addRow(QString(), new QLabel(Tr::tr("Changing it signs out your other devices."), password));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(profile);
    layout->addWidget(password);
    layout->addWidget(m_status);
    connect(save, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(change, &QPushButton::clicked, this, &ProfileDialog::changePassword);
    load();
}

void ProfileDialog::load()
{
    m_session.call(
        QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"), std::nullopt,
        [this, alive = QPointer<ProfileDialog>(this)](const desktop::ApiReply &reply) {
            if (!alive)
                return; // closed before the server answered
            if (!reply.ok()) {
                m_status->setText(SignInDialog::messageFor(reply));
                return;
            }
            const nlohmann::json &me = reply.json;
            m_name->setText(QString::fromStdString(me.value("name", std::string())));
            m_avatar->setText(me.contains("avatar_url") && me["avatar_url"].is_string()
                                  ? QString::fromStdString(me["avatar_url"].get<std::string>())
                                  : QString());
            const nlohmann::json prefs = me.value("preferences", nlohmann::json::object());
            m_theme->setCurrentIndex(
                std::max(0, m_theme->findData(QString::fromStdString(prefs.value("theme", std::string("system"))))));
            m_language->setCurrentIndex(
                std::max(0, m_language->findData(QString::fromStdString(prefs.value("language", std::string("en"))))));
            m_notifications->setChecked(prefs.value("notifications", true));
        });
}

void ProfileDialog::save()
{
    nlohmann::json body { { "name", m_name->text().trimmed() },
                          { "avatar_url",
                            m_avatar->text().trimmed().isEmpty() ? nlohmann::json()
                                                                 : nlohmann::json(m_avatar->text().trimmed()) },
                          { "preferences",
                            { { "theme", m_theme->currentData().toString() },
                              { "language", m_language->currentData().toString() },
                              { "notifications", m_notifications->isChecked() } } } };
    m_session.call(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me"), body,
                   [this, alive = QPointer<ProfileDialog>(this)](const desktop::ApiReply &reply) {
                       if (!alive)
                           return; // closed before the server answered
                       if (!reply.ok()) {
                           if (reply.error && reply.error->fields.contains(QStringLiteral("avatar_url")))
                               m_status->setText(Tr::tr("The avatar address must start with https://."));
                           else
                               m_status->setText(SignInDialog::messageFor(reply));
                           return;
                       }
                       m_status->setText(Tr::tr("Profile saved."));
                   });
}

void ProfileDialog::changePassword()
{
    m_session.call(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me/password"),
                   nlohmann::json { { "current_password", m_current->text() }, { "new_password", m_new->text() } },
                   [this, alive = QPointer<ProfileDialog>(this)](const desktop::ApiReply &reply) {
                       if (!alive)
                           return; // closed before the server answered
                       if (reply.ok()) {
                           m_current->clear();
                           m_new->clear();
                           m_status->setText(Tr::tr("Password changed. Your other devices were signed out."));
                       } else if (reply.error && reply.error->fields.contains(QStringLiteral("current_password"))) {
                           m_status->setText(Tr::tr("The current password is not right."));
                       } else {
                           m_status->setText(SignInDialog::messageFor(reply));
                       }
                   });
}

} // namespace quire::gui
