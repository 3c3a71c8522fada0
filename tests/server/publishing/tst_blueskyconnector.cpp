// SPDX-License-Identifier: GPL-3.0-or-later
// The Bluesky connector against a local fake PDS that checks each XRPC
// call: a session from the handle and app password, kept for the next
// post; images uploaded as blobs and embedded; links as facets with UTF-8
// byte offsets; a record key that is a valid TID and the same on every
// attempt, so a retry after a lost answer finds the record instead of
// writing a second; an expired session made anew once; a wrong password
// the credential's fault; text counted in graphemes.
#include "server/publishing/blueskyconnector.h"
#include "tests/server/publishing/connectorharness.h"
#include "tests/server/publishing/fakebluesky.h"
#include "tests/support/jsoncompare.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::server;
using nlohmann::json;

class TestBlueskyConnector : public QObject
{
    Q_OBJECT

    QTemporaryDir m_media;
    FakeBluesky m_fake;
    ConnectorHarness m_harness;

    Delivery delivery(const QString &text, const QString &key)
    {
        Delivery d;
        d.postId = QStringLiteral("post-1");
        d.destinationId = QStringLiteral("dest-") + key;
        d.idempotencyKey = key;
        d.text = text;
        d.scheduledAt = QStringLiteral("2026-12-07T18:00:00.000Z");
        d.platform.platformId = QStringLiteral("platform-1");
        d.platform.kind = shared::PlatformKind::Bluesky;
        d.platform.baseUrl = m_fake.baseUrl();
        d.platform.secret = { { "identifier", m_fake.identifier.toStdString() },
                              { "app_password", m_fake.appPassword.toStdString() } };
        return d;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_media.isValid());
        QVERIFY(m_fake.start());
    }

    void postsWithASessionBlobsAndLinkFacets()
    {
        BlueskyConnector connector;
        const QByteArray png = ConnectorHarness::imageBytes("PNG", 200);
        Delivery d = delivery(QStringLiteral("Grüße: https://example.com/launch. More soon"), QStringLiteral("k1"));
        d.files = { ConnectorHarness::media(QDir(m_media.path()), png, QStringLiteral("image/png")) };
        d.media = { d.files.first().address };
        d.options = { { "language", "de" }, { "alt", json::array({ "A red square" }) } };
        QVERIFY(connector.check(d).isEmpty());
        const auto outcome = m_harness.publish(connector, d);
        QVERIFY(outcome);
        QCOMPARE(m_harness.callbacks, 1);
        QCOMPARE(outcome->kind, DeliveryOutcome::Kind::Published);
        const QString rkey = BlueskyConnector::recordKey(d);
        QCOMPARE(outcome->remoteId, QStringLiteral("at://did:plc:annexample/app.bsky.feed.post/") + rkey);
        QCOMPARE(outcome->remoteUrl, QStringLiteral("https://bsky.app/profile/ann.bsky.social/post/") + rkey);
        QCOMPARE(m_fake.blobs, QList<QByteArray>({ png }));
        const json record = m_fake.records.value(rkey);
        QCOMPARE_JSON(record["text"], json("Grüße: https://example.com/launch. More soon"));
        QCOMPARE_JSON(record["langs"], json::array({ "de" }));
        QCOMPARE_JSON(record["embed"]["$type"], json("app.bsky.embed.images"));
        QCOMPARE_JSON(record["embed"]["images"][0]["alt"], json("A red square"));
        QCOMPARE_JSON(record["embed"]["images"][0]["image"]["mimeType"], json("image/png"));
        // "Grüße: " is 9 bytes in UTF-8 (ü and ß take two); the link stops before the full stop.
        QCOMPARE_JSON(record["facets"][0]["index"]["byteStart"], json(9));
        QCOMPARE_JSON(record["facets"][0]["index"]["byteEnd"], json(9 + 26));
        QCOMPARE_JSON(record["facets"][0]["features"][0]["uri"], json("https://example.com/launch"));

        // The next post reuses the session.
        const int sessions = m_fake.sessionsMade;
        const auto next = m_harness.publish(connector, delivery(QStringLiteral("Again"), QStringLiteral("k2")));
        QVERIFY(next);
        QCOMPARE(next->kind, DeliveryOutcome::Kind::Published);
        QCOMPARE(m_fake.sessionsMade, sessions);
    }

    void aLostAnswerIsFoundNotWrittenTwice()
    {
        BlueskyConnector connector;
        Delivery d = delivery(QStringLiteral("Exactly once"), QStringLiteral("k-lost"));
        m_fake.loseNextCreateAnswer = true;
        const auto first = m_harness.publish(connector, d);
        QVERIFY(first);
        QCOMPARE(first->kind, DeliveryOutcome::Kind::Retry);
        const qsizetype written = m_fake.records.size();
        d.attempt = 2;
        const auto second = m_harness.publish(connector, d);
        QVERIFY(second);
        QCOMPARE(second->kind, DeliveryOutcome::Kind::Published);
        QCOMPARE(m_fake.records.size(), written); // found, not written again
        QCOMPARE_JSON(m_fake.records.value(BlueskyConnector::recordKey(d))["text"], json("Exactly once"));
        // And a first attempt that meets its own record (a crash between
        // write and ledger) is refused by the PDS rather than doubled.
        d.attempt = 1;
        const auto third = m_harness.publish(connector, d);
        QVERIFY(third);
        QCOMPARE(third->kind, DeliveryOutcome::Kind::Failed);
        QCOMPARE(m_fake.records.size(), written);
    }

    void anExpiredSessionIsMadeAnewOnce()
    {
        BlueskyConnector connector;
        QVERIFY(m_harness.publish(connector, delivery(QStringLiteral("one"), QStringLiteral("e1"))));
        const int sessions = m_fake.sessionsMade;
        m_fake.expireSessions();
        const auto outcome = m_harness.publish(connector, delivery(QStringLiteral("two"), QStringLiteral("e2")));
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, DeliveryOutcome::Kind::Published);
        QCOMPARE(m_fake.sessionsMade, sessions + 1);
    }

    void aWrongPasswordIsTheCredentialsFault()
    {
        BlueskyConnector connector;
        Delivery d = delivery(QStringLiteral("nope"), QStringLiteral("w1"));
        d.platform.secret["app_password"] = "wrong";
        const qsizetype before = m_fake.records.size();
        const auto outcome = m_harness.publish(connector, d);
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, DeliveryOutcome::Kind::Failed);
        QCOMPARE(outcome->error, DeliveryError::Unauthorized);
        QCOMPARE(outcome->message, QStringLiteral("Invalid identifier or password"));
        QCOMPARE(m_fake.records.size(), before);
        const auto verified = m_harness.verify(connector, d.platform);
        QVERIFY(verified);
        QVERIFY(!*verified);
        QCOMPARE(verified->error().code, QStringLiteral("unauthorized"));
        d.platform.secret["app_password"] = m_fake.appPassword.toStdString();
        const auto good = m_harness.verify(connector, d.platform);
        QVERIFY(good);
        QVERIFY(bool(*good));
    }

    void recordKeysAreStableTids_data()
    {
        QTest::addColumn<QString>("scheduledAt");
        QTest::addColumn<QString>("key");
        QTest::newRow("scheduled") << QStringLiteral("2026-12-07T18:00:00.000Z") << QStringLiteral("a");
        QTest::newRow("another key") << QStringLiteral("2026-12-07T18:00:00.000Z") << QStringLiteral("b");
        QTest::newRow("published now, no time") << QString() << QStringLiteral("c");
    }
    void recordKeysAreStableTids()
    {
        QFETCH(QString, scheduledAt);
        QFETCH(QString, key);
        Delivery d = delivery(QStringLiteral("x"), key);
        d.scheduledAt = scheduledAt;
        const QString rkey = BlueskyConnector::recordKey(d);
        static const QRegularExpression tid(
            QStringLiteral("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$"));
        QVERIFY2(tid.match(rkey).hasMatch(), qPrintable(rkey));
        d.attempt = 5;
        QCOMPARE(BlueskyConnector::recordKey(d), rkey);
        Delivery other = d;
        other.idempotencyKey += QStringLiteral("-other");
        QVERIFY(BlueskyConnector::recordKey(other) != rkey);
    }

    void checksBeforeSending_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("field");
        QTest::newRow("300 graphemes") << QStringLiteral("👍🏽").repeated(300) << QString() << qint64(0)
                                       << QString();
        QTest::newRow("301 graphemes") << QString(301, QLatin1Char('a')) << QString() << qint64(0)
                                       << QStringLiteral("text");
        QTest::newRow("an image") << QStringLiteral("x") << QStringLiteral("image/jpeg") << qint64(900'000)
                                  << QString();
        QTest::newRow("an image over 1 MB")
            << QStringLiteral("x") << QStringLiteral("image/jpeg") << qint64(1'200'000) << QStringLiteral("media");
        QTest::newRow("a video") << QStringLiteral("x") << QStringLiteral("video/mp4") << qint64(1000)
                                 << QStringLiteral("media");
    }
    void checksBeforeSending()
    {
        QFETCH(QString, text);
        QFETCH(QString, mime);
        QFETCH(qint64, size);
        QFETCH(QString, field);
        BlueskyConnector connector;
        Delivery d = delivery(text, QStringLiteral("c"));
        if (!mime.isEmpty()) {
            d.media = { QStringLiteral("/media/x") };
            d.files = { DeliveryMedia { d.media.first(), mime, QString(), size } };
        }
        const shared::FieldErrors errors = connector.check(d);
        if (field.isEmpty())
            QVERIFY2(errors.isEmpty(), qPrintable(errors.fields().keys().join(QLatin1Char(','))));
        else
            QVERIFY(errors.fields().contains(field));
    }
};

QTEST_GUILESS_MAIN(TestBlueskyConnector)
#include "tst_blueskyconnector.moc"
