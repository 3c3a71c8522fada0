// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/widgets/platformdialog.h"

#include "desktop/scheduler/core/schedulerlabels.h"
#include "desktop/widgets/tr.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace quire::gui {

PlatformDialog::PlatformDialog(const desktop::PlatformRecord &platform, QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_name(new QLineEdit(platform.displayName, this))
    , m_handle(new QLineEdit(platform.accountHandle, this))
    , m_address(new QLineEdit(platform.baseUrl, this))
    , m_settings(new QPlainTextEdit(QString::fromStdString(platform.settings.dump(2)), this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("platformDialog"));
    setWindowTitle(platform.id.isEmpty() ? Tr::tr("New Platform") : Tr::tr("Edit Platform"));
    m_kind->setObjectName(QStringLiteral("platformKind"));
    m_name->setObjectName(QStringLiteral("platformName"));
    m_handle->setObjectName(QStringLiteral("platformHandle"));
    m_address->setObjectName(QStringLiteral("platformAddress"));
    m_settings->setObjectName(QStringLiteral("platformSettings"));
    m_problem->setObjectName(QStringLiteral("platformProblem"));
    for (const QString &name : shared::kPlatformKinds.names())
        m_kind->addItem(desktop::SchedulerLabels::platformKind(*shared::kPlatformKinds.fromName(name)), name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(shared::kPlatformKinds.name(platform.kind))));
    // The network is where the platform posts: it stays what it was made as.
    m_kind->setEnabled(platform.id.isEmpty());
    m_name->setPlaceholderText(Tr::tr("How you call it, e.g. Mastodon (work)"));
    m_handle->setPlaceholderText(Tr::tr("@name@instance, name.bsky.social"));
    m_address->setPlaceholderText(Tr::tr("https://mastodon.social, https://bsky.social, or the webhook's address"));
    // Wide enough for the example addresses, in every language.
    m_address->setMinimumWidth(m_address->fontMetrics().horizontalAdvance(m_address->placeholderText())
                               + 4 * m_address->fontMetrics().averageCharWidth());
    m_settings->setTabChangesFocus(true);
    m_settings->setToolTip(Tr::tr("A JSON object; a webhook may name its receiver's max_length."));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::BrightText);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&Network:"), m_kind);
    form->addRow(Tr::tr("&Display name:"), m_name);
    form->addRow(Tr::tr("&Account:"), m_handle);
    form->addRow(Tr::tr("Add&ress:"), m_address);
    form->addRow(Tr::tr("&Settings:"), m_settings);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("platformOk"));
    for (QLineEdit *edit : { m_name, m_address })
        connect(edit, &QLineEdit::textChanged, this, &PlatformDialog::check);
    connect(m_settings, &QPlainTextEdit::textChanged, this, &PlatformDialog::check);
    check();
}

void PlatformDialog::check()
{
    QString problem;
    const nlohmann::json settings = nlohmann::json::parse(m_settings->toPlainText().toStdString(), nullptr, false);
    const QUrl address(m_address->text().trimmed(), QUrl::StrictMode);
    if (m_name->text().trimmed().isEmpty())
        problem = Tr::tr("Give the platform a name.");
    else if (!m_address->text().trimmed().isEmpty()
             && (!address.isValid() || address.host().isEmpty()
                 || (address.scheme() != QLatin1String("https") && address.scheme() != QLatin1String("http"))))
        problem = Tr::tr("Use an https:// address.");
    else if (!m_settings->toPlainText().trimmed().isEmpty() && !settings.is_object())
        problem = Tr::tr("The settings are a JSON object, like {\"max_length\": 1000}.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (auto *buttons = findChild<QDialogButtonBox *>())
        buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

nlohmann::json PlatformDialog::fields() const
{
    const QString settings = m_settings->toPlainText().trimmed();
    const nlohmann::json parsed = nlohmann::json::parse(settings.toStdString(), nullptr, false);
    return { { "kind", m_kind->currentData().toString().toStdString() },
             { "display_name", m_name->text().trimmed().toStdString() },
             { "account_handle", m_handle->text().trimmed().toStdString() },
             { "base_url", m_address->text().trimmed().toStdString() },
             { "settings", parsed.is_object() ? parsed.dump() : std::string("{}") } };
}

} // namespace quire::gui
