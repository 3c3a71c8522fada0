// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QSpinBox;

namespace quire::gui {

// Asks how many rows and columns a new table gets. The first row is the
// header row, which a Markdown table always has.
class TableDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit TableDialog(QWidget *parent = nullptr);

    int rows() const;
    int columns() const;

private:
    QSpinBox *m_rows;
    QSpinBox *m_columns;
};

} // namespace quire::gui
