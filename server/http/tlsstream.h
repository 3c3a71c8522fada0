// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>

#include <memory>

class QSslConfiguration;
typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace quire::server {

// One server-side TLS connection over a non-blocking socket, on OpenSSL
// directly: the front door's TLS, with nothing between the socket and the
// cipher but OpenSSL's own record buffer.
class TlsStream
{
public:
    enum class Status {
        Ok, // done (handshake), or everything written, or `limit` bytes read
        WouldBlock, // wait for the socket; any of its edges may move it on
        Closed, // the peer closed the connection
        Failed,
    };

    // A context with the certificate chain, key and protocols of `config`.
    using Context = std::shared_ptr<SSL_CTX>;
    static shared::Result<Context> context(const QSslConfiguration &config);

    TlsStream(const Context &context, int fd);
    ~TlsStream();
    TlsStream(const TlsStream &) = delete;
    TlsStream &operator=(const TlsStream &) = delete;

    Status handshake();
    // Appends what can be read, until the socket has no more or `into`
    // holds `limit` bytes.
    Status read(QByteArray &into, qsizetype limit);
    // Writes from the front of `pending`, removing what was written.
    Status write(QByteArray &pending);
    // Sends close_notify, without waiting for the peer's.
    void shutdown();

private:
    Status status(int result);

    Context m_context; // outlives m_ssl
    SSL *m_ssl = nullptr;
};

} // namespace quire::server
