// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/serverprobe.h"
#include "shared/uuid.h"
#include "tests/support/serverprocess.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace quire::desktop;
using quire::test::ServerProcess;
using Outcome = ProbeResult::Outcome;

namespace {
ProbeResult probe(const QUrl &url, const QString &pin)
{
    ServerProbe probe;
    QSignalSpy spy(&probe, &ServerProbe::finished);
    probe.start(url, pin, quire::shared::Uuid::createV7());
    if (!spy.wait(30000))
        qFatal("probe did not finish");
    return spy.first().first().value<ProbeResult>();
}
} // namespace

Q_DECLARE_METATYPE(quire::desktop::ProbeResult)

// Deciding whether a server can be used: trust, identity, compatibility.
class TestServerProbe : public QObject
{
    Q_OBJECT
private:
    ServerProcess m_server;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ProbeResult>();
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void firstContactAsksForTrust()
    {
        const ProbeResult r = probe(m_server.url(), QString());
        QCOMPARE(r.outcome, Outcome::Untrusted);
        QCOMPARE(r.fingerprint, m_server.fingerprint());
        QVERIFY(!r.message.isEmpty());
    }

    void pinnedServerIsUsable()
    {
        const ProbeResult r = probe(m_server.url(), m_server.fingerprint());
        QCOMPARE(r.outcome, Outcome::Ok);
        QCOMPARE(r.serverVersion, QStringLiteral("0.1.0"));
        QCOMPARE(r.epoch.size(), 32);
    }

    void somethingElseIsNotQuire()
    {
        // A web server that is not Quire: answers 200 with HTML to everything.
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost));
        connect(&other, &QTcpServer::newConnection, &other, [&other] {
            QTcpSocket *s = other.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                s->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\nConnection: "
                         "close\r\n\r\nhello");
                s->disconnectFromHost();
            });
        });
        const ProbeResult r = probe(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(other.serverPort())), QString());
        QCOMPARE(r.outcome, Outcome::NotQuire);
    }

    void nobodyThere()
    {
        const ProbeResult r = probe(QUrl(QStringLiteral("https://127.0.0.1:1")), QString());
        QCOMPARE(r.outcome, Outcome::Unreachable);
    }
};

QTEST_GUILESS_MAIN(TestServerProbe)
#include "tst_serverprobe.moc"
