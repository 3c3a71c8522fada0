// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/tlscredentials.h"

#include "shared/fingerprint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;

Error tlsError(const QString &message)
{
    return Error::make(shared::ErrorCode::TlsError, message);
}

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tlsError(QStringLiteral("cannot read TLS %1 %2: %3").arg(what, path, file.errorString()));
    return file.readAll();
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

// True when the private key in `keyPem` is the one the leaf certificate names.
bool keyMatchesCertificate(const QByteArray &certPem, const QByteArray &keyPem)
{
    BioPtr certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
    BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    X509Ptr cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    PkeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
}

VoidResult writeAtomically(const QString &path, const QByteArray &data, QFileDevice::Permissions perms)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tlsError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(perms);
    file.write(data);
    if (!file.commit())
        return tlsError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return VoidResult::success();
}

} // namespace

Result<TlsCredentials> TlsCredentials::load(const QString &certFile, const QString &keyFile)
{
    Result<QByteArray> certPem = readFile(certFile, QStringLiteral("certificate"));
    if (!certPem)
        return certPem.error();
    Result<QByteArray> keyPem = readFile(keyFile, QStringLiteral("key"));
    if (!keyPem)
        return keyPem.error();
    TlsCredentials c;
    c.m_chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (c.m_chain.isEmpty() || c.m_chain.first().isNull())
        return tlsError(QStringLiteral("%1 holds no PEM certificate").arg(certFile));
    for (QSsl::KeyAlgorithm algorithm : { QSsl::Ec, QSsl::Rsa }) {
        c.m_key = QSslKey(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!c.m_key.isNull())
            break;
    }
    if (c.m_key.isNull())
        return tlsError(QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyFile));
    if (!keyMatchesCertificate(*certPem, *keyPem))
        return tlsError(QStringLiteral("the key %1 does not belong to the certificate %2").arg(keyFile, certFile));
    return c;
}

Result<TlsCredentials> TlsCredentials::loadOrGenerate(const QString &dataDir, const QStringList &hosts)
{
    const QDir dir(dataDir);
    const QString certFile = dir.filePath(QStringLiteral("tls/cert.pem"));
    const QString keyFile = dir.filePath(QStringLiteral("tls/key.pem"));
    const bool haveCert = QFileInfo::exists(certFile);
    const bool haveKey = QFileInfo::exists(keyFile);
    if (haveCert != haveKey) {
        return tlsError(QStringLiteral("found only one of %1 and %2; remove it to have a new pair generated")
                            .arg(certFile, keyFile));
    }
    if (!haveCert) {
        if (!dir.mkpath(QStringLiteral("tls")))
            return tlsError(QStringLiteral("cannot create %1").arg(dir.filePath(QStringLiteral("tls"))));
        if (VoidResult r = generate(certFile, keyFile, hosts); !r)
            return r.error();
    }
    return load(certFile, keyFile);
}

VoidResult TlsCredentials::generate(const QString &certFile, const QString &keyFile, const QStringList &hosts)
{
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return tlsError(QStringLiteral("cannot generate an EC key"));
    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // positive
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = hosts.isEmpty() ? QByteArrayLiteral("localhost") : hosts.first().toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Quire (self-signed)"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1,
                               -1, 0);
    X509_set_issuer_name(cert.get(), name);

    QStringList sans;
    for (const QString &h : hosts)
        sans << (QHostAddress(h).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + h;
    const std::pair<int, QByteArray> extensions[] = {
        { NID_basic_constraints, QByteArrayLiteral("critical,CA:FALSE") },
        { NID_key_usage, QByteArrayLiteral("critical,digitalSignature") },
        { NID_ext_key_usage, QByteArrayLiteral("serverAuth") },
        { NID_subject_alt_name, sans.join(QLatin1Char(',')).toUtf8() },
    };
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto &[nid, value] : extensions) {
        if (value.isEmpty())
            continue;
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
        if (!ext)
            return tlsError(QStringLiteral("cannot build certificate extension %1").arg(QString::fromUtf8(value)));
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        return tlsError(QStringLiteral("cannot sign the certificate"));

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return tlsError(QStringLiteral("cannot encode the certificate"));
    // The key first: a certificate without its key would be refused at next start.
    if (VoidResult r
        = writeAtomically(keyFile, bioBytes(keyBio.get()), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        !r)
        return r;
    return writeAtomically(certFile, bioBytes(certBio.get()),
                           QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                               | QFileDevice::ReadOther);
}

QSslConfiguration TlsCredentials::serverConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(m_chain);
    config.setPrivateKey(m_key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

QString TlsCredentials::fingerprint() const
{
    return shared::Fingerprint::ofCertificate(m_chain.first());
}

} // namespace quire::server
