// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/workspace.h"
#include "tests/support/serverprocess.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::desktop;
using quire::test::ServerProcess;

namespace {
ApiReply call(ApiClient &client, const QString &path)
{
    ApiReply result;
    bool done = false;
    client.get(path, [&](const ApiReply &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        qFatal("no reply");
    return result;
}

// A TLS peer that starts a 200 answer with the given framing, sends part of
// the body and hangs up: a server killed mid-answer, as the client sees it.
class CutOffPeer : public QTcpServer
{
public:
    CutOffPeer(const QString &tlsDir, QByteArray head, QByteArray part)
        : m_head(std::move(head))
        , m_part(std::move(part))
    {
        QFile cert(tlsDir + QStringLiteral("/cert.pem"));
        QFile key(tlsDir + QStringLiteral("/key.pem"));
        if (cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly)) {
            m_certificate = QSslCertificate(cert.readAll());
            m_key = QSslKey(key.readAll(), QSsl::Ec);
            if (m_key.isNull()) {
                key.seek(0);
                m_key = QSslKey(key.readAll(), QSsl::Rsa);
            }
        }
        listen(QHostAddress::LocalHost);
    }
    bool ready() const { return isListening() && !m_certificate.isNull() && !m_key.isNull(); }
    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(serverPort())); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        QObject::connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            m_request += socket->readAll();
            if (!m_request.contains("\r\n\r\n") || m_answered)
                return;
            m_answered = true;
            socket->write(m_head + m_part);
            socket->flush();
            socket->disconnectFromHost();
        });
        socket->startServerEncryption();
    }

private:
    QByteArray m_head;
    QByteArray m_part;
    QByteArray m_request;
    bool m_answered = false;
    QSslCertificate m_certificate;
    QSslKey m_key;
};
} // namespace

