// SPDX-License-Identifier: GPL-3.0-or-later
// Connections that go quiet are closed, over plain HTTP and TLS, wherever
// they are held: by the front door (an idle keep-alive, a head that
// trickles in and never completes) or by Qt's server behind it (plain: the
// connection was handed over; TLS: the relay). Connections that keep
// asking stay, and so does a quiet live sync socket, which the server pings.
#include "shared/fingerprint.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/rawconnection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSslError>
#include <QTest>
#include <QWebSocket>

#include <algorithm>

using quire::test::AccountFixture;
using quire::test::Answer;
using quire::test::Endpoint;
using quire::test::HttpResult;
using quire::test::RawConnection;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple 42");
constexpr int kIdleSeconds = 1;
constexpr int kIdleMs = kIdleSeconds * 1000;
// Longer than the idle timeout by enough that a pass is not luck.
constexpr int kStayMs = 2 * kIdleMs + kIdleMs / 2;

QByteArray get(const QByteArray &target, const QByteArray &headers = {})
{
    return quire::test::getRequest(target, headers);
}

} // namespace

class TestIdleTimeout : public QObject
{
    Q_OBJECT
public:
    explicit TestIdleTimeout(bool tls)
        : m_tls(tls)
    { }

private:
    const bool m_tls;
    AccountFixture m_fx;
    QByteArray m_editor;

    Endpoint endpoint() { return { m_fx.server().port(), m_tls, m_fx.server().fingerprint(), {} }; }

    // A request the front door leaves to Qt: a signed-in API call.
    QByteArray apiRequest() const { return get("/api/v1/users/me", "Authorization: Bearer " + m_editor + "\r\n"); }

private Q_SLOTS:
    void initTestCase()
    {
        qInfo("transport: %s", m_tls ? "TLS" : "plain HTTP");
        quire::test::ServerProcess::Options options;
        options.tls = m_tls;
        options.extraArgs = { QStringLiteral("--idle-timeout-seconds"), QString::number(kIdleSeconds) };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.createUser(QStringLiteral("editor@example.org"), QStringLiteral("editor"), kPassword));
        m_editor = m_fx.token(QStringLiteral("editor@example.org"), kPassword);
        QVERIFY(!m_editor.isEmpty());
    }

    // Answered, then silent: closed, by the front door (`/health`) or by
    // Qt's side (the API call), with nothing but the answer on the wire.
    void quietConnectionsAreClosed_data()
    {
        QTest::addColumn<bool>("leftToQt");
        QTest::newRow("front door") << false;
        QTest::newRow("qt") << true;
    }
    void quietConnectionsAreClosed()
    {
        QFETCH(bool, leftToQt);
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        const QList<Answer> answers = c.exchange(leftToQt ? apiRequest() : get("/health"), 1);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers[0].status, 200);
        QVERIFY2(c.waitClosed(), c.describe().constData());
        QVERIFY(c.unread().isEmpty());
    }

    // A head sent a byte now and then never completes: it is closed although
    // bytes keep coming, because only answers count as activity there.
    void tricklingHeadIsClosed()
    {
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        const QByteArray head = get("/health", "X-Slow: " + QByteArray(200, 'a') + "\r\n");
        bool closed = false;
        QDeadlineTimer deadline(RawConnection::kTimeoutMs);
        for (qsizetype i = 0; i < head.size() - 2 && !deadline.hasExpired(); ++i) {
            c.send(head.mid(i, 1));
            if (c.waitClosed(kIdleMs / 4)) {
                closed = true;
                break;
            }
        }
        QVERIFY2(closed, c.describe().constData());
        QVERIFY(c.read(1, {}, 0).isEmpty());
    }

    // Asking every half timeout for longer than two timeouts: never closed.
    void busyConnectionsStay_data() { quietConnectionsAreClosed_data(); }
    void busyConnectionsStay()
    {
        QFETCH(bool, leftToQt);
        RawConnection c(endpoint());
        QVERIFY2(c.isConnected(), c.describe().constData());
        QDeadlineTimer stay(kStayMs);
        int answered = 0;
        while (!stay.hasExpired()) {
            const QList<Answer> answers = c.exchange(leftToQt ? apiRequest() : get("/health"), 1);
            QVERIFY2(answers.size() == 1 && answers[0].status == 200, c.describe().constData());
            ++answered;
            QTest::qWait(kIdleMs / 2);
        }
        QVERIFY(answered >= 4);
        QVERIFY2(c.isConnected(), c.describe().constData());
    }

    // A signed-in live socket hears nothing for longer than two timeouts
    // but stays open, and still hears of the next change.
    void liveSocketStays()
    {
        QWebSocket socket;
        const QString fingerprint = m_fx.server().fingerprint();
        connect(&socket, &QWebSocket::sslErrors, &socket, [&socket, fingerprint](const QList<QSslError> &errors) {
            if (quire::shared::Fingerprint::ofCertificate(socket.sslConfiguration().peerCertificate()) == fingerprint)
                socket.ignoreSslErrors(errors);
        });
        QUrl url = m_fx.server().url();
        url.setScheme(m_tls ? QStringLiteral("wss") : QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/sync/live"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_editor);
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(request);
        QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 1, RawConnection::kTimeoutMs);
        QVERIFY2(messages.takeFirst().first().toString().contains(QLatin1String("\"ready\"")),
                 "the socket was not signed in");
        QTest::qWait(kStayMs);
        QCOMPARE(disconnected.count(), 0);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);

        const QByteArray body = R"({"title":"After the quiet","slug":"after-the-quiet","body":"Text."})";
        const HttpResult created = m_fx.call("POST", QStringLiteral("/api/v1/guides"), m_editor, body);
        QCOMPARE(created.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), RawConnection::kTimeoutMs);
        QVERIFY2(messages.first().first().toString().contains(QLatin1String("\"changed\"")),
                 qPrintable(messages.first().first().toString()));
        socket.close();
    }

    void cleanupTestCase() { QVERIFY(m_fx.server().stop()); }
};

QUIRE_TEST_MAIN_BOTH_TRANSPORTS(TestIdleTimeout)

#include "tst_idletimeout.moc"
