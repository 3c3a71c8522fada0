// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/postlistmodel.h"
#include "desktop/scheduler/core/postquery.h"
#include "desktop/scheduler/core/poststore.h"
#include "desktop/scheduler/core/schedulerlabels.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "shared/database.h"
#include "shared/schedulertables.h"
#include "tests/desktop/localreplica.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace quire;
using desktop::DestinationDraft;
using desktop::PostDraft;
using shared::PostStatus;

// The scheduler's stores over a bare replica: clients and platforms, a
// post saved with its destinations in one transaction (all or nothing),
// scheduling refused while a text is over its network's limit, the queue
// with its filters and destinations' statuses, and deletions that take
// the rows hanging off along.
class TestSchedulerStore : public QObject
{
    Q_OBJECT
private:
    test::LocalReplica m_local;
    std::unique_ptr<desktop::SchedulerStore> m_store;
    std::unique_ptr<desktop::PostStore> m_posts;
    const QString m_me = QStringLiteral("0190f2a4-0000-7000-8000-000000000001");
    QString m_ada, m_bob, m_mastodon, m_bluesky, m_bobsHook;

    int count(const QString &table, const QString &where = QStringLiteral("1 = 1"), const QVariantList &binds = {})
    {
        auto q = m_local.database().exec(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, where), binds);
        return q && q->next() ? q->value(0).toInt() : -1;
    }
    int outbox() { return count(QStringLiteral("outbox")); }
    PostDraft draftFor(const QString &client, const QStringList &platforms)
    {
        PostDraft d;
        d.clientId = client;
        d.title = QStringLiteral("Launch");
        d.body = QStringLiteral("We launch today");
        d.timeZone = QStringLiteral("Europe/Berlin");
        d.scheduledAt = QDateTime(QDate(2030, 6, 1), QTime(14, 30), QTimeZone("Europe/Berlin")).toUTC();
        for (const QString &p : platforms) {
            DestinationDraft destination;
            destination.platformId = p;
            d.destinations.append(destination);
        }
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_local.open());
        m_store = std::make_unique<desktop::SchedulerStore>(*m_local.content, m_local.database());
        m_posts = std::make_unique<desktop::PostStore>(*m_store);
    }

    void clientsAndPlatforms()
    {
        auto ada = m_store->createClient({ { "name", "Ada" }, { "time_zone", "Europe/Berlin" } }, m_me);
        QVERIFY2(ada, ada ? "" : qPrintable(ada.error().message));
        m_ada = *ada;
        auto bob = m_store->createClient({ { "name", "bob" } }, m_me);
        QVERIFY(bob);
        m_bob = *bob;
        auto missingName = m_store->createClient({ { "handle", "@x" } }, m_me);
        QVERIFY(!missingName);
        QVERIFY(missingName.error().fields.contains(QStringLiteral("name")));
        auto clients = m_store->listClients();
        QVERIFY(clients);
        QCOMPARE(clients->size(), 2);
        QCOMPARE(clients->at(0).name, QStringLiteral("Ada")); // by name, case aside
        QCOMPARE(clients->at(0).timeZone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(clients->at(1).timeZone, QStringLiteral("UTC")); // the declared default

        auto mastodon = m_store->createPlatform(
            { { "client_id", m_ada.toStdString() }, { "kind", "mastodon" }, { "display_name", "Mastodon" } }, m_me);
        QVERIFY(mastodon);
        m_mastodon = *mastodon;
        auto bluesky = m_store->createPlatform(
            { { "client_id", m_ada.toStdString() }, { "kind", "bluesky" }, { "display_name", "Bluesky" } }, m_me);
        QVERIFY(bluesky);
        m_bluesky = *bluesky;
        auto hook = m_store->createPlatform({ { "client_id", m_bob.toStdString() },
                                              { "display_name", "Hook" },
                                              { "settings", R"({"max_length": 40})" } },
                                            m_me);
        QVERIFY(hook);
        m_bobsHook = *hook;
        auto unknownKind = m_store->createPlatform(
            { { "client_id", m_ada.toStdString() }, { "kind", "myspace" }, { "display_name", "X" } }, m_me);
        QVERIFY(!unknownKind);

        auto adas = m_store->platformsOf(m_ada);
        QVERIFY(adas);
        QCOMPARE(adas->size(), 2);
        QCOMPARE(adas->at(0).displayName, QStringLiteral("Bluesky"));
        QCOMPARE(adas->at(0).kind, shared::PlatformKind::Bluesky);
        QVERIFY(!adas->at(0).hasCredential());
        auto hookRow = m_store->platform(m_bobsHook);
        QVERIFY(hookRow && *hookRow);
        QCOMPARE((*hookRow)->settings.value("max_length", 0), 40);
        QCOMPARE((*hookRow)->kind, shared::PlatformKind::Webhook);

        QVERIFY(m_store->updateClient(m_bob, { { "name", "Bob" } }));
        QCOMPARE((*m_store->client(m_bob))->name, QStringLiteral("Bob"));
    }

    void aPostAndItsDestinationsAreSavedTogether()
    {
        const int queuedBefore = outbox();
        QSignalSpy changed(m_local.content.get(), &desktop::ContentStore::changed);
        PostDraft draft = draftFor(m_ada, { m_mastodon, m_bluesky });
        draft.destinations[1].text = QStringLiteral("Short for Bluesky");
        auto id = m_posts->save(draft, m_me);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        QCOMPARE(draft.id, *id);
        QVERIFY(!draft.destinations[0].id.isEmpty());
        QCOMPARE(outbox(), queuedBefore + 3);
        QCOMPARE(changed.size(), 3); // after the one commit

        auto loaded = m_posts->load(*id);
        QVERIFY(loaded && *loaded);
        QCOMPARE((*loaded)->destinations.size(), 2);
        QCOMPARE((*loaded)->destinations[0].platformId, m_mastodon);
        QVERIFY((*loaded)->destinations[0].text.isEmpty()); // follows the body
        QCOMPARE((*loaded)->textFor((*loaded)->destinations[1]), QStringLiteral("Short for Bluesky"));
        QCOMPARE((*loaded)->scheduledAt, QDateTime(QDate(2030, 6, 1), QTime(12, 30), QTimeZone::utc()));
        QCOMPARE((*loaded)->status, PostStatus::Draft);

        // A destination that cannot be saved keeps the post from being saved.
        PostDraft broken = draftFor(m_ada, { m_mastodon, QString() });
        const int posts = count(shared::postsTable());
        QVERIFY(!m_posts->save(broken, m_me));
        QCOMPARE(count(shared::postsTable()), posts);
        QCOMPARE(outbox(), queuedBefore + 3);
        QVERIFY(broken.id.isEmpty());
    }

    void destinationsFollowTheDraft()
    {
        PostDraft draft = draftFor(m_ada, { m_mastodon, m_bluesky });
        QVERIFY(m_posts->save(draft, m_me));
        const QString blueskyDestination = draft.destinations[1].id;
        // Dropped: deleted; the other edited in place.
        draft.destinations.removeAt(1);
        draft.destinations[0].text = QStringLiteral("Own text");
        const QString mastodonDestination = draft.destinations[0].id;
        QVERIFY(m_posts->save(draft, m_me));
        auto loaded = m_posts->load(draft.id);
        QCOMPARE((*loaded)->destinations.size(), 1);
        QCOMPARE((*loaded)->destinations[0].id, mastodonDestination);
        QCOMPARE((*loaded)->destinations[0].text, QStringLiteral("Own text"));
        QCOMPARE(count(shared::postDestinationsTable(), QStringLiteral("id = ?"), { blueskyDestination }), 0);
        // Another platform is another destination (the server keeps a destination's platform).
        draft.destinations[0].platformId = m_bluesky;
        QVERIFY(m_posts->save(draft, m_me));
        loaded = m_posts->load(draft.id);
        QCOMPARE((*loaded)->destinations.size(), 1);
        QVERIFY((*loaded)->destinations[0].id != mastodonDestination);
        QCOMPARE((*loaded)->destinations[0].platformId, m_bluesky);
        QVERIFY(m_posts->remove(draft.id));
        QCOMPARE(count(shared::postDestinationsTable(), QStringLiteral("post_id = ?"), { draft.id }), 0);
    }

    void schedulingWaitsForTextsThatFit_data()
    {
        QTest::addColumn<QString>("blueskyText");
        QTest::addColumn<bool>("schedules");
        QTest::newRow("fits") << QStringLiteral("\U0001F44D\U0001F3FD").repeated(300) << true;
        QTest::newRow("one grapheme over") << QStringLiteral("e\u0301").repeated(301) << false;
        QTest::newRow("only spaces") << QStringLiteral("   ") << false;
    }
    void schedulingWaitsForTextsThatFit()
    {
        QFETCH(QString, blueskyText);
        QFETCH(bool, schedules);
        PostDraft draft = draftFor(m_ada, { m_mastodon, m_bluesky });
        draft.destinations[1].text = blueskyText;
        QVERIFY(m_posts->save(draft, m_me));
        auto scheduled = m_posts->schedule(draft, m_me);
        QCOMPARE(bool(scheduled), schedules);
        auto loaded = m_posts->load(draft.id);
        QCOMPARE((*loaded)->status, schedules ? PostStatus::Scheduled : PostStatus::Draft);
        if (!schedules) {
            QVERIFY(scheduled.error().message.contains(QStringLiteral("Bluesky")));
            QCOMPARE(draft.status, PostStatus::Draft);
        }
        QVERIFY(m_posts->remove(draft.id));
    }

    void schedulingNeedsATimeAPlatformOfTheClientAndADestination()
    {
        PostDraft none = draftFor(m_ada, {});
        none.scheduledAt = {};
        QCOMPARE(m_posts->schedulingProblems(none).size(), 2);
        PostDraft otherClients = draftFor(m_ada, { m_bobsHook });
        QCOMPARE(m_posts->schedulingProblems(otherClients).size(), 1);
        // The webhook's own limit (40) counts too.
        PostDraft bobs = draftFor(m_bob, { m_bobsHook });
        bobs.body = QString(41, QLatin1Char('x'));
        QCOMPARE(m_posts->schedulingProblems(bobs).size(), 1);
        bobs.body.chop(1);
        QVERIFY(m_posts->schedulingProblems(bobs).isEmpty());
    }

    void theQueueFiltersAndShowsDestinations()
    {
        PostDraft later = draftFor(m_ada, { m_mastodon, m_bluesky });
        later.title = QStringLiteral("Later");
        later.scheduledAt = later.scheduledAt.addDays(1);
        QVERIFY(m_posts->schedule(later, m_me));
        PostDraft sooner = draftFor(m_bob, { m_bobsHook });
        sooner.title = QStringLiteral("Sooner");
        sooner.scheduledAt = sooner.scheduledAt.addSecs(-3600);
        QVERIFY(m_posts->schedule(sooner, m_me));
        // The publisher's word arrives by sync; written here as the pull would.
        QVERIFY(m_local.database().exec(QStringLiteral("UPDATE %1 SET status = 'failed', last_error = 'HTTP 502' "
                                                       "WHERE id = ?")
                                            .arg(shared::postDestinationsTable()),
                                        { later.destinations[1].id }));
        PostDraft untimed = draftFor(m_bob, {});
        untimed.title = QStringLiteral("Someday");
        untimed.scheduledAt = {};
        QVERIFY(m_posts->save(untimed, m_me));

        desktop::PostQuery query;
        auto all = query.run(m_local.database());
        QVERIFY(all);
        QStringList titles;
        for (const desktop::PostSummary &p : *all)
            titles << p.title;
        // Soonest first, the one without a time last.
        QCOMPARE(titles,
                 QStringList({ QStringLiteral("Sooner"), QStringLiteral("Launch"), QStringLiteral("Later"),
                               QStringLiteral("Someday") }));
        query.clientId = m_ada;
        query.status = PostStatus::Scheduled;
        auto adas = query.run(m_local.database());
        QVERIFY(adas);
        QCOMPARE(adas->size(), 1);
        const desktop::PostSummary &p = adas->first();
        QCOMPARE(p.clientName, QStringLiteral("Ada"));
        QCOMPARE(p.destinations.size(), 2);
        QCOMPARE(p.destinations[1].status, shared::DestinationStatus::Failed);
        QCOMPARE(p.destinations[1].lastError, QStringLiteral("HTTP 502"));
        QCOMPARE(p.destinations[1].platformName, QStringLiteral("Bluesky"));

        desktop::PostListModel model(m_local.database());
        model.query() = query;
        QVERIFY(model.refresh().isEmpty());
        const QString status = model.index(0, desktop::PostListModel::Status).data().toString();
        QVERIFY2(status.contains(QStringLiteral("✗ Bluesky")), qPrintable(status));
        QVERIFY(model.index(0, 0).data(desktop::PostListModel::FailedRole).toBool());
        // Shown in the post's zone: 14:30 in Berlin.
        const QString when = model.index(0, desktop::PostListModel::Scheduled).data().toString();
        // The zone by its city; the tooltip names it whole.
        QVERIFY2(when.contains(QStringLiteral("(Berlin)")) || QTimeZone::systemTimeZoneId() == "Europe/Berlin",
                 qPrintable(when));
        QVERIFY(!when.contains(QStringLiteral("Europe/")));
        const QString exact = model.index(0, desktop::PostListModel::Scheduled).data(Qt::ToolTipRole).toString();
        QVERIFY2(exact.contains(QStringLiteral("Europe/Berlin")), qPrintable(exact));
        QVERIFY2(when.contains(QStringLiteral("2:30")) || when.contains(QStringLiteral("14:30")), qPrintable(when));
    }

    // The server's pre-flight findings arrive by sync and show on a waiting
    // destination, in the queue and the composer's draft; once the post went
    // out they no longer matter.
    void preflightFindingsShowWhileThereIsTime()
    {
        PostDraft draft = draftFor(m_ada, { m_mastodon, m_bluesky });
        draft.title = QStringLiteral("Checked");
        draft.scheduledAt = draft.scheduledAt.addDays(3);
        QVERIFY(m_posts->schedule(draft, m_me));
        const QString finding = QStringLiteral("unauthorized: The access token was revoked");
        QVERIFY(
            m_local.database().exec(QStringLiteral("UPDATE %1 SET preflight = ?, preflight_at = ? WHERE id = ?")
                                        .arg(shared::postDestinationsTable()),
                                    { finding, QStringLiteral("2026-12-07T10:00:00.000Z"), draft.destinations[0].id }));
        auto loaded = m_posts->load(draft.id);
        QVERIFY(loaded && *loaded);
        QCOMPARE((*loaded)->destinations[0].preflight, finding);
        QVERIFY((*loaded)->destinations[1].preflight.isEmpty());

        desktop::PostQuery query;
        query.clientId = m_ada;
        desktop::PostListModel model(m_local.database());
        model.query() = query;
        QVERIFY(model.refresh().isEmpty());
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, desktop::PostListModel::Title).data().toString() == QStringLiteral("Checked"))
                row = r;
        }
        QVERIFY(row >= 0);
        QVERIFY(model.index(row, 0).data(desktop::PostListModel::AttentionRole).toBool());
        const QString status = model.index(row, desktop::PostListModel::Status).data().toString();
        QVERIFY2(status.contains(QStringLiteral("⚠ ")), qPrintable(status));
        const QString tip = model.index(row, desktop::PostListModel::Status).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(finding), qPrintable(tip));

        // Published after all: the finding is history, not a warning.
        QVERIFY(m_local.database().exec(
            QStringLiteral("UPDATE %1 SET status = 'published' WHERE id = ?").arg(shared::postDestinationsTable()),
            { draft.destinations[0].id }));
        QVERIFY(model.refresh().isEmpty());
        QVERIFY(!model.index(row, 0).data(desktop::PostListModel::AttentionRole).toBool());
    }

    // Lists and tabs name a platform once: "Mastodon · Mastodon" says nothing twice.
    void platformNamesSayTheNetworkOnce_data()
    {
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("own name") << QStringLiteral("Northwind") << QStringLiteral("Northwind · Mastodon");
        QTest::newRow("the network's name") << QStringLiteral("Mastodon") << QStringLiteral("Mastodon");
        QTest::newRow("other case, spaces") << QStringLiteral(" mastodon ") << QStringLiteral("Mastodon");
        QTest::newRow("empty") << QString() << QStringLiteral("Mastodon");
    }

    void platformNamesSayTheNetworkOnce()
    {
        QFETCH(QString, displayName);
        QFETCH(QString, expected);
        QCOMPARE(quire::desktop::SchedulerLabels::platformName(displayName, quire::shared::PlatformKind::Mastodon),
                 expected);
    }

    void removingAClientTakesItsRowsAlong()
    {
        QVERIFY(count(shared::postsTable(), QStringLiteral("client_id = ?"), { m_ada }) > 0);
        QVERIFY(m_store->removeClient(m_ada));
        for (const QString &table : { shared::postsTable(), shared::platformsTable() })
            QCOMPARE(count(table, QStringLiteral("client_id = ?"), { m_ada }), 0);
        QCOMPARE(
            count(shared::postDestinationsTable(), QStringLiteral("platform_id IN (?, ?)"), { m_mastodon, m_bluesky }),
            0);
        QCOMPARE(count(shared::clientsTable()), 1);
        // Bob's platform goes with its destinations, the post stays.
        QVERIFY(m_store->removePlatform(m_bobsHook));
        QCOMPARE(count(shared::postDestinationsTable()), 0);
        QVERIFY(count(shared::postsTable(), QStringLiteral("client_id = ?"), { m_bob }) > 0);
    }
};

QTEST_GUILESS_MAIN(TestSchedulerStore)
#include "tst_schedulerstore.moc"
