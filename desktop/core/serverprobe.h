// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

namespace quire::desktop {

class ApiClient;

// What connecting to a server found out.
struct ProbeResult
{
    enum class Outcome {
        Ok, // a compatible Quire server, certificate trusted
        Untrusted, // self-signed and not pinned yet: ask the user
        CertificateChanged, // pinned, but the server shows another certificate
        Incompatible, // a Quire server that cannot talk to this version
        NotQuire, // something answered, but not a Quire server
        Unreachable,
    };
    Outcome outcome = Outcome::Unreachable;
    QUrl url;
    QString fingerprint; // the certificate's SHA-256, when TLS got that far
    QString message; // translated, for the user
    QString serverVersion;
    QString epoch;
};

// Checks a server before Quire uses it: TLS trust, that it is Quire
// (GET /health) and that it speaks our schema (POST /api/v1/handshake).
class ServerProbe final : public QObject
{
    Q_OBJECT
public:
    explicit ServerProbe(QObject *parent = nullptr);

    void start(const QUrl &url, const QString &pinnedFingerprint, const QString &clientId);

Q_SIGNALS:
    void finished(const quire::desktop::ProbeResult &result);

private:
    void handshake(ProbeResult result, const QString &clientId);

    ApiClient *m_client;
};

} // namespace quire::desktop
