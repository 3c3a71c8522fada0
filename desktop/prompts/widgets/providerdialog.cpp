// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/providerdialog.h"

#include "desktop/prompts/core/promptrunner.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::desktop {

ProviderDialog::ProviderDialog(PromptRunner &runner, QWidget *parent)
    : QDialog(parent)
    , m_runner(runner)
{
    setWindowTitle(tr("Provider"));
    const shared::ChatProviderSettings current = runner.ownProvider();
    m_hadKey = !current.key.isEmpty();

    auto *intro = new QLabel(tr("Run sends a rendered prompt to an OpenAI-compatible chat-completions API. Without a "
                                "provider of your own, Run uses the server's, if it has one."),
                             this);
    intro->setWordWrap(true);
    m_url = new QLineEdit(current.baseUrl.toString(), this);
    m_url->setObjectName(QStringLiteral("providerUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://api.openai.com/v1"));
    m_model = new QLineEdit(current.model, this);
    m_model->setObjectName(QStringLiteral("providerModel"));
    m_model->setPlaceholderText(QStringLiteral("gpt-4o-mini"));
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("providerKey"));
    m_key->setEchoMode(QLineEdit::Password);
    // The kept key is never shown; an empty field keeps it.
    m_key->setPlaceholderText(m_hadKey ? tr("Kept; type to replace") : tr("API key"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("providerError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Base URL:"), m_url);
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Key:"), m_key);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_remove = buttons->addButton(tr("Remove Provider"), QDialogButtonBox::DestructiveRole);
    m_remove->setObjectName(QStringLiteral("removeProvider"));
    m_remove->setEnabled(current.isConfigured());
    connect(buttons, &QDialogButtonBox::accepted, this, &ProviderDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remove, &QPushButton::clicked, this, &ProviderDialog::removeProvider);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void ProviderDialog::save()
{
    QString key = m_key->text().trimmed();
    if (key.isEmpty() && m_hadKey)
        key = m_runner.ownProvider().key;
    const shared::VoidResult saved
        = m_runner.setOwnProvider(QUrl(m_url->text().trimmed(), QUrl::StrictMode), m_model->text(), key);
    if (!saved) {
        const QMap<QString, QString> &fields = saved.error().fields;
        QStringList lines;
        if (fields.contains(QStringLiteral("url")))
            lines << tr("Base URL: %1").arg(fields.value(QStringLiteral("url")));
        if (fields.contains(QStringLiteral("model")))
            lines << fields.value(QStringLiteral("model"));
        if (lines.isEmpty())
            lines << saved.error().message;
        m_error->setText(lines.join(QLatin1Char('\n')));
        m_error->setVisible(true);
        return;
    }
    accept();
}

void ProviderDialog::removeProvider()
{
    if (const shared::VoidResult removed = m_runner.clearOwnProvider(); !removed) {
        m_error->setText(removed.error().message);
        m_error->setVisible(true);
        return;
    }
    accept();
}

} // namespace quire::desktop
