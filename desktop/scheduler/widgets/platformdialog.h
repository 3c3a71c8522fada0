// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/scheduler/core/schedulerstore.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace quire::gui {

// The fields of one platform of a client: network, display name, account,
// address and the settings (a JSON object, checked before it is kept).
// The credential is not here: it is sent on its own (CredentialDialog).
class PlatformDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PlatformDialog(const desktop::PlatformRecord &platform, QWidget *parent = nullptr);

    nlohmann::json fields() const;

private:
    void check();

    QComboBox *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_handle;
    QLineEdit *m_address;
    QPlainTextEdit *m_settings;
    QLabel *m_problem;
};

} // namespace quire::gui
