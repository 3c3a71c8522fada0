// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptfetch.h"
#include "shared/database.h"
#include "tests/server/prompts/promptkeyfixture.h"

#include <QTest>

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
    // versions by prompt_id. A SCAN of a table (or a temporary B-tree for
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
        auto db = quire::shared::Database::openSqlite(m_fx.server().dataDir() + QStringLiteral("/quire.db"));
        QVERIFY(db.ok());
        const QString sql = quire::server::PromptFetch::lookupStatements().at(statement);
        auto plan = (*db)->exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, binds);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QStringList steps;
        while (plan->next())
            steps << plan->value(3).toString();
        QVERIFY(!steps.isEmpty());
        QVERIFY2(steps.first().contains(QStringLiteral("prompts_author_by_name (owner_id=? AND name=?)")),
                 qPrintable(steps.join(QLatin1Char('\n'))));
        for (const QString &step : steps) {
            QVERIFY2(!step.startsWith(QStringLiteral("SCAN")) && !step.contains(QStringLiteral("TEMP B-TREE")),
                     qPrintable(steps.join(QLatin1Char('\n'))));
        }
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
};

QTEST_GUILESS_MAIN(TestPromptFetch)
#include "tst_promptfetch.moc"
