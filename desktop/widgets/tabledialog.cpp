// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/tabledialog.h"

#include "desktop/widgets/tr.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace quire::gui {

TableDialog::TableDialog(QWidget *parent)
    : QDialog(parent)
    , m_rows(new QSpinBox(this))
    , m_columns(new QSpinBox(this))
{
    setObjectName(QStringLiteral("tableDialog"));
    setWindowTitle(Tr::tr("Insert Table"));
    m_rows->setObjectName(QStringLiteral("tableRowsBox"));
    m_columns->setObjectName(QStringLiteral("tableColumnsBox"));
    m_rows->setRange(1, 100);
    m_rows->setValue(3);
    m_rows->setToolTip(Tr::tr("Including the header row"));
    m_columns->setRange(1, 20);
    m_columns->setValue(3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(Tr::tr("&Rows (with the header):"), m_rows);
    form->addRow(Tr::tr("&Columns:"), m_columns);
    form->addRow(buttons);
}

int TableDialog::rows() const
{
    return m_rows->value();
}

int TableDialog::columns() const
{
    return m_columns->value();
}

} // namespace quire::gui
