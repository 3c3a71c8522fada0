// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

namespace quire::test {

// One HTTP/1.1 answer as it came on the wire.
struct Answer
{
    QByteArray statusLine;
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qsizetype begin = 0; // where it starts in everything the connection received
    qsizetype headEnd = 0; // just after its blank line
    qsizetype end = 0; // just after its body

    QByteArray header(const QByteArray &name) const;
    qsizetype count(const QByteArray &name) const;
    QByteArray requestId() const { return header("X-Request-Id"); }
    // Readable in failure messages.
    QByteArray summary() const { return statusLine + " (" + QByteArray::number(body.size()) + " bytes of body)"; }
};

// The answer that starts at `at`, once all of it is there. A HEAD's answer
// (`bodiless`), a 304 and a 204 end with their head, whatever Content-Length says.
std::optional<Answer> parseAnswer(const QByteArray &wire, qsizetype at, bool bodiless);

// A GET of `target` as a client writes it; `headers` are whole lines.
inline QByteArray getRequest(const QByteArray &target, const QByteArray &headers = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
}

// Where a test connects: the server's port, and how it speaks.
struct Endpoint
{
    quint16 port = 0;
    bool tls = false;
    QString fingerprint; // of the server's certificate, when `tls`
    QHostAddress from; // the client's own address (127.0.0.x); null: any
};

// A connection to the server (TCP, or TLS over it), written to exactly as
// told and read answer by answer, for what a well-behaved client library
// would not do: pipelining, trickling, leaving, staying silent.
class RawConnection
{
public:
    // A failure guard only: every wait ends as soon as what it waits for came.
    static constexpr int kTimeoutMs = 10'000;

    explicit RawConnection(const Endpoint &endpoint);
    ~RawConnection();
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    // Connected, and over TLS encrypted.
    bool isConnected() const;
    QTcpSocket &socket() { return *m_socket; }
    // Everything received so far.
    const QByteArray &wire() const { return m_wire; }

    // Writes `bytes` and waits until the kernel took them.
    void send(const QByteArray &bytes);
    // Reads until `count` more answers are complete (fewer when the
    // connection closed or the guard ran out); `bodiless[i]` marks the
    // answer to a HEAD.
    QList<Answer> read(int count, const QList<bool> &bodiless = {}, int timeoutMs = kTimeoutMs);
    QList<Answer> exchange(const QByteArray &bytes, int count, const QList<bool> &bodiless = {});
    // True once the server closed the connection (reading what still came).
    bool waitClosed(int timeoutMs = kTimeoutMs);
    // Bytes received after the answers read so far.
    QByteArray unread() const { return m_wire.mid(m_next); }
    // For failure messages: what came, and how the socket stands.
    QByteArray describe() const;

private:
    // Takes in what arrives; false once the connection is closed and read.
    bool pump();

    std::unique_ptr<QTcpSocket> m_socket; // a QSslSocket over TLS
    QByteArray m_wire;
    qsizetype m_next = 0;
};

} // namespace quire::test

// A main() that runs every case of `TestClass` twice, over plain HTTP and
// then over TLS (its constructor takes `bool tls`), each against a server
// of its own.
#define QUIRE_TEST_MAIN_BOTH_TRANSPORTS(TestClass)                                                                     \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        QCoreApplication app(argc, argv);                                                                              \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        int failed = 0;                                                                                                \
        for (const bool tls : { false, true }) {                                                                       \
            TestClass test(tls);                                                                                       \
            failed += QTest::qExec(&test, argc, argv);                                                                 \
        }                                                                                                              \
        return std::min(failed, 127);                                                                                  \
    }
