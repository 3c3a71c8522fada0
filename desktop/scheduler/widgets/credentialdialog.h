// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/schedulernames.h"

#include <QDialog>
#include <QList>

#include <utility>

class QLineEdit;

namespace quire::gui {

// Asks for a platform's secret, the parts its network takes, in password
// fields; the caller sends it once and the dialog forgets it.
class CredentialDialog final : public QDialog
{
    Q_OBJECT
public:
    CredentialDialog(shared::PlatformKind kind, const QString &platformName, QWidget *parent = nullptr);
    ~CredentialDialog() override;

    // (name, value) of each part.
    QList<std::pair<QString, QString>> secret() const;

private:
    QList<std::pair<QString, QLineEdit *>> m_fields;
};

} // namespace quire::gui
