// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace quire::desktop {
class ServerProbe;
class Workspace;
struct ProbeResult;
} // namespace quire::desktop

namespace quire::gui {

// Asks for the server address and checks it. A certificate no CA vouches
// for is shown with its SHA-256 fingerprint; only when the user accepts it
// is it pinned (trust on first use). A pinned certificate that changed is
// refused with a warning instead of a silent re-trust.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(desktop::Workspace &workspace, QWidget *parent = nullptr);

private:
    void connectToServer();
    void trustCertificate();
    void probe(const QString &pin);
    void onProbeFinished(const desktop::ProbeResult &result);
    void setBusy(bool busy);

    desktop::Workspace &m_workspace;
    desktop::ServerProbe *m_probe;
    QLineEdit *m_url;
    QPushButton *m_connect;
    QLabel *m_status;
    QWidget *m_trustBox;
    QLabel *m_fingerprint;
    QPushButton *m_trust;
    QUrl m_probedUrl;
    QString m_offeredFingerprint;
};

} // namespace quire::gui
