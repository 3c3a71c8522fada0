// SPDX-License-Identifier: GPL-3.0-or-later
// The Mastodon connector against a local fake Mastodon that checks each
// request: a status with the bearer token, the delivery's Idempotency-Key
// and its options; media uploaded first as multipart and waited for while
// the server processes them; a lost answer retried without a second
// status; answers mapped to outcomes (401 the credential, 422 refused with
// Mastodon's words, 429 retried after X-RateLimit-Reset, 5xx retried);
// text counted as Mastodon counts it; the credential checked cheaply.
#include "server/publishing/mastodonconnector.h"
#include "tests/server/publishing/connectorharness.h"
#include "tests/server/publishing/fakemastodon.h"
#include "tests/support/jsoncompare.h"
#include "tests/support/mockclock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::server;
using nlohmann::json;

class TestMastodonConnector : public QObject
{
    Q_OBJECT

    QTemporaryDir m_media;
    FakeMastodon m_fake;
    MastodonConnector m_connector;
    ConnectorHarness m_harness;

    Delivery delivery(const QString &text, const QString &key = QStringLiteral("key-1"))
    {
        Delivery d;
        d.postId = QStringLiteral("post-1");
        d.destinationId = QStringLiteral("dest-1");
        d.idempotencyKey = key;
        d.text = text;
        d.platform.platformId = QStringLiteral("platform-1");
        d.platform.kind = shared::PlatformKind::Mastodon;
        d.platform.baseUrl = m_fake.baseUrl() + QLatin1Char('/');
        d.platform.secret = { { "token", m_fake.token.toStdString() } };
        return d;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_media.isValid());
        QVERIFY(m_fake.start());
    }

    void init()
    {
        m_fake.statuses.clear();
        m_fake.uploads.clear();
        m_fake.statusAnswers.clear();
        m_fake.processingPolls = 0;
        m_fake.statusRequests = 0;
        m_fake.http().requests.clear();
    }

    void postsAStatusWithTokenKeyAndOptions()
    {
        Delivery d = delivery(QStringLiteral("Launch day 🚀"));
        d.options = { { "visibility", "unlisted" }, { "spoiler_text", "launch" }, { "language", "en" } };
        const auto outcome = m_harness.publish(m_connector, d);
        QVERIFY(outcome);
        QCOMPARE(m_harness.callbacks, 1);
        QCOMPARE(outcome->kind, DeliveryOutcome::Kind::Published);
        QCOMPARE(outcome->remoteId, QStringLiteral("109000"));
        QCOMPARE(outcome->remoteUrl, QStringLiteral("https://fake.social/@ann/109000"));
        QCOMPARE(m_fake.statuses.size(), 1);
        const FakeMastodon::Status &s = m_fake.statuses.first();
        QCOMPARE(s.idempotencyKey, QByteArray("key-1"));
        QCOMPARE_JSON(s.body["status"], json("Launch day 🚀"));
        QCOMPARE_JSON(s.body["visibility"], json("unlisted"));
        QCOMPARE_JSON(s.body["spoiler_text"], json("launch"));
        QCOMPARE_JSON(s.body["language"], json("en"));
        QVERIFY(!s.body.contains("media_ids"));
        // The base URL's trailing slash did not double.
        QCOMPARE(m_fake.http().requests.first().target, QByteArray("/api/v1/statuses"));
    }

    void uploadsMediaFirstAndWaitsForProcessing_data()
    {
        QTest::addColumn<int>("processing");
        QTest::newRow("ready at once") << 0;
        QTest::newRow("processed after two looks") << 2;
    }
    void uploadsMediaFirstAndWaitsForProcessing()
    {
        QFETCH(int, processing);
        m_fake.processingPolls = processing;
        const QByteArray png = ConnectorHarness::imageBytes("PNG", 300);
        const QByteArray jpeg = ConnectorHarness::imageBytes("JFIF", 500);
        Delivery d = delivery(QStringLiteral("Two pictures"), QStringLiteral("key-media-%1").arg(processing));
        d.files = { ConnectorHarness::media(QDir(m_media.path()), png, QStringLiteral("image/png")),
                    ConnectorHarness::media(QDir(m_media.path()), jpeg, QStringLiteral("image/jpeg")) };
        d.media = { d.files[0].address, d.files[1].address };
        QVERIFY(m_connector.check(d).isEmpty());
        const auto outcome = m_harness.publish(m_connector, d);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, DeliveryOutcome::Kind::Published);
        QCOMPARE(m_fake.uploads.size(), 2);
        QCOMPARE(m_fake.uploads[0].bytes, png);
        QCOMPARE(m_fake.uploads[0].mime, QByteArray("image/png"));
        QCOMPARE(m_fake.uploads[1].bytes, jpeg);
        QCOMPARE(m_fake.statuses.size(), 1);
        QCOMPARE_JSON(m_fake.statuses.first().body["media_ids"],
                      json::array({ m_fake.uploads[0].id.toStdString(), m_fake.uploads[1].id.toStdString() }));
        // The status went only after both media were processed.
        QCOMPARE(m_fake.http().requests.last().target, QByteArray("/api/v1/statuses"));
    }

    void aLostAnswerIsRetriedWithoutASecondStatus()
    {
        m_fake.statusAnswers = { QByteArray() }; // written, but the answer never comes
        const Delivery d = delivery(QStringLiteral("Once only"), QStringLiteral("key-lost"));
        const auto first = m_harness.publish(m_connector, d);
        QVERIFY(first);
        QCOMPARE(first->kind, DeliveryOutcome::Kind::Retry);
        QCOMPARE(first->error, DeliveryError::Network);
        const auto second = m_harness.publish(m_connector, d);
        QVERIFY(second);
        QCOMPARE(second->kind, DeliveryOutcome::Kind::Published);
        QCOMPARE(m_fake.statusRequests, 2);
        QCOMPARE(m_fake.statuses.size(), 1); // Mastodon kept its first status for the key
        QCOMPARE(second->remoteId, QString::fromLatin1(m_fake.statuses.first().id));
    }

    void answersBecomeOutcomes_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<qint64>("retryAfter"); // -1: none
        QTest::newRow("422 refused") << FakeMastodon::json(422, { { "error", "Validation failed: Text is spam" } })
                                     << int(DeliveryOutcome::Kind::Failed) << QStringLiteral("rejected")
                                     << QStringLiteral("Validation failed: Text is spam") << qint64(-1);
        QTest::newRow("401 token") << FakeMastodon::json(401, { { "error", "The access token was revoked" } })
                                   << int(DeliveryOutcome::Kind::Failed) << QStringLiteral("unauthorized")
                                   << QStringLiteral("The access token was revoked") << qint64(-1);
        QTest::newRow("429 reset") << FakeMastodon::json(429, { { "error", "Too many requests" } },
                                                         { { "X-RateLimit-Reset", "2026-01-31T12:05:00.000Z" } })
                                   << int(DeliveryOutcome::Kind::Retry) << QStringLiteral("rate_limited")
                                   << QStringLiteral("Too many requests") << qint64(300);
        QTest::newRow("429 Retry-After wins")
            << FakeMastodon::json(429, { { "error", "Slow down" } },
                                  { { "Retry-After", "42" }, { "X-RateLimit-Reset", "2026-01-31T12:05:00.000Z" } })
            << int(DeliveryOutcome::Kind::Retry) << QStringLiteral("rate_limited") << QStringLiteral("Slow down")
            << qint64(42);
        QTest::newRow("503") << FakeHttpServer::answer(503, "<html>Maintenance</html>")
                             << int(DeliveryOutcome::Kind::Retry) << QStringLiteral("server_error")
                             << QStringLiteral("<html>Maintenance</html>") << qint64(-1);
        QTest::newRow("2xx without a status")
            << FakeMastodon::json(200, json::object()) << int(DeliveryOutcome::Kind::Retry)
            << QStringLiteral("server_error") << QStringLiteral("The server's answer named no status.") << qint64(-1);
    }
    void answersBecomeOutcomes()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, kind);
        QFETCH(QString, error);
        QFETCH(QString, message);
        QFETCH(qint64, retryAfter);
        test::MockClock clock; // 2026-01-31 12:00 UTC
        m_fake.statusAnswers = { answer };
        const auto outcome = m_harness.publish(m_connector, delivery(QStringLiteral("Hello")));
        QVERIFY(outcome);
        QCOMPARE(int(outcome->kind), kind);
        QVERIFY(outcome->error);
        QCOMPARE(kDeliveryErrors.name(*outcome->error), error);
        QCOMPARE(outcome->message, message);
        QCOMPARE(outcome->retryAfter ? qint64(outcome->retryAfter->count()) : qint64(-1), retryAfter);
        QVERIFY(m_fake.statuses.isEmpty());
    }

    void aWrongTokenIsTheCredentialsFault()
    {
        Delivery d = delivery(QStringLiteral("Hello"));
        d.platform.secret = { { "token", "stale" } };
        const auto outcome = m_harness.publish(m_connector, d);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, DeliveryOutcome::Kind::Failed);
        QCOMPARE(outcome->error, DeliveryError::Unauthorized);
        QVERIFY(m_fake.statuses.isEmpty());
    }

    void countsAsMastodonCounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("length");
        QTest::newRow("plain") << QStringLiteral("Hello") << 5;
        QTest::newRow("a link is 23") << QStringLiteral("See https://example.com/a/very/long/path/indeed?q=1") << 27;
        QTest::newRow("two links") << QStringLiteral("http://a.io and https://b.io/x") << 51;
        QTest::newRow("remote mention counts its name") << QStringLiteral("hi @ann@mastodon.social") << 7;
        QTest::newRow("emoji are one each") << QStringLiteral("👩‍👩‍👧 ok") << 4;
    }
    void countsAsMastodonCounts()
    {
        QFETCH(QString, text);
        QFETCH(int, length);
        QCOMPARE(MastodonConnector::length(text), length);
    }

    void checksBeforeSending_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("media");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QByteArray>("options");
        QTest::addColumn<QString>("field"); // empty: no problem
        const QString links = QStringLiteral("https://example.com/") + QString(600, QLatin1Char('x'));
        QTest::newRow("fits") << QStringLiteral("fine") << 0 << QString() << QByteArray("{}") << QString();
        QTest::newRow("a long link fits") << links << 0 << QString() << QByteArray("{}") << QString();
        QTest::newRow("501 characters") << QString(501, QLatin1Char('a')) << 0 << QString() << QByteArray("{}")
                                        << QStringLiteral("text");
        QTest::newRow("empty") << QStringLiteral("  ") << 0 << QString() << QByteArray("{}") << QStringLiteral("text");
        QTest::newRow("five media") << QStringLiteral("x") << 5 << QStringLiteral("image/png") << QByteArray("{}")
                                    << QStringLiteral("media");
        QTest::newRow("a PDF") << QStringLiteral("x") << 1 << QStringLiteral("application/pdf") << QByteArray("{}")
                               << QStringLiteral("media");
        QTest::newRow("unknown visibility") << QStringLiteral("x") << 0 << QString()
                                            << QByteArray("{\"visibility\":\"friends\"}") << QStringLiteral("options");
        QTest::newRow("sensitive not a bool") << QStringLiteral("x") << 0 << QString()
                                              << QByteArray("{\"sensitive\":\"yes\"}") << QStringLiteral("options");
    }
    void checksBeforeSending()
    {
        QFETCH(QString, text);
        QFETCH(int, media);
        QFETCH(QString, mime);
        QFETCH(QByteArray, options);
        QFETCH(QString, field);
        Delivery d = delivery(text);
        d.options = json::parse(options.toStdString());
        for (int i = 0; i < media; ++i) {
            d.media << QStringLiteral("/media/%1").arg(i);
            d.files << DeliveryMedia { d.media.last(), mime, QString(), 100 };
        }
        const shared::FieldErrors errors = m_connector.check(d);
        if (field.isEmpty())
            QVERIFY2(errors.isEmpty(), qPrintable(errors.fields().keys().join(QLatin1Char(','))));
        else
            QVERIFY(errors.fields().contains(field));
    }

    void verifiesTheTokenCheaply()
    {
        Delivery d = delivery(QString());
        auto good = m_harness.verify(m_connector, d.platform);
        QVERIFY(good);
        QVERIFY(bool(*good));
        QCOMPARE(m_fake.http().requests.last().target, QByteArray("/api/v1/accounts/verify_credentials"));
        d.platform.secret = { { "token", "revoked" } };
        auto bad = m_harness.verify(m_connector, d.platform);
        QVERIFY(bad);
        QVERIFY(!*bad);
        QCOMPARE(bad->error().code, QStringLiteral("unauthorized"));
        QVERIFY(m_fake.statuses.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMastodonConnector)
#include "tst_mastodonconnector.moc"
