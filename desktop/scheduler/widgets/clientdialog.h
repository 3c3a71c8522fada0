// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/scheduler/core/schedulerstore.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace quire::gui {

// The fields of one client: name, handle, the time zone its posts start
// in, notes. The caller saves what fields() answers.
class ClientDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ClientDialog(const desktop::ClientRecord &client, QWidget *parent = nullptr);

    nlohmann::json fields() const;

private:
    QLineEdit *m_name;
    QLineEdit *m_handle;
    QComboBox *m_zone;
    QPlainTextEdit *m_notes;
};

} // namespace quire::gui
