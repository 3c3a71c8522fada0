// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptfetch.h"
#include "server/prompts/promptfetchusage.h"
#include "server/prompts/promptusageflusher.h"
#include "shared/database.h"
#include "tests/server/prompts/promptkeyfixture.h"
#include "tests/support/queryplan.h"
#include "tests/support/testdatabase.h"

#include <QTest>

#include <ctime>

using namespace quire::test;
using json = nlohmann::json;

// GET /api/v1/prompts/by-name/:name (server/prompts/promptfetch): by label,
// version or latest, among the key owner's prompts only, from kept answers
// that a moved label makes stale at once; each fetch counted in the usage
// history without a write per fetch.
class TestPromptFetch : public QObject
{
    Q_OBJECT
private:
    PromptKeyFixture m_fx;
    QByteArray m_key; // ann's, prompts:read
    QString m_prompt; // ann's "summarise"
    QStringList m_versions; // its versions 1, 2, 3
    QString m_production; // the production label's row

    static QString code(const HttpResult &r)
    {
        const json j = r.json();
        return j.contains("error") ? QString::fromStdString(j["error"]["code"].get<std::string>()) : QString();
    }

    static QString ownerOf(quire::shared::Database &db, const QString &prompt)
    {
        const auto owner = db.scalar(QStringLiteral("SELECT owner_id FROM prompts WHERE id = ?"), { prompt });
        return owner ? owner->toString() : QString();
    }

    // PostgreSQL plans for the rows it has, and reads the handful here
    // whole: the plan is asked with 2,000 prompts of 8 owners, each with a
    // label and a version, analysed, in a transaction the caller rolls back.
    // (ANALYZE's table sizes outlive it until the next: harmless here.)
    static quire::shared::VoidResult fillAtScale(quire::shared::Database &db)
    {
        using namespace quire::shared;
        const QString fillers[] = {
            QStringLiteral("INSERT INTO %1 (id, owner_id, name, rev) SELECT 'filler-' || g, 'owner-' || mod(g, 8), "
                           "'name-' || g, 0 FROM generate_series(1, 2000) g")
                .arg(promptsTable()),
            QStringLiteral("INSERT INTO %1 (id, prompt_id, name, version_id, owner_id, rev) SELECT 'filler-' || g, "
                           "'filler-' || g, 'label-' || mod(g, 4), 'filler-' || g, 'owner-' || mod(g, 8), 0 "
                           "FROM generate_series(1, 2000) g")
                .arg(promptLabelsTable()),
            QStringLiteral("INSERT INTO %1 (id, prompt_id, owner_id, number, created_at, rev) SELECT 'filler-' || g, "
                           "'filler-' || g, 'owner-' || mod(g, 8), '1', 'filler-' || g, 0 "
                           "FROM generate_series(1, 2000) g")
                .arg(promptVersionsTable()),
            QStringLiteral("ANALYZE %1, %2, %3").arg(promptsTable(), promptLabelsTable(), promptVersionsTable()),
        };
        for (const QString &filler : fillers) {
            if (VoidResult r = db.run(filler); !r)
                return r.error();
        }
        return quire::shared::VoidResult::success();
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.extraArgs = { QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") };
        QVERIFY2(m_fx.start(options), qPrintable(m_fx.server().errorString()));
        QVERIFY(m_fx.addUser(QStringLiteral("ann")));
        QVERIFY(m_fx.addUser(QStringLiteral("bob")));
        m_prompt = m_fx.prompt(QStringLiteral("ann"), QStringLiteral("summarise"), QStringLiteral("draft"));
        QVERIFY(!m_prompt.isEmpty());
        for (int i = 1; i <= 3; ++i) {
            const QString v
                = m_fx.version(QStringLiteral("ann"), m_prompt,
                               QStringLiteral("Summarise {{text}} in %1 lines for {{reader}}.").arg(i),
                               { { "model", "gpt-x" }, { "temperature", "0.%1" }, { "max_tokens", "256" } });
            QVERIFY(!v.isEmpty());
            m_versions << v;
            QTest::qWait(5); // arrival order is the versions' order
        }
        m_production = m_fx.label(QStringLiteral("ann"), m_prompt, QStringLiteral("production"), m_versions.at(1));
        QVERIFY(!m_production.isEmpty());
        QVERIFY(!m_fx.label(QStringLiteral("ann"), m_prompt, QStringLiteral("staging"), m_versions.at(2)).isEmpty());
        m_key = m_fx.newKey(QStringLiteral("ann"), QStringLiteral("app server"), { QStringLiteral("prompts:read") });
        QVERIFY(!m_key.isEmpty());
        // bob has a prompt of the same name: names are unique per owner.
        const QString bobs = m_fx.prompt(QStringLiteral("bob"), QStringLiteral("summarise"), QStringLiteral("bob's"));
        QVERIFY(!m_fx.version(QStringLiteral("bob"), bobs, QStringLiteral("Bob's own words.")).isEmpty());
        QVERIFY(!m_fx.prompt(QStringLiteral("bob"), QStringLiteral("bob-only"), QStringLiteral("x")).isEmpty());
    }

    void fetchesAVersion_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("label");
        QTest::newRow("production label") << QStringLiteral("label=production") << 2 << QStringLiteral("production");
        QTest::newRow("staging label") << QStringLiteral("label=staging") << 3 << QStringLiteral("staging");
        QTest::newRow("version 1") << QStringLiteral("version=1") << 1 << QString();
        QTest::newRow("version 3") << QStringLiteral("version=3") << 3 << QString();
        QTest::newRow("latest (none)") << QString() << 3 << QString();
        QTest::newRow("latest (named)") << QStringLiteral("label=latest") << 3 << QString();
    }
    void fetchesAVersion()
    {
        QFETCH(QString, query);
        QFETCH(int, version);
        QFETCH(QString, label);
        // Twice: computed, then kept; the same answer.
        for (int i = 0; i < 2; ++i) {
            const HttpResult r = m_fx.fetch(m_key, QStringLiteral("summarise"), query);
            QVERIFY2(r.status == 200, r.body.constData());
            const json j = r.json();
            QCOMPARE_JSON(j["id"], m_prompt.toStdString());
            QCOMPARE_JSON(j["name"], "summarise");
            QCOMPARE_JSON(j["version"], version);
            QCOMPARE_JSON(j["version_id"], m_versions.at(version - 1).toStdString());
            QCOMPARE_JSON(j["label"], label.isEmpty() ? json() : json(label.toStdString()));
            QCOMPARE_JSON(j["kind"], "text");
            QCOMPARE_JSON(j["content"],
                          QStringLiteral("Summarise {{text}} in %1 lines for {{reader}}.").arg(version).toStdString());
            QCOMPARE_JSON(j["variables"], json::array({ "text", "reader" }));
            QCOMPARE_JSON(j["model_settings"]["model"], "gpt-x");
            QCOMPARE_JSON(j["model_settings"]["max_tokens"], 256);
            QVERIFY(!r.header("ETag").isEmpty());
        }
    }

