// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/livechannel.h"
#include "desktop/core/replica.h"
#include "shared/jsonqt.h"
#include "shared/timestamp.h"
#include "tests/support/mockclock.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::test;
using quire::desktop::SyncEngine;

// Two replicas edit the same guides and meet at the server: what merges,
// what becomes a conflict record, and that no text is ever lost.
class TestSyncMerge : public QObject
{
    Q_OBJECT
private:
    ReplicaPair m_pair;
    ServerProcess &m_server = m_pair.server;
    std::unique_ptr<SyncPeer> &m_a = m_pair.a;
    std::unique_ptr<SyncPeer> &m_b = m_pair.b;

    // A guide made on A and pulled by B.
    QString shared(const QString &title, const QString &body)
    {
        const QString id = m_a->create(title, body);
        if (id.isEmpty() || m_a->sync() != SyncEngine::State::Idle || m_b->sync() != SyncEngine::State::Idle)
            return {};
        return m_b->row(id) ? id : QString();
    }

    QList<quire::desktop::SyncRecords::StoredConflict> conflictsOf(SyncPeer &peer, const QString &id)
    {
        QList<quire::desktop::SyncRecords::StoredConflict> mine;
        for (const auto &c : peer.conflicts()) {
            if (c.conflict.rowId == id)
                mine << c;
        }
        return mine;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_pair.start({ { QStringLiteral("alice@example.org"), QStringLiteral("editor") },
                                               { QStringLiteral("bob@example.org"), QStringLiteral("editor") } });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void createdOnOneAppearsOnTheOther()
    {
        const QString id = m_a->create(QStringLiteral("Made on A"), QStringLiteral("Hello from A.\n"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_a->status().pending, 1);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_a->status().pending, 0);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        const auto row = m_b->row(id);
        QVERIFY(row);
        QCOMPARE(fieldOf(row, "title"), QStringLiteral("Made on A"));
        QCOMPARE(fieldOf(row, "body"), QStringLiteral("Hello from A.\n"));
        QVERIFY(row->value("rev", 0) > 0);
        QCOMPARE(fieldOf(row, "owner_id"), fieldOf(m_a->row(id), "owner_id"));
    }

    void differentFieldsAreBothKept()
    {
        const QString id = shared(QStringLiteral("Title"), QStringLiteral("Body.\n"));
        QVERIFY(!id.isEmpty());
        QVERIFY(m_a->edit(id, { { "title", "Title from A" } }));
        QVERIFY(m_b->edit(id, { { "status", "in_review" } }));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        for (SyncPeer *peer : { m_a.get(), m_b.get() }) {
            QCOMPARE(fieldOf(peer->row(id), "title"), QStringLiteral("Title from A"));
            QCOMPARE(fieldOf(peer->row(id), "status"), QStringLiteral("in_review"));
        }
        QVERIFY(conflictsOf(*m_b, id).isEmpty());
    }

    void differentParagraphsOfOneBodyMerge()
    {
        const QString base = QStringLiteral("# Setup\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n");
        const QString id = shared(QStringLiteral("Merge me"), base);
        QVERIFY(!id.isEmpty());
        QVERIFY(m_a->edit(
            id, { { "body", "# Setup\n\nFirst paragraph, edited on A.\n\nSecond paragraph.\n\nThird paragraph.\n" } }));
        QVERIFY(m_b->edit(
            id, { { "body", "# Setup\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph, edited on B.\n" } }));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        const QString merged = QStringLiteral(
            "# Setup\n\nFirst paragraph, edited on A.\n\nSecond paragraph.\n\nThird paragraph, edited on B.\n");
        QCOMPARE(fieldOf(m_a->row(id), "body"), merged);
        QCOMPARE(fieldOf(m_b->row(id), "body"), merged);
        QVERIFY(conflictsOf(*m_b, id).isEmpty());
    }

    void sameParagraphBecomesAConflictWithBothVersions()
    {
        const QString id = shared(QStringLiteral("Clash"), QStringLiteral("Intro.\n\nThe contested paragraph.\n"));
        QVERIFY(!id.isEmpty());
        const QString fromA = QStringLiteral("Intro.\n\nThe contested paragraph, as A wrote it.\n");
        const QString fromB = QStringLiteral("Intro.\n\nThe contested paragraph, as B wrote it.\n");
        QVERIFY(m_a->edit(id, { { "body", fromA.toStdString() } }));
        QVERIFY(m_b->edit(id, { { "body", fromB.toStdString() } }));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        // The row keeps the server's text (A arrived first) ...
        QCOMPARE(fieldOf(m_b->row(id), "body"), fromA);
        // ... and B's text is in a conflict record beside it: nothing lost.
        const auto conflicts = conflictsOf(*m_b, id);
        QCOMPARE(conflicts.size(), 1);
        const auto &c = conflicts.first().conflict;
        QCOMPARE(c.rowId, id);
        QCOMPARE(c.field, QStringLiteral("body"));
        QCOMPARE(c.kind, QStringLiteral("text_overlap"));
        QCOMPARE(QString::fromStdString(c.serverValue.get<std::string>()), fromA);
        QCOMPARE(QString::fromStdString(c.clientValue.get<std::string>()), fromB);
        QCOMPARE(QString::fromStdString(c.baseValue.get<std::string>()),
                 QStringLiteral("Intro.\n\nThe contested paragraph.\n"));
        const qint64 open = m_b->status().conflicts;
        QVERIFY(open >= 1);
        // Resolving with B's text is an ordinary edit that syncs.
        QVERIFY(m_b->edit(id, { { "body", fromB.toStdString() } }));
        QVERIFY(m_b->ws().syncRecords().markResolved(c.id, QStringLiteral("client")));
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(m_a->row(id), "body"), fromB);
        QCOMPARE(m_b->status().conflicts, open - 1);
    }

