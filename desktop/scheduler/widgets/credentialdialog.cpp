// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/widgets/credentialdialog.h"

#include "desktop/scheduler/core/schedulerlabels.h"
#include "desktop/widgets/tr.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace quire::gui {

CredentialDialog::CredentialDialog(shared::PlatformKind kind, const QString &platformName, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("credentialDialog"));
    setWindowTitle(Tr::tr("Set Credential"));
    auto *intro = new QLabel(Tr::tr("The credential for %1 goes to the server once, encrypted on the way, and is "
                                    "kept only there, encrypted. This computer does not keep it.")
                                 .arg(platformName),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(Tr::tr("Send"));
    ok->setEnabled(false);
    for (const auto &[name, label] : desktop::SchedulerLabels::credentialFields(kind)) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("secret_") + name);
        // A handle is not secret; everything else is typed unseen.
        if (name != QLatin1String("identifier"))
            edit->setEchoMode(QLineEdit::Password);
        form->addRow(label + QLatin1Char(':'), edit);
        m_fields.append({ name, edit });
        connect(edit, &QLineEdit::textChanged, this, [this, ok] {
            ok->setEnabled(std::all_of(m_fields.cbegin(), m_fields.cend(),
                                       [](const auto &field) { return !field.second->text().isEmpty(); }));
        });
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

CredentialDialog::~CredentialDialog()
{
    for (const auto &field : m_fields)
        field.second->clear();
}

QList<std::pair<QString, QString>> CredentialDialog::secret() const
{
    QList<std::pair<QString, QString>> parts;
    for (const auto &[name, edit] : m_fields)
        parts.append({ name, edit->text() });
    return parts;
}

} // namespace quire::gui
