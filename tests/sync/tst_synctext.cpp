// SPDX-License-Identifier: GPL-3.0-or-later
// Text keeps every byte through a whole sync: a body with U+FFFF (and
// other noncharacters) or one starting with a byte-order mark is written on
// replica A, pushed, merged on the server, pulled by replica B, comes back to
// A, and is served by the API, byte for byte the same everywhere.
#include "shared/utf8.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QTest>

using namespace quire::test;
using quire::desktop::SyncEngine;

namespace {

QByteArray bytesOf(const std::optional<nlohmann::json> &row, const char *field)
{
    if (!row || !row->contains(field) || !(*row)[field].is_string())
        return "<missing>";
    return QByteArray::fromStdString((*row)[field].get<std::string>());
}

} // namespace

class TestSyncText : public QObject
{
    Q_OBJECT
private:
    ReplicaPair m_pair;
    std::unique_ptr<TestHttpClient> m_http;
    QByteArray m_token;

    QByteArray viaApi(const QString &id, const char *field)
    {
        const HttpResult r = m_http->request("GET", QStringLiteral("/api/v1/guides/") + id, {},
                                             { { "Authorization", "Bearer " + m_token } });
        if (r.status != 200)
            return "<status " + QByteArray::number(r.status) + ">";
        return bytesOf(r.json(), field);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_pair.start({ { QStringLiteral("alice@example.org"), QStringLiteral("editor") },
                                               { QStringLiteral("bob@example.org"), QStringLiteral("editor") } });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_http = std::make_unique<TestHttpClient>(m_pair.server.url(), m_pair.server.fingerprint());
        const nlohmann::json login { { "email", "bob@example.org" }, { "password", kSyncTestPassword.toStdString() } };
        const HttpResult r
            = m_http->postJson(QStringLiteral("/api/v1/auth/login"), QByteArray::fromStdString(login.dump()));
        QCOMPARE(r.status, 200);
        m_token = QByteArray::fromStdString(r.json()["access_token"].get<std::string>());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("title");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("U+FFFF") << QByteArray("Ends in \xEF\xBF\xBF")
                                << QByteArray("a\xEF\xBF\xBF"
                                              "b\n");
        QTest::newRow("BOM first") << QByteArray("\xEF\xBB\xBF"
                                                 "Marked")
                                   << QByteArray("\xEF\xBB\xBF"
                                                 "# Title\n\nText.\n");
        QTest::newRow("U+FFFE first") << QByteArray("\xEF\xBF\xBE"
                                                    "swapped?")
                                      << QByteArray("\xEF\xBF\xBE"
                                                    "x\n");
        QTest::newRow("mixed") << QByteArray("Mixed \xF0\x9F\x98\x80")
                               << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                             "two marks, U+FDD0 \xEF\xB7\x90, "
                                             "U+10FFFF \xF4\x8F\xBF\xBF, U+FFFE \xEF\xBF\xBE\n");
    }

    void roundTrip()
    {
        QFETCH(QByteArray, title);
        QFETCH(QByteArray, body);
        QVERIFY(quire::shared::Utf8::isValid(title) && quire::shared::Utf8::isValid(body));
        SyncPeer &a = *m_pair.a;
        SyncPeer &b = *m_pair.b;

        const QString id = a.create(quire::shared::Utf8::decode(title), quire::shared::Utf8::decode(body));
        QVERIFY(!id.isEmpty());
        QCOMPARE(bytesOf(a.row(id), "body"), body); // the author's replica, before any sync
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(bytesOf(b.row(id), "title"), title);
        QCOMPARE(bytesOf(b.row(id), "body"), body);
        QCOMPARE(viaApi(id, "title"), title);
        QCOMPARE(viaApi(id, "body"), body);

        // An edit of another field on B: the server merges, both pull its row.
        QVERIFY(b.edit(id, { { "summary", "Edited on B." } }));
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        for (SyncPeer *peer : { &a, &b }) {
            QCOMPARE(bytesOf(peer->row(id), "title"), title);
            QCOMPARE(bytesOf(peer->row(id), "body"), body);
            QCOMPARE(bytesOf(peer->row(id), "summary"), QByteArray("Edited on B."));
        }
        QCOMPARE(viaApi(id, "body"), body);

        // And an edit of the body itself on A, merged against the old one.
        const QByteArray edited = body + "More \xEF\xBF\xBF.\n";
        QVERIFY(a.edit(id, { { "body", edited.toStdString() } }));
        QCOMPARE(a.sync(), SyncEngine::State::Idle);
        QCOMPARE(b.sync(), SyncEngine::State::Idle);
        QCOMPARE(bytesOf(a.row(id), "body"), edited);
        QCOMPARE(bytesOf(b.row(id), "body"), edited);
        QCOMPARE(viaApi(id, "body"), edited);
    }

    void cleanupTestCase() { QVERIFY(m_pair.server.stop()); }
};

QTEST_MAIN(TestSyncText)

#include "tst_synctext.moc"