    void scalarChangedOnBothSidesLaterArrivalWins()
    {
        const QString id = shared(QStringLiteral("Original title"), QString());
        QVERIFY(!id.isEmpty());
        QVERIFY(m_a->edit(id, { { "title", "A's title" } }));
        QVERIFY(m_b->edit(id, { { "title", "B's title" } }));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(m_a->row(id), "title"), QStringLiteral("B's title"));
        const auto conflicts = conflictsOf(*m_b, id);
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().conflict.kind, QStringLiteral("both_changed"));
        QCOMPARE(conflicts.first().conflict.kept, QStringLiteral("client"));
        QCOMPARE(QString::fromStdString(conflicts.first().conflict.serverValue.get<std::string>()),
                 QStringLiteral("A's title"));
        QVERIFY(m_b->ws().syncRecords().markResolved(conflicts.first().conflict.id, QStringLiteral("client")));
    }

    void editAgainstDeleteBringsTheRowBack()
    {
        const QString id = shared(QStringLiteral("Doomed?"), QStringLiteral("Keep me.\n"));
        QVERIFY(!id.isEmpty());
        QVERIFY(m_a->remove(id));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QVERIFY(!m_a->row(id));
        QVERIFY(m_b->edit(id, { { "body", "Keep me, I was edited.\n" } }));
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QVERIFY(m_b->row(id));
        QCOMPARE(fieldOf(m_b->row(id), "body"), QStringLiteral("Keep me, I was edited.\n"));
        const auto conflicts = conflictsOf(*m_b, id);
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().conflict.kind, QStringLiteral("edit_vs_delete"));
        QVERIFY(m_b->ws().syncRecords().markResolved(conflicts.first().conflict.id, QStringLiteral("client")));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(m_a->row(id), "body"), QStringLiteral("Keep me, I was edited.\n"));
    }

    void deleteAgainstEditKeepsTheEdit()
    {
        const QString id = shared(QStringLiteral("Edited elsewhere"), QStringLiteral("v1\n"));
        QVERIFY(!id.isEmpty());
        QVERIFY(m_a->edit(id, { { "body", "v2 from A\n" } }));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QVERIFY(m_b->remove(id));
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QVERIFY(m_b->row(id));
        QCOMPARE(fieldOf(m_b->row(id), "body"), QStringLiteral("v2 from A\n"));
        const auto conflicts = conflictsOf(*m_b, id);
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().conflict.kind, QStringLiteral("delete_vs_edit"));
        QVERIFY(m_b->ws().syncRecords().markResolved(conflicts.first().conflict.id, QStringLiteral("server")));
    }

    void ownConsecutiveEditsAreNotConflicts()
    {
        // Several edits and a delete made offline on one replica apply in
        // order on top of each other, not against the first base.
        const QString id = shared(QStringLiteral("Mine"), QStringLiteral("one\n"));
        QVERIFY(!id.isEmpty());
        QVERIFY(m_a->edit(id, { { "body", "one\n\ntwo\n" } }));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QVERIFY(m_a->edit(id, { { "body", "one\n\ntwo\n\nthree\n" } }));
        QVERIFY(m_a->ws().replica().setMeta(QStringLiteral("inflight_max"), QStringLiteral("999999")));
        QVERIFY(m_a->edit(id, { { "title", "Mine, renamed" } }));
        QVERIFY(m_a->remove(id));
        QCOMPARE(m_a->status().pending, 3);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QVERIFY(conflictsOf(*m_a, id).isEmpty());
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QVERIFY(!m_b->row(id));
    }

    void aClientClockADayWrongChangesNothing()
    {
        const QString id = shared(QStringLiteral("Clock"), QString());
        QVERIFY(!id.isEmpty());
        {
            // A's clock runs a day fast while it edits and syncs.
            MockClock fast(QDateTime::currentDateTimeUtc().addDays(1));
            QVERIFY(m_a->edit(id, { { "title", "A, with a clock a day ahead" } }));
            QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        }
        QVERIFY(m_b->edit(id, { { "title", "B, later at the server" } }));
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        // The server's order decides, and the server's clock stamps the row.
        QCOMPARE(fieldOf(m_a->row(id), "title"), QStringLiteral("B, later at the server"));
        const auto updated = quire::shared::Timestamp::parse(fieldOf(m_a->row(id), "updated_at"));
        QVERIFY(updated);
        QVERIFY(*updated < QDateTime::currentDateTimeUtc().addSecs(60));
        for (const auto &c : conflictsOf(*m_b, id))
            QVERIFY(m_b->ws().syncRecords().markResolved(c.conflict.id, QStringLiteral("client")));
    }

    void aSlugClashKeepsBothRowsUnderAFreeAddress()
    {
        // Both replicas make an article at the same address before either syncs.
        const auto createAt = [](SyncPeer &peer, const char *title, const char *slug) {
            auto id = peer.ws().content().create(quire::desktop::ContentStore::articles(),
                                                 { { "title", title }, { "body", "My words.\n" }, { "slug", slug } },
                                                 peer.ws().accountId());
            return id ? *id : QString();
        };
        const QString first = createAt(*m_a, "Getting started", "getting-started");
        const QString second = createAt(*m_b, "Getting started, too", "getting-started");
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        // Nothing is refused: both rows live, the second under a free address.
        for (SyncPeer *peer : { m_a.get(), m_b.get() }) {
            QCOMPARE(fieldOf(peer->row(first), "slug"), QStringLiteral("getting-started"));
            QCOMPARE(fieldOf(peer->row(second), "slug"), QStringLiteral("getting-started-2"));
            QCOMPARE(fieldOf(peer->row(second), "body"), QStringLiteral("My words.\n"));
            QCOMPARE(peer->status().rejected, 0);
        }
        // The author of the second is told which address it got instead.
        const auto notes = conflictsOf(*m_b, second);
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().conflict.kind, QStringLiteral("slug_changed"));
        QVERIFY(notes.first().conflict.clientValue == "getting-started");
        QVERIFY(notes.first().conflict.serverValue == "getting-started-2");
        QVERIFY(conflictsOf(*m_a, first).isEmpty());
        // And may choose another later, like any edit.
        QVERIFY(m_b->edit(second, { { "slug", "getting-started-again" } }));
        QVERIFY(m_b->ws().syncRecords().markResolved(notes.first().conflict.id, QStringLiteral("text")));
        QCOMPARE(m_b->sync(), SyncEngine::State::Idle);
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        QCOMPARE(fieldOf(m_a->row(second), "slug"), QStringLiteral("getting-started-again"));
        QCOMPARE(m_b->status().conflicts, 0);

        // The REST API keeps its 409 (the content stays with the caller),
        // naming a free address to retry with.
        TestHttpClient http(m_server.url(), m_server.fingerprint());
        const HttpResult login
            = http.postJson(QStringLiteral("/api/v1/auth/login"),
                            quire::shared::toJsonBytes(
                                { { "email", "alice@example.org" }, { "password", kSyncTestPassword.toStdString() } }));
        const QByteArray token = QByteArray::fromStdString(login.json().value("access_token", std::string()));
        const HttpResult created
            = http.request("POST", QStringLiteral("/api/v1/guides"),
                           quire::shared::toJsonBytes({ { "title", "Again" }, { "slug", "getting-started" } }),
                           { { "Authorization", "Bearer " + token }, { "Content-Type", "application/json" } });
        QCOMPARE(created.status, 409);
        const nlohmann::json error = created.json()["error"];
        QVERIFY2(error["code"] == "slug_taken", created.body.constData());
        QVERIFY2(error["fields"]["suggested_slug"] == "getting-started-2", created.body.constData());
    }

    void aLiveNoticeBringsTheEditWithoutAsking()
    {
        m_b->ws().startAutomaticSync();
        QTRY_VERIFY_WITH_TIMEOUT(m_b->ws().live().isConnected(), 10'000);
        const QString id = m_a->create(QStringLiteral("Live"), QStringLiteral("pushed by A\n"));
        QCOMPARE(m_a->sync(), SyncEngine::State::Idle);
        // B never calls sync(): the notice makes its engine pull.
        QTRY_VERIFY_WITH_TIMEOUT(m_b->row(id).has_value(), 10'000);
        QCOMPARE(fieldOf(m_b->row(id), "body"), QStringLiteral("pushed by A\n"));
        m_b->ws().live().stop();
    }
};

QTEST_GUILESS_MAIN(TestSyncMerge)
#include "tst_syncmerge.moc"