// HTTPS with pinned certificates against the real server.
class TestApiClient : public QObject
{
    Q_OBJECT
private:
    ServerProcess m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }

    void parseServerUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("full") << QStringLiteral("https://quire.example.org:8443")
                              << QStringLiteral("https://quire.example.org:8443");
        QTest::newRow("no scheme") << QStringLiteral("quire.example.org:8443")
                                   << QStringLiteral("https://quire.example.org:8443");
        QTest::newRow("spaces and path") << QStringLiteral("  https://quire.example.org/some/page?x=1 ")
                                         << QStringLiteral("https://quire.example.org");
        QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8080")
                                       << QStringLiteral("http://127.0.0.1:8080");
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080")
                                        << QStringLiteral("http://localhost:8080");
        QTest::newRow("http remote") << QStringLiteral("http://quire.example.org") << QString();
        QTest::newRow("ftp") << QStringLiteral("ftp://quire.example.org") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("junk") << QStringLiteral("https://") << QString();
    }

    void parseServerUrl()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto url = ApiClient::parseServerUrl(input);
        if (expected.isEmpty()) {
            QVERIFY(!url.ok());
            QVERIFY(!url.error().message.isEmpty());
        } else {
            QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
            QCOMPARE(url->toString(), expected);
        }
    }

    void unknownCertificateIsReportedNotTrusted()
    {
        ApiClient client;
        client.setServer(m_server.url(), QString());
        const ApiReply r = call(client, QStringLiteral("/health"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->code, QStringLiteral("certificate_untrusted"));
        QCOMPARE(r.offeredFingerprint, m_server.fingerprint());
        QCOMPARE(r.error->fields.value(QStringLiteral("fingerprint")), m_server.fingerprint());
        QCOMPARE(r.status, 0); // nothing was exchanged
    }

    void pinnedCertificateIsTrusted()
    {
        ApiClient client;
        client.setServer(m_server.url(), m_server.fingerprint());
        const ApiReply r = call(client, QStringLiteral("/health"));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error->message));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json["status"] == "ok");
    }

    void otherCertificateIsRefused()
    {
        ApiClient client;
        const QString wrongPin = QStringLiteral(
            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
        client.setServer(m_server.url(), wrongPin);
        const ApiReply r = call(client, QStringLiteral("/health"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->code, QStringLiteral("certificate_changed"));
        QCOMPARE(r.error->fields.value(QStringLiteral("pinned")), wrongPin);
        QCOMPARE(r.offeredFingerprint, m_server.fingerprint());
    }

    void serverErrorsComeBackAsTheirEnvelope()
    {
        ApiClient client;
        client.setServer(m_server.url(), m_server.fingerprint());
        const ApiReply r = call(client, QStringLiteral("/no/such/thing"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.error->code, QStringLiteral("not_found"));
    }

    // Qt reports HTTP 400 as ProtocolInvalidOperationError and 407 as a
    // proxy error; neither is a cut-off answer, so the server's own words
    // must come through (a sign-in dialog showed nothing when they did not).
    void aBadRequestComesBackAsItsEnvelope()
    {
        ApiClient client;
        client.setServer(m_server.url(), m_server.fingerprint());
        ApiReply r;
        bool done = false;
        client.postJson(QStringLiteral("/api/v1/auth/login"), nlohmann::json::object(), [&](const ApiReply &reply) {
            r = reply;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(r.status, 400);
        QVERIFY(r.error);
        QVERIFY2(r.error->code != QStringLiteral("unreachable"), qPrintable(r.error->code));
        QVERIFY(!r.error->message.isEmpty());
    }

    void unreachable()
    {
        ApiClient client;
        client.setServer(QUrl(QStringLiteral("https://127.0.0.1:1")), QString());
        const ApiReply r = call(client, QStringLiteral("/health"));
        QCOMPARE(r.status, 0);
        QCOMPARE(r.error->code, QStringLiteral("unreachable"));
    }

    void anAnswerCutOffMidBodyIsNoAnswer_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("part");
        QTest::newRow("content-length") << QByteArrayLiteral(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                                        << QByteArrayLiteral("{\"rows\":[{\"title\":\"half a ro");
        QTest::newRow("chunked") << QByteArrayLiteral(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << QByteArrayLiteral("400\r\n{\"rows\":[{\"title\":\"half a ro");
    }

    // A server that goes away mid-answer (killed, or the network dropped)
    // leaves a body that is not whole. The client must say "unreachable",
    // which sync treats as offline and retries, never "the answer could
    // not be read", which it treats as the server's fault and gives up on.
    void anAnswerCutOffMidBodyIsNoAnswer()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, part);
        CutOffPeer peer(m_server.dataDir() + QStringLiteral("/tls"), head, part);
        QVERIFY(peer.ready());
        ApiClient client;
        client.setServer(peer.url(), m_server.fingerprint());
        const ApiReply r = call(client, QStringLiteral("/api/v1/sync/pull"));
        QCOMPARE(r.status, 0);
        QVERIFY(r.error);
        QCOMPARE(r.error->code, QStringLiteral("unreachable"));
    }

    // The session answers at once when it has no refresh token, but never
    // before the call returns: a caller that then waits in an event loop
    // would wait for ever (quire-cli sync hung so on a profile without a
    // session).
    void signedOutAnswersComeThroughTheEventLoop()
    {
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.filePath(QStringLiteral("profile")));
        QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
        AuthSession &session = (*ws)->session();
        bool restored = false, signedOut = false, called = false;
        int status = 0;
        session.restore([&](const ApiReply &r) {
            restored = true;
            status = r.status;
        });
        session.signOut([&](const ApiReply &) { signedOut = true; });
        session.call(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"), std::nullopt,
                     [&](const ApiReply &) { called = true; });
        QVERIFY(!restored);
        QVERIFY(!signedOut);
        QVERIFY(!called);
        QTRY_VERIFY_WITH_TIMEOUT(restored && signedOut && called, 30000);
        QCOMPARE(status, 401);
        QVERIFY(!session.isSignedIn());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
