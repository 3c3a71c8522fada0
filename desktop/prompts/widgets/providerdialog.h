// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace quire::desktop {

class PromptRunner;

// "Provider…": the profile's own OpenAI-compatible provider for Run (base
// URL, model, key). Saving checks the URL (https, or http to loopback) and
// keeps the key in the credential store; Remove goes back to the server's
// provider, if it has one.
class ProviderDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ProviderDialog(PromptRunner &runner, QWidget *parent = nullptr);

private:
    void save();
    void removeProvider();

    PromptRunner &m_runner;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_model = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_remove = nullptr;
    bool m_hadKey = false;
};

} // namespace quire::desktop