    // What programs call on every request must stay one indexed search:
    // the prompt by (owner_id, name), its label by (prompt_id, name), its
    // versions by prompt_id. A table read whole (or rows sorted apart for
    // an order) would grow with the number of prompts.
    void theLookupSearchesByIndexes_data()
    {
        QTest::addColumn<int>("statement");
        QTest::addColumn<QVariantList>("binds"); // the selector's, the owner, the name
        const QVariantList ownerAndName { QStringLiteral("owner"), QStringLiteral("name") };
        QTest::newRow("label") << 0 << (QVariantList { QStringLiteral("production") } + ownerAndName);
        QTest::newRow("version") << 1 << (QVariantList { QStringLiteral("1") } + ownerAndName);
        QTest::newRow("latest") << 2 << ownerAndName;
    }

    void theLookupSearchesByIndexes()
    {
        QFETCH(int, statement);
        QFETCH(QVariantList, binds);
        auto db = quire::test::TestDatabase::open(m_fx.server());
        QVERIFY(db.ok());
        const QString sql = quire::server::PromptFetch::lookupStatements().at(statement);
        const bool postgres = (*db)->engine() == quire::shared::Database::Engine::Postgres;
        if (postgres) {
            QVERIFY((*db)->run(QStringLiteral("BEGIN")));
            const auto filled = fillAtScale(**db);
            QVERIFY2(filled.ok(), qPrintable(filled.ok() ? QString() : filled.error().message));
        }
        const auto plan = QueryPlan::of(**db, sql, binds);
        if (postgres)
            QVERIFY((*db)->run(QStringLiteral("ROLLBACK")));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QVERIFY(!plan->steps().isEmpty());
        const QueryPlan::Step &first = plan->steps().first();
        QVERIFY2(first.index == QStringLiteral("prompts_author_by_name")
                     && first.columns.contains(QStringLiteral("owner_id"))
                     && first.columns.contains(QStringLiteral("name")),
                 qPrintable(plan->describe()));
        QVERIFY2(plan->costlySteps().isEmpty(), qPrintable(plan->describe()));
    }

