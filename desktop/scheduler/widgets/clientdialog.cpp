// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/widgets/clientdialog.h"

#include "desktop/scheduler/widgets/postcomposer.h"
#include "desktop/widgets/tr.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::gui {

ClientDialog::ClientDialog(const desktop::ClientRecord &client, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(client.name, this))
    , m_handle(new QLineEdit(client.handle, this))
    , m_zone(PostComposer::makeZoneBox(this))
    , m_notes(new QPlainTextEdit(client.notes, this))
{
    setObjectName(QStringLiteral("clientDialog"));
    setWindowTitle(client.id.isEmpty() ? Tr::tr("New Client") : Tr::tr("Edit Client"));
    m_name->setObjectName(QStringLiteral("clientName"));
    m_handle->setObjectName(QStringLiteral("clientHandle"));
    m_zone->setObjectName(QStringLiteral("clientZone"));
    m_notes->setObjectName(QStringLiteral("clientNotes"));
    m_name->setPlaceholderText(Tr::tr("Who you post for"));
    m_handle->setPlaceholderText(Tr::tr("@name, optional"));
    m_zone->setCurrentText(client.timeZone.isEmpty() ? PostComposer::localZone() : client.timeZone);
    m_notes->setTabChangesFocus(true);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&Name:"), m_name);
    form->addRow(Tr::tr("&Handle:"), m_handle);
    form->addRow(Tr::tr("&Time zone:"), m_zone);
    form->addRow(Tr::tr("N&otes:"), m_notes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!client.name.isEmpty());
    connect(m_name, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

nlohmann::json ClientDialog::fields() const
{
    return { { "name", m_name->text().trimmed().toStdString() },
             { "handle", m_handle->text().trimmed().toStdString() },
             { "time_zone", m_zone->currentText().trimmed().toStdString() },
             { "notes", m_notes->toPlainText().toStdString() } };
}

} // namespace quire::gui
