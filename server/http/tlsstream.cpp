// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/tlsstream.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <array>

namespace quire::server {
namespace {

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioDeleter>;

// A read-only BIO over `pem`, which it does not copy: `pem` must outlive it.
Bio memoryBio(const QByteArray &pem)
{
    return Bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
}
// A temporary would be freed while the BIO still reads it.
Bio memoryBio(QByteArray &&pem) = delete;

shared::Error tlsError(const QString &what)
{
    std::array<char, 256> text {};
    ERR_error_string_n(ERR_get_error(), text.data(), text.size());
    ERR_clear_error();
    return shared::Error::make(shared::ErrorCode::TlsSetupFailed,
                               QStringLiteral("%1: %2").arg(what, QString::fromLatin1(text.data())));
}

} // namespace

shared::Result<TlsStream::Context> TlsStream::context(const QSslConfiguration &config)
{
    Context context(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
    if (!context)
        return tlsError(QStringLiteral("cannot make a TLS context"));
    SSL_CTX *ctx = context.get();
    // As QSsl::TlsV1_2OrLater, which the Qt configuration asks for.
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    // Partial writes and a buffer that moves (a QByteArray after remove())
    // are how write() uses SSL_write; released buffers keep idle
    // connections small.
    SSL_CTX_set_mode(ctx,
                     SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);

    const QList<QSslCertificate> chain = config.localCertificateChain();
    if (chain.isEmpty())
        return shared::Error::make(shared::ErrorCode::TlsSetupFailed, QStringLiteral("no certificate"));
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const QByteArray pem = chain[i].toPem();
        Bio bio = memoryBio(pem);
        X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!certificate)
            return tlsError(QStringLiteral("cannot read the certificate"));
        // The first is ours; SSL_CTX_add0_chain_cert takes the others over.
        const int ok = i == 0 ? SSL_CTX_use_certificate(ctx, certificate) : SSL_CTX_add0_chain_cert(ctx, certificate);
        if (i == 0)
            X509_free(certificate);
        if (ok != 1)
            return tlsError(QStringLiteral("cannot use the certificate"));
    }
    const QByteArray keyPem = config.privateKey().toPem();
    Bio keyBio = memoryBio(keyPem);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr);
    if (!key)
        return tlsError(QStringLiteral("cannot read the private key"));
    const int keyOk = SSL_CTX_use_PrivateKey(ctx, key);
    EVP_PKEY_free(key);
    if (keyOk != 1 || SSL_CTX_check_private_key(ctx) != 1)
        return tlsError(QStringLiteral("the private key does not match the certificate"));
    return context;
}

TlsStream::TlsStream(const Context &context, int fd)
    : m_context(context)
    , m_ssl(SSL_new(context.get()))
{
    SSL_set_fd(m_ssl, fd);
    SSL_set_accept_state(m_ssl);
}

TlsStream::~TlsStream()
{
    SSL_free(m_ssl);
}

TlsStream::Status TlsStream::status(int result)
{
    const int error = SSL_get_error(m_ssl, result);
    // OpenSSL's queue is per thread; leave nothing behind for the next call.
    ERR_clear_error();
    switch (error) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        return Status::WouldBlock;
    case SSL_ERROR_ZERO_RETURN:
        return Status::Closed;
    case SSL_ERROR_SYSCALL:
        // EOF without close_notify: most clients just hang up.
        return errno == 0 || errno == ECONNRESET || errno == EPIPE ? Status::Closed : Status::Failed;
    default:
        return Status::Failed;
    }
}

TlsStream::Status TlsStream::handshake()
{
    // SSL_get_error() reads this thread's error queue, which other users of
    // OpenSSL on the thread may have left entries in.
    ERR_clear_error();
    errno = 0;
    const int result = SSL_do_handshake(m_ssl);
    return result == 1 ? Status::Ok : status(result);
}

TlsStream::Status TlsStream::read(QByteArray &into, qsizetype limit)
{
    std::array<char, 16384> buffer;
    while (into.size() < limit) {
        ERR_clear_error();
        errno = 0;
        std::size_t got = 0;
        const int result = SSL_read_ex(m_ssl, buffer.data(),
                                       std::min<std::size_t>(buffer.size(), std::size_t(limit - into.size())), &got);
        if (result != 1)
            return status(result);
        into.append(buffer.data(), qsizetype(got));
    }
    return Status::Ok;
}

TlsStream::Status TlsStream::write(QByteArray &pending)
{
    while (!pending.isEmpty()) {
        ERR_clear_error();
        errno = 0;
        std::size_t written = 0;
        const int result = SSL_write_ex(m_ssl, pending.constData(), std::size_t(pending.size()), &written);
        if (result != 1)
            return status(result);
        pending.remove(0, qsizetype(written));
    }
    return Status::Ok;
}

void TlsStream::shutdown()
{
    SSL_shutdown(m_ssl);
    ERR_clear_error();
}

} // namespace quire::server