    void anUnchangedAnswerIs304()
    {
        const HttpResult first = m_fx.fetch(m_key, QStringLiteral("summarise"), QStringLiteral("label=production"));
        const QByteArray etag = first.header("ETag");
        QVERIFY(!etag.isEmpty());
        const HttpResult again
            = m_fx.http().request("GET", QStringLiteral("/api/v1/prompts/by-name/summarise?label=production"), {},
                                  { { "Authorization", "Bearer " + m_key }, { "If-None-Match", etag } });
        QCOMPARE(again.status, 304);
    }

    void unknownThingsAre404_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("query");
        QTest::newRow("unknown name") << QStringLiteral("no-such-prompt") << QString();
        QTest::newRow("unknown label") << QStringLiteral("summarise") << QStringLiteral("label=canary");
        QTest::newRow("unknown version") << QStringLiteral("summarise") << QStringLiteral("version=9");
        QTest::newRow("another user's name") << QStringLiteral("bob-only") << QString();
    }
    void unknownThingsAre404()
    {
        QFETCH(QString, name);
        QFETCH(QString, query);
        const HttpResult r = m_fx.fetch(m_key, name, query);
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), QStringLiteral("not_found"));
    }

    void badQueriesAre400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("version zero") << QStringLiteral("version=0");
        QTest::newRow("version text") << QStringLiteral("version=two");
        QTest::newRow("label and version") << QStringLiteral("label=production&version=1");
    }
    void badQueriesAre400()
    {
        QFETCH(QString, query);
        const HttpResult r = m_fx.fetch(m_key, QStringLiteral("summarise"), query);
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("validation_failed"));
    }

    // The same name is bob's too: each key sees its owner's prompt only.
    void eachOwnerGetsTheirOwn()
    {
        const QByteArray bobsKey
            = m_fx.newKey(QStringLiteral("bob"), QStringLiteral("bob's app"), { QStringLiteral("prompts:read") });
        const HttpResult bob = m_fx.fetch(bobsKey, QStringLiteral("summarise"));
        QCOMPARE(bob.status, 200);
        QCOMPARE_JSON(bob.json()["content"], "Bob's own words.");
        QCOMPARE(m_fx.fetch(bobsKey, QStringLiteral("summarise"), QStringLiteral("label=production")).status, 404);
        QCOMPARE_JSON(m_fx.fetch(m_key, QStringLiteral("summarise")).json()["version_id"],
                      m_versions.at(2).toStdString());
    }

    // A kept answer holds only while nothing changed: the next fetch after
    // the label moved answers the new version, on every worker.
    void aMovedLabelIsAnsweredAtOnce()
    {
        for (int i = 0; i < 6; ++i)
            QCOMPARE_JSON(
                m_fx.fetch(m_key, QStringLiteral("summarise"), QStringLiteral("label=production")).json()["version"],
                2);
        QVERIFY(
            !m_fx.label(QStringLiteral("ann"), m_prompt, QStringLiteral("production"), m_versions.at(0), m_production)
                 .isEmpty());
        for (int i = 0; i < 6; ++i) {
            const json j = m_fx.fetch(m_key, QStringLiteral("summarise"), QStringLiteral("label=production")).json();
            QCOMPARE_JSON(j["version"], 1);
            QCOMPARE_JSON(j["version_id"], m_versions.at(0).toStdString());
        }
        // Back, for the tests after.
        QVERIFY(
            !m_fx.label(QStringLiteral("ann"), m_prompt, QStringLiteral("production"), m_versions.at(1), m_production)
                 .isEmpty());
    }

    void aSignedInUserMayFetchToo()
    {
        const HttpResult r
            = m_fx.fetch(m_fx.tokenOf(QStringLiteral("ann")), QStringLiteral("summarise"), QStringLiteral("version=1"));
        QCOMPARE(r.status, 200);
        QCOMPARE_JSON(r.json()["version"], 1);
    }

    // Fetches by a key are counted and written as a few usage rows (use
    // "fetched", the key's name as source, the count), which sync to the
    // owner's replicas: here read back after a restart, which flushes.
    // The variables are the template's own (shared/prompttemplate): an
    // escaped placeholder is text, and an include is no variable.
    void variablesAreReadByTheTemplateParser()
    {
        const QString id = m_fx.prompt(QStringLiteral("ann"), QStringLiteral("escaped"), QStringLiteral("x"));
        QVERIFY(!id.isEmpty());
        QVERIFY(!m_fx.version(QStringLiteral("ann"), id,
                              QStringLiteral("Hi {{who}}, \\{{literal}} {{> summarise}} {{who}}"))
                     .isEmpty());
        const HttpResult r = m_fx.fetch(m_key, QStringLiteral("escaped"));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE_JSON(r.json()["variables"], json::array({ "who" }));
    }

    // A program records its own uses with a usage:write key; a key without
    // that scope is refused.
    void programsRecordUsesWithAKey()
    {
        const QString path = QStringLiteral("/api/v1/prompts/%1/usage").arg(m_prompt);
        const QByteArray usageKey
            = m_fx.newKey(QStringLiteral("ann"), QStringLiteral("recorder"), { QStringLiteral("usage:write") });
        QVERIFY(!usageKey.isEmpty());
        HttpResult r
            = m_fx.call("POST", path, usageKey, QByteArray(R"({"use":"run","version":2,"source":"batch job"})"));
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE_JSON(r.json()["use"], "run");
        QCOMPARE_JSON(r.json()["source"], "batch job");
        r = m_fx.call("POST", path, m_key, QByteArray(R"({"use":"run"})"));
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("usage:write"));
        // Bob's key does not reach Ann's prompt.
        const QByteArray bobs
            = m_fx.newKey(QStringLiteral("bob"), QStringLiteral("bob's recorder"), { QStringLiteral("usage:write") });
        QCOMPARE(m_fx.call("POST", path, bobs, QByteArray(R"({"use":"run"})")).status, 404);
        // Signed in, as before.
        QCOMPARE(m_fx.call("POST", path, m_fx.tokenOf(QStringLiteral("ann")), QByteArray(R"({"use":"copied"})")).status,
                 201);
    }

    void fetchesAreRecordedAsUsage()
    {
        const QByteArray key
            = m_fx.newKey(QStringLiteral("ann"), QStringLiteral("usage counter"), { QStringLiteral("prompts:read") });
        for (int i = 0; i < 7; ++i)
            QCOMPARE(m_fx.fetch(key, QStringLiteral("summarise"), QStringLiteral("label=production")).status, 200);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_fx.fetch(key, QStringLiteral("summarise"), QStringLiteral("version=1")).status, 200);
        QVERIFY(m_fx.restart());
        const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/prompt-usage?per_page=100"),
                                       m_fx.tokenOf(QStringLiteral("ann")));
        QVERIFY2(r.status == 200, r.body.constData());
        QHash<QString, qint64> countByVersion;
        const json items = r.json()["items"];
        for (const json &row : items) {
            if (row["source"] != "usage counter")
                continue;
            QCOMPARE_JSON(row["use"], "fetched");
            QCOMPARE_JSON(row["prompt_id"], m_prompt.toStdString());
            countByVersion[QString::fromStdString(row["version_id"].get<std::string>())]
                += QString::fromStdString(row["count"].get<std::string>()).toLongLong();
        }
        QCOMPARE(countByVersion.size(), 2);
        QCOMPARE(countByVersion.value(m_versions.at(1)), 7);
        QCOMPARE(countByVersion.value(m_versions.at(0)), 3);
    }

    // A counted fetch the server may no longer write (its prompt deleted
    // before the flush) is dropped alone: the key's other fetches are still
    // written, not held back with it at every flush.
    void aRefusedUsageRowDoesNotHoldBackTheOthers()
    {
        const QByteArray key
            = m_fx.newKey(QStringLiteral("ann"), QStringLiteral("mixed counter"), { QStringLiteral("prompts:read") });
        QStringList ids;
        for (int i = 0; i < 8; ++i) {
            const QString name = QStringLiteral("counted-%1").arg(i);
            const QString id = m_fx.prompt(QStringLiteral("ann"), name, name);
            QVERIFY(!id.isEmpty());
            QVERIFY(!m_fx.version(QStringLiteral("ann"), id, QStringLiteral("Text %1.").arg(i)).isEmpty());
            QCOMPARE(m_fx.fetch(key, name).status, 200);
            ids << id;
        }
        // Deleted after its fetch was counted, before the flush.
        const QString doomed = ids.takeAt(3);
        const HttpResult deleted = m_fx.call("DELETE", QStringLiteral("/api/v1/prompts/%1").arg(doomed),
                                             m_fx.tokenOf(QStringLiteral("ann")));
        QVERIFY2(deleted.status == 204 || deleted.status == 200, deleted.body.constData());
        QVERIFY(m_fx.restart());
        const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/prompt-usage?per_page=100"),
                                       m_fx.tokenOf(QStringLiteral("ann")));
        QVERIFY2(r.status == 200, r.body.constData());
        QStringList written;
        const json items = r.json()["items"];
        for (const json &row : items) {
            if (row["source"] == "mixed counter")
                written << QString::fromStdString(row["prompt_id"].get<std::string>());
        }
        written.sort();
        ids.sort();
        QCOMPARE(written, ids);
    }

    // Many flushes over one UTC day leave one row per key and version: its
    // count the sum, its rev moved by every flush (so replicas receive the
    // new count). The next day starts a row of its own; a key whose owner
    // may not read the prompt writes nothing.
    void flushesOfOneDayAddUpInOneRow()
    {
        auto db = quire::test::TestDatabase::open(m_fx.server());
        QVERIFY(db);
        quire::server::Principal ann;
        ann.userId = ownerOf(**db, m_prompt);
        ann.role = quire::shared::Role::Author;
        ann.apiKeyId = QStringLiteral("day-key");
        ann.apiKeyName = QStringLiteral("day counter");
        quire::server::Principal bob = ann;
        const auto bobsId = (*db)->scalar(QStringLiteral("SELECT owner_id FROM prompts WHERE name = 'bob-only'"));
        QVERIFY(bobsId && !bobsId->toString().isEmpty());
        bob.userId = bobsId->toString();
        bob.apiKeyId = QStringLiteral("bobs-key");
        bob.apiKeyName = QStringLiteral("bob's counter");
        quire::server::PromptFetchUsage &usage = quire::server::PromptFetchUsage::instance();
        const QDateTime day(QDate(2026, 5, 6), QTime(0, 0, 5), Qt::UTC);
        const QString rows = QStringLiteral("SELECT COUNT(*), MAX(count), MAX(rev) FROM prompt_usage "
                                            "WHERE source = ? AND deleted = 0");
        qint64 lastRev = 0;
        int total = 0;
        for (int flush = 1; flush <= 5; ++flush) {
            for (int i = 0; i < flush; ++i) {
                usage.record(ann, m_prompt, m_versions.at(0));
                usage.record(bob, m_prompt, m_versions.at(0)); // ann's prompt: not bob's to read
            }
            total += flush;
            qint64 seq = 0;
            QVERIFY(usage.flush(**db, day.addSecs(flush * 4 * 3600), seq)); // up to 20:00:05 that day
            auto q = (*db)->exec(rows, { ann.apiKeyName });
            QVERIFY(q && q->next());
            QCOMPARE(q->value(0).toLongLong(), 1);
            QCOMPARE(q->value(1).toLongLong(), total);
            QCOMPARE(q->value(2).toLongLong(), seq);
            QVERIFY(seq > lastRev);
            lastRev = seq;
        }
        auto refused = (*db)->exec(rows, { bob.apiKeyName });
        QVERIFY(refused && refused->next());
        QCOMPARE(refused->value(0).toLongLong(), 0);
        usage.record(ann, m_prompt, m_versions.at(0));
        qint64 seq = 0;
        QVERIFY(usage.flush(**db, day.addDays(1), seq));
        auto q = (*db)->exec(QStringLiteral("SELECT count FROM prompt_usage WHERE source = ? AND deleted = 0 "
                                            "ORDER BY created_at"),
                             { ann.apiKeyName });
        QVERIFY(q);
        QStringList counts;
        while (q->next())
            counts << q->value(0).toString();
        QCOMPARE(counts, QStringList({ QString::number(total), QStringLiteral("1") }));
    }

    // The same through the server: fetches flushed at two stops of the
    // server (each stop flushes) end in one row per version that day.
    void fetchesFlushedTwiceShareTheDayRow()
    {
        const QByteArray key
            = m_fx.newKey(QStringLiteral("ann"), QStringLiteral("twice flushed"), { QStringLiteral("prompts:read") });
        const QDate started = QDateTime::currentDateTimeUtc().date();
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < 3; ++i)
                QCOMPARE(m_fx.fetch(key, QStringLiteral("summarise"), QStringLiteral("version=2")).status, 200);
            QVERIFY(m_fx.restart());
        }
        if (QDateTime::currentDateTimeUtc().date() != started)
            QSKIP("the UTC day changed between the flushes: two rows are right");
        const HttpResult r = m_fx.call("GET", QStringLiteral("/api/v1/prompt-usage?per_page=100"),
                                       m_fx.tokenOf(QStringLiteral("ann")));
        QVERIFY2(r.status == 200, r.body.constData());
        QStringList counts;
        const json items = r.json()["items"];
        for (const json &row : items) {
            if (row["source"] == "twice flushed")
                counts << QString::fromStdString(row["count"].get<std::string>());
        }
        QCOMPARE(counts, QStringList { QStringLiteral("6") });
    }

    // A flush that takes long makes the next pause longer, within bounds:
    // the flushing thread's share stays at most a quarter, and the counts of
    // a longer pause add up in memory.
    void aSlowFlushWaitsLonger_data()
    {
        QTest::addColumn<qint64>("tookMs");
        QTest::addColumn<int>("pauseMs");
        QTest::newRow("quick") << qint64(40) << 10'000;
        QTest::newRow("slow") << qint64(5'000) << 20'000;
        QTest::newRow("very slow") << qint64(100'000) << 60'000;
    }

    void aSlowFlushWaitsLonger()
    {
        QFETCH(qint64, tookMs);
        QFETCH(int, pauseMs);
        QCOMPARE(quire::server::PromptUsageFlusher::nextIntervalMs(tookMs), pauseMs);
    }

    // Not a check of speed (nothing here asserts a time): prints the CPU
    // time the flush takes per usage row for many distinct keys, written
    // first and then updated, and checks that every one was written.
    void flushCostPerRow()
    {
        auto db = quire::test::TestDatabase::open(m_fx.server());
        QVERIFY(db);
        const int rows
            = qEnvironmentVariableIsSet("QUIRE_USAGE_ROWS") ? qEnvironmentVariableIntValue("QUIRE_USAGE_ROWS") : 2000;
        quire::server::Principal who;
        who.userId = ownerOf(**db, m_prompt);
        who.role = quire::shared::Role::Author;
        who.apiKeyName = QStringLiteral("bench");
        quire::server::PromptFetchUsage &usage = quire::server::PromptFetchUsage::instance();
        for (int round = 0; round < 2; ++round) {
            for (int i = 0; i < rows; ++i) {
                who.apiKeyId = QStringLiteral("bench-key-%1").arg(i);
                usage.record(who, m_prompt, m_versions.at(i % m_versions.size()));
            }
            timespec before {}, after {};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before);
            qint64 seq = 0;
            QVERIFY(usage.flush(**db, seq));
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after);
            const double ms = double(after.tv_sec - before.tv_sec) * 1e3 + double(after.tv_nsec - before.tv_nsec) / 1e6;
            qInfo("usage flush, %s %d rows: %.1f ms CPU, %.4f ms per row", round == 0 ? "new" : "updated", rows, ms,
                  ms / rows);
        }
        const auto written
            = (*db)->scalar(QStringLiteral("SELECT COUNT(*) FROM prompt_usage WHERE source = 'bench' AND deleted = 0"));
        QVERIFY(written);
        QVERIFY(written->toLongLong() >= rows);
    }
};

QTEST_GUILESS_MAIN(TestPromptFetch)
#include "tst_promptfetch.moc"
