// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/workspace.h"
#include "tests/support/serverprocess.h"

#include <QDir>
#include <QSignalSpy>
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

    void unreachable()
    {
        ApiClient client;
        client.setServer(QUrl(QStringLiteral("https://127.0.0.1:1")), QString());
        const ApiReply r = call(client, QStringLiteral("/health"));
        QCOMPARE(r.status, 0);
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
