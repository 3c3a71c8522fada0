// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

namespace quire::server {

// The server's certificate chain and key: loaded from the files an operator
// names, or a self-signed pair generated once into the data directory.
// Refuses unreadable files and a key that does not belong to the certificate.
class TlsCredentials
{
public:
    static shared::Result<TlsCredentials> load(const QString &certFile, const QString &keyFile);

    // Loads DATA_DIR/tls/{cert,key}.pem, generating them first if missing.
    // `hosts` go into the certificate's subjectAltName (IPs or DNS names).
    static shared::Result<TlsCredentials> loadOrGenerate(const QString &dataDir, const QStringList &hosts);

    // Writes a new self-signed ECDSA P-256 pair, atomically, key mode 0600.
    static shared::VoidResult generate(const QString &certFile, const QString &keyFile, const QStringList &hosts);

    // TLS 1.2 or newer only.
    QSslConfiguration serverConfiguration() const;
    QString fingerprint() const;
    const QSslCertificate &certificate() const { return m_chain.first(); }

private:
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};

} // namespace quire::server
