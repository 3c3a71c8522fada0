// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler's metrics over the real server (TLS): engagement (seeded as
// the server's fetcher writes it) and financial entries (through the API
// and CSV import) summed per day, ISO week and month, per client and
// platform and never across currencies; the filters; JSON and CSV (checked
// byte for byte, quoting and the formula guard included); an import that
// names every bad line and writes nothing; field errors for bad dates and
// ranges; the role matrix's read_metrics and schedule_posts; and another
// creator's clients, platforms and entries neither named nor seen (IDOR);
// the entries listed one by one with their ids, paged by cursor.
#include "server/scheduler/metricsstore.h"
#include "tests/server/scheduler/schedulerapifixture.h"
#include "tests/support/testdatabase.h"

#include <QTest>

using nlohmann::json;
using quire::server::MetricsStore;
using quire::test::HttpResult;

class TestMetricsApi : public quire::test::SchedulerApiFixture
{
    Q_OBJECT

    QString m_client, m_mastodon, m_bluesky, m_post, m_toMastodon, m_toBluesky;
    QString m_otherClient, m_shop; // a client and platform with names a spreadsheet would run
    QString m_strangerClient, m_strangerPlatform;

    HttpResult get(const QString &pathAndQuery, const QByteArray &token,
                   const QList<QPair<QByteArray, QByteArray>> &extra = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Authorization", "Bearer " + token } };
        headers += extra;
        return m_fx.http().request("GET", QStringLiteral("/api/v1/metrics/") + pathAndQuery, {}, headers);
    }

    HttpResult importCsv(const QByteArray &token, const QByteArray &csv, const QByteArray &type = "text/csv")
    {
        return m_fx.http().request("POST", QStringLiteral("/api/v1/metrics/financial/import"), csv,
                                   { { "Authorization", "Bearer " + token }, { "Content-Type", type } });
    }

    HttpResult enter(const QByteArray &token, const QString &client, const QString &platform, const char *day,
                     const char *currency, const char *revenue, const char *payouts)
    {
        return post(QStringLiteral("metrics/financial"), token,
                    { { "client_id", client.toStdString() },
                      { "platform_id", platform.toStdString() },
                      { "day", day },
                      { "currency", currency },
                      { "revenue", revenue },
                      { "payouts", payouts } });
    }

    // What a network reported for a destination, stored as the fetcher does.
    bool record(const QString &destination, const char *day, qint64 impressions)
    {
        auto db = quire::test::TestDatabase::open(m_fx.server());
        if (!db)
            return false;
        MetricsStore store(**db);
        const auto done = store.recordEngagement(destination, QDate::fromString(QLatin1String(day), Qt::ISODate),
                                                 { impressions, impressions / 10, 1, 0, 2 });
        if (!done)
            qWarning("%s", qPrintable(done.error().message));
        return done.ok();
    }

    static QStringList strings(std::initializer_list<const char *> items)
    {
        QStringList out;
        for (const char *item : items)
            out << QString::fromUtf8(item);
        return out;
    }

    // The items of a report as "period|platform name|value[|currency]" lines.
    static QStringList linesOf(const HttpResult &r, const char *value)
    {
        QStringList out;
        const json body = r.json();
        for (const json &item : body["items"]) {
            QString line = text(item, "period") + QLatin1Char('|') + text(item, "platform_name") + QLatin1Char('|');
            line += item[value].is_string() ? text(item, value) : QString::number(item[value].get<qint64>());
            if (item.contains("currency"))
                line += QLatin1Char('|') + text(item, "currency");
            out << line;
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(startWithCreators());
        m_client = makeClient(m_creator, QStringLiteral("Ada"));
        m_mastodon = makePlatform(m_creator, m_client, "mastodon");
        m_bluesky = makePlatform(m_creator, m_client, "bluesky");
        const HttpResult made = post(QStringLiteral("posts"), m_creator,
                                     { { "client_id", m_client.toStdString() },
                                       { "body", "Hello" },
                                       { "destinations",
                                         { { { "platform_id", m_mastodon.toStdString() } },
                                           { { "platform_id", m_bluesky.toStdString() } } } } });
        QCOMPARE(made.status, 201);
        m_post = text(made.json(), "id");
        const json post = made.json();
        for (const json &d : post["destinations"])
            (text(d, "platform_id") == m_mastodon ? m_toMastodon : m_toBluesky) = text(d, "id");
        QVERIFY(!m_toMastodon.isEmpty() && !m_toBluesky.isEmpty());

        m_otherClient = makeClient(m_creator, QStringLiteral("=HYPERLINK(\"x\")"));
        m_shop = make(QStringLiteral("platforms"), m_creator,
                      { { "client_id", m_otherClient.toStdString() },
                        { "kind", "webhook" },
                        { "display_name", "Shop, \"main\"" } });
        m_strangerClient = makeClient(m_stranger, QStringLiteral("Stranger"));
        m_strangerPlatform = makePlatform(m_stranger, m_strangerClient);
        QVERIFY(!m_shop.isEmpty() && !m_strangerPlatform.isEmpty());

        // Monday 29 January 2024 starts ISO week 5; 1 February is in it too.
        QVERIFY(record(m_toMastodon, "2024-01-29", 10));
        QVERIFY(record(m_toMastodon, "2024-01-31", 99));
        QVERIFY(record(m_toMastodon, "2024-01-31", 20)); // a later fetch replaces the day
        QVERIFY(record(m_toMastodon, "2024-02-01", 5));
        QVERIFY(record(m_toMastodon, "2024-02-05", 7));
        QVERIFY(record(m_toBluesky, "2024-01-30", 100));
    }

    void engagementGroups_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("day") << QStringLiteral("day")
                             << strings({ "2024-01-29|On mastodon|10", "2024-01-30|On bluesky|100",
                                          "2024-01-31|On mastodon|20", "2024-02-01|On mastodon|5",
                                          "2024-02-05|On mastodon|7" });
        QTest::newRow("week") << QStringLiteral(
            "week") << strings({ "2024-W05|On bluesky|100", "2024-W05|On mastodon|35", "2024-W06|On mastodon|7" });
        QTest::newRow("month") << QStringLiteral(
            "month") << strings({ "2024-01|On bluesky|100", "2024-01|On mastodon|30", "2024-02|On mastodon|12" });
    }
    void engagementGroups()
    {
        QFETCH(QString, group);
        QFETCH(QStringList, lines);
        const HttpResult r = get(QStringLiteral("engagement?from=2024-01-01&to=2024-02-29&group=") + group, m_creator);
        QCOMPARE(r.status, 200);
        QCOMPARE(linesOf(r, "impressions"), lines);
        QCOMPARE(text(r.json(), "group"), group);
        if (group == QLatin1String("week")) {
            // Each count sums on its own: likes 1 + 2 + 0, comments 1 a day.
            const json week = r.json()["items"][1];
            QCOMPARE(text(week, "client_name"), QStringLiteral("Ada"));
            QCOMPARE(text(week, "period_start"), QStringLiteral("2024-01-29"));
            QCOMPARE(week["likes"].get<qint64>(), 3);
            QCOMPARE(week["comments"].get<qint64>(), 3);
            QCOMPARE(week["clicks"].get<qint64>(), 6);
        }
    }

    void engagementFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("platform") << QStringLiteral("platform_id=") + m_bluesky
                                  << strings({ "2024-01|On bluesky|100" });
        QTest::newRow("post") << QStringLiteral("post_id=") + m_post
                              << strings({ "2024-01|On bluesky|100", "2024-01|On mastodon|30" });
        QTest::newRow("client") << QStringLiteral("client_id=") + m_client
                                << strings({ "2024-01|On bluesky|100", "2024-01|On mastodon|30" });
        QTest::newRow("another client of mine") << QStringLiteral("client_id=") + m_otherClient << QStringList {};
        QTest::newRow("range ends a day early") << QStringLiteral("from=2024-01-01&to=2024-01-30")
                                                << strings({ "2024-01|On bluesky|100", "2024-01|On mastodon|10" });
    }
    void engagementFilters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, lines);
        QString path = QStringLiteral("engagement?group=month&") + query;
        if (!query.contains(QLatin1String("from=")))
            path += QStringLiteral("&from=2024-01-01&to=2024-01-31");
        const HttpResult r = get(path, m_creator);
        QCOMPARE(r.status, 200);
        QCOMPARE(linesOf(r, "impressions"), lines);
    }

    // Another creator's numbers are not seen, and their rows cannot be named.
    void anotherUsersMetricsAreNotFound()
    {
        const HttpResult mine = get(QStringLiteral("engagement?from=2024-01-01&to=2024-02-29"), m_stranger);
        QCOMPARE(mine.status, 200);
        QVERIFY(mine.json()["items"].empty());
        for (const QString &filter :
             { QStringLiteral("client_id=") + m_client, QStringLiteral("platform_id=") + m_mastodon,
               QStringLiteral("post_id=") + m_post, QStringLiteral("client_id=nonsense") })
            QCOMPARE(get(QStringLiteral("engagement?") + filter, m_stranger).status, 404);
        QCOMPARE(get(QStringLiteral("financial?client_id=") + m_client, m_stranger).status, 404);

        const HttpResult entered = enter(m_creator, m_client, m_mastodon, "2023-06-01", "EUR", "1.00", "0");
        QCOMPARE(entered.status, 201);
        const QString id = text(entered.json(), "id");
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/metrics/financial/") + id, m_stranger).status, 404);
        const HttpResult borrowed = enter(m_stranger, m_client, m_mastodon, "2023-06-01", "EUR", "1.00", "0");
        QCOMPARE(borrowed.status, 400);
        QVERIFY2(errorFields(borrowed).contains(QStringLiteral("client_id")), borrowed.body.constData());
        const HttpResult mixed = enter(m_stranger, m_strangerClient, m_mastodon, "2023-06-01", "EUR", "1", "0");
        QCOMPARE(mixed.status, 400);
        QVERIFY2(errorFields(mixed).contains(QStringLiteral("platform_id")), mixed.body.constData());
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/metrics/financial/") + id, m_creator).status, 204);
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/metrics/financial/") + id, m_creator).status, 404);
    }

    // read_metrics to read, schedule_posts to write: creators, editors and
    // admins; not authors or readers.
    void roleMatrix_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("admin") << QStringLiteral("admin") << true;
        QTest::newRow("editor") << QStringLiteral("editor") << true;
        QTest::newRow("creator") << QStringLiteral("creator") << true;
        QTest::newRow("author") << QStringLiteral("author") << false;
        QTest::newRow("reader") << QStringLiteral("reader") << false;
    }
    void roleMatrix()
    {
        QFETCH(QString, role);
        QFETCH(bool, allowed);
        const QByteArray token = tokenOf(role);
        QCOMPARE(get(QStringLiteral("engagement"), token).status, allowed ? 200 : 403);
        QCOMPARE(get(QStringLiteral("financial?format=csv"), token).status, allowed ? 200 : 403);
        // Allowed roles other than the owner do not know the creator's client.
        const HttpResult entered = enter(token, m_client, m_mastodon, "2023-07-01", "EUR", "1.00", "0.00");
        QCOMPARE(entered.status, !allowed ? 403 : role == QLatin1String("creator") ? 201 : 400);
        const QByteArray csv = "date,client_id,platform_id,revenue,payouts,currency\r\n";
        QCOMPARE(importCsv(token, csv).status, allowed ? 200 : 403);
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/metrics/financial/x"), token).status, allowed ? 404 : 403);
    }

    // The entries one by one with their ids, page after page by cursor,
    // filtered like the reports; another creator's are not listed.
    void listsEntriesWithIds()
    {
        QStringList made;
        for (const char *day : { "2024-08-03", "2024-08-01", "2024-08-02" }) {
            const HttpResult r = enter(m_creator, m_client, m_bluesky, day, "EUR", "2.00", "0.10");
            QCOMPARE(r.status, 201);
            made << text(r.json(), "id");
        }
        QCOMPARE(enter(m_creator, m_otherClient, m_shop, "2024-08-02", "USD", "1", "0").status, 201);
        const QString range = QStringLiteral("financial/entries?from=2024-08-01&to=2024-08-31&client_id=") + m_client;

        const HttpResult first = get(range + QStringLiteral("&per_page=2"), m_creator);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json()["items"].size(), size_t(2));
        QCOMPARE(text(first.json()["items"][0], "id"), made[1]); // 1 August first
        QCOMPARE(text(first.json()["items"][0], "revenue"), QStringLiteral("2.00"));
        QCOMPARE(first.json()["items"][0]["payouts_minor"].get<qint64>(), 10);
        QCOMPARE(text(first.json()["items"][1], "id"), made[2]);
        const QString cursor = text(first.json(), "next_cursor");
        QVERIFY(!cursor.isEmpty());

        const HttpResult second = get(range + QStringLiteral("&per_page=2&cursor=") + cursor, m_creator);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json()["items"].size(), size_t(1));
        QCOMPARE(text(second.json()["items"][0], "id"), made[0]);
        QVERIFY(second.json()["next_cursor"].is_null());

        // The id listed is the one a client deletes by.
        QCOMPARE(m_fx.call("DELETE", QStringLiteral("/api/v1/metrics/financial/") + made[0], m_creator).status, 204);
        QCOMPARE(get(range, m_creator).json()["items"].size(), size_t(2));
        QCOMPARE(
            get(QStringLiteral("financial/entries?from=2024-08-01&to=2024-08-31"), m_creator).json()["items"].size(),
            size_t(3));

        const HttpResult stranger = get(QStringLiteral("financial/entries?from=2024-08-01&to=2024-08-31"), m_stranger);
        QCOMPARE(stranger.status, 200);
        QVERIFY(stranger.json()["items"].empty());
        QCOMPARE(get(QStringLiteral("financial/entries?client_id=") + m_client, m_stranger).status, 404);
        QCOMPARE(get(QStringLiteral("financial/entries"), tokenOf(QStringLiteral("reader"))).status, 403);
        for (const QString &bad :
             { QStringLiteral("cursor=nonsense"), QStringLiteral("per_page=0"), QStringLiteral("group=day") }) {
            const HttpResult r = get(QStringLiteral("financial/entries?") + bad, m_creator);
            QCOMPARE(r.status, 400);
            QVERIFY2(errorFields(r).contains(bad.section(QLatin1Char('='), 0, 0)), r.body.constData());
        }
    }

    // Each currency sums on its own, in exact minor units.
    void currenciesAreNeverAdded()
    {
        QCOMPARE(enter(m_creator, m_client, m_mastodon, "2024-04-01", "EUR", "10.10", "1").status, 201);
        QCOMPARE(enter(m_creator, m_client, m_mastodon, "2024-04-02", "EUR", "0.20", "0.5").status, 201);
        QCOMPARE(enter(m_creator, m_client, m_mastodon, "2024-04-02", "USD", "5", "0").status, 201);
        QCOMPARE(enter(m_creator, m_client, m_mastodon, "2024-04-03", "JPY", "1250", "0").status, 201);
        // The same day and currency again replaces the entry.
        const HttpResult again = enter(m_creator, m_client, m_mastodon, "2024-04-03", "JPY", "1300", "0");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json()["revenue_minor"].get<qint64>(), 1300);

        const HttpResult r = get(QStringLiteral("financial?group=month&from=2024-04-01&to=2024-04-30"), m_creator);
        QCOMPARE(r.status, 200);
        QCOMPARE(linesOf(r, "revenue"),
                 (strings({ "2024-04|On mastodon|10.30|EUR", "2024-04|On mastodon|1300|JPY",
                            "2024-04|On mastodon|5.00|USD" })));
        QCOMPARE(r.json()["items"][0]["payouts_minor"].get<qint64>(), 150);
        QCOMPARE(r.json()["totals"].size(), size_t(3));
        QCOMPARE(text(r.json()["totals"][0], "revenue"), QStringLiteral("10.30"));
    }

    // The CSV as a spreadsheet gets it: quoted where it must be, and a name
    // that would run as a formula shown as text.
    void csvByteForByte()
    {
        QCOMPARE(enter(m_creator, m_otherClient, m_shop, "2024-03-05", "EUR", "12.5", "0.05").status, 201);
        const QString query
            = QStringLiteral("financial?group=month&from=2024-03-01&to=2024-03-31&client_id=") + m_otherClient;
        const QByteArray expected
            = "period,period_start,client_id,client_name,platform_id,platform_name,currency,revenue,payouts\r\n"
              "2024-03,2024-03-01,"
            + m_otherClient.toLatin1() + ",\"'=HYPERLINK(\"\"x\"\")\"," + m_shop.toLatin1()
            + ",\"Shop, \"\"main\"\"\",EUR,12.50,0.05\r\n";
        const HttpResult byFormat = get(query + QStringLiteral("&format=csv"), m_creator);
        QCOMPARE(byFormat.status, 200);
        QCOMPARE(byFormat.body, expected);
        QCOMPARE(byFormat.header("Content-Type"), QByteArray("text/csv; charset=utf-8"));
        QCOMPARE(byFormat.header("Content-Disposition"),
                 QByteArray("attachment; filename=\"financial-month-2024-03-01-2024-03-31.csv\""));
        const HttpResult byAccept = get(query, m_creator, { { "Accept", "text/csv" } });
        QCOMPARE(byAccept.body, expected);
        QCOMPARE(
            get(query + QStringLiteral("&format=json"), m_creator, { { "Accept", "text/csv" } }).header("Content-Type"),
            QByteArray("application/json"));
    }

    void importsAllRows()
    {
        const QByteArray csv = "\xEF\xBB\xBF"
                               "Date,Client_ID,platform_id,revenue,payouts,currency\r\n"
                               "2024-05-01,"
            + m_client.toLatin1() + "," + m_mastodon.toLatin1() + ",1.5,0,EUR\r\n\r\n" + "2024-05-02,"
            + m_client.toLatin1() + "," + m_bluesky.toLatin1() + ",\"2.25\",1,EUR\n";
        const HttpResult r = importCsv(m_creator, csv, "text/csv; charset=utf-8");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["imported"].get<int>(), 2);
        QCOMPARE(r.json()["created"].get<int>(), 2);
        QCOMPARE(importCsv(m_creator, csv).json()["updated"].get<int>(), 2);
        const HttpResult sums = get(QStringLiteral("financial?group=month&from=2024-05-01&to=2024-05-31"), m_creator);
        QCOMPARE(linesOf(sums, "revenue"),
                 (strings({ "2024-05|On bluesky|2.25|EUR", "2024-05|On mastodon|1.50|EUR" })));
    }

    // Every bad line named with its column, and not one row written.
    void importRefusesBadRowsAndWritesNothing()
    {
        const QByteArray c = m_client.toLatin1();
        const QByteArray m = m_mastodon.toLatin1();
        const QByteArray csv = "date,client_id,platform_id,revenue,payouts,currency\n"
                               "2024-06-01,"
            + c + "," + m + ",1,0,EUR\n" // fine
            + "2024-06-31," + c + "," + m + ",1,0,EUR\n" // line 3: no such day
            + "2024-06-02," + c + "," + m + ",1,0,EURO\n" // line 4
            + "2024-06-03," + m_strangerClient.toLatin1() + "," + m + ",1,0,EUR\n" // line 5
            + "2024-06-01," + c + "," + m + ",2,0,EUR\n" // line 6: repeats line 2
            + "2024-06-04," + c + "," + m + ",1.005,-1,EUR\n" // line 7: both amounts
            + "\"2024-06-05\n\"," + c + "," + m + ",1,0,EUR\n" // lines 8-9: a date with a newline
            + "2024-06-06," + c + "\n"; // line 10: too few fields
        const HttpResult r = importCsv(m_creator, csv);
        QCOMPARE(r.status, 400);
        QCOMPARE(
            errorFields(r),
            (strings({ "lines[10]", "lines[3].date", "lines[4].currency", "lines[5].client_id", "lines[5].platform_id",
                       "lines[6].date", "lines[7].payouts", "lines[7].revenue", "lines[8].date" })));
        const HttpResult sums = get(QStringLiteral("financial?from=2024-06-01&to=2024-06-30"), m_creator);
        QCOMPARE(sums.status, 200);
        QVERIFY(sums.json()["items"].empty());
    }

    void importRefusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("not csv") << QByteArray("{}") << QByteArray("application/json") << 415 << QString();
        QTest::newRow("empty") << QByteArray() << QByteArray("text/csv") << 400 << QStringLiteral("lines[1]");
        QTest::newRow("header") << QByteArray("date,client,platform,revenue,payouts,currency\n")
                                << QByteArray("text/csv") << 400 << QStringLiteral("lines[1]");
        QTest::newRow("unclosed quote") << QByteArray("date,client_id,platform_id,revenue,payouts,currency\n\"2024")
                                        << QByteArray("text/csv") << 400 << QStringLiteral("lines[2]");
        QTest::newRow("not utf-8") << QByteArray("date,client_id,platform_id,revenue,payouts,currency\nx,\xff\n")
                                   << QByteArray("text/csv") << 400 << QStringLiteral("lines[2]");
        QTest::newRow("too big") << QByteArray(1024 * 1024 + 1, 'x') << QByteArray("text/csv") << 413 << QString();
    }
    void importRefusesBadFiles()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, type);
        QFETCH(int, status);
        QFETCH(QString, field);
        const HttpResult r = importCsv(m_creator, body, type);
        QCOMPARE(r.status, status);
        if (!field.isEmpty())
            QCOMPARE(errorFields(r), QStringList { field });
    }

    void refusesBadQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("group") << QStringLiteral("group=year") << QStringLiteral("group");
        QTest::newRow("no such month") << QStringLiteral("from=2024-13-01&to=2024-12-31") << QStringLiteral("from");
        QTest::newRow("loose date") << QStringLiteral("from=2024-3-1&to=2024-03-31") << QStringLiteral("from");
        QTest::newRow("a time") << QStringLiteral("from=2024-03-01&to=2024-03-31T00:00:00Z") << QStringLiteral("to");
        QTest::newRow("backwards") << QStringLiteral("from=2024-03-02&to=2024-03-01") << QStringLiteral("to");
        QTest::newRow("too long") << QStringLiteral("from=2020-01-01&to=2024-01-01") << QStringLiteral("to");
        QTest::newRow("only from") << QStringLiteral("from=2024-03-01") << QStringLiteral("to");
        QTest::newRow("format") << QStringLiteral("format=xml") << QStringLiteral("format");
        QTest::newRow("unknown") << QStringLiteral("colour=red") << QStringLiteral("colour");
    }
    void refusesBadQueries()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        for (const char *kind : { "engagement?", "financial?" }) {
            const HttpResult r = get(QLatin1String(kind) + query, m_creator);
            QCOMPARE(r.status, 400);
            QVERIFY2(errorFields(r).contains(field), r.body.constData());
        }
        // post_id filters engagement only.
        QVERIFY(errorFields(get(QStringLiteral("financial?post_id=") + m_post, m_creator))
                    .contains(QStringLiteral("post_id")));
    }

    void refusesBadEntries_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const auto entry = [this](json change) {
            json body { { "client_id", m_client.toStdString() },
                        { "platform_id", m_mastodon.toStdString() },
                        { "day", "2024-07-01" },
                        { "currency", "EUR" },
                        { "revenue", "1.00" },
                        { "payouts", "0" } };
            body.update(change);
            return quire::test::json(body);
        };
        QTest::newRow("three decimals") << entry({ { "revenue", "1.005" } }) << QStringLiteral("revenue");
        QTest::newRow("yen cents") << entry({ { "currency", "JPY" }, { "revenue", "1.5" } })
                                   << QStringLiteral("revenue");
        QTest::newRow("a float") << entry({ { "revenue", 1.5 } }) << QStringLiteral("revenue");
        QTest::newRow("negative") << entry({ { "payouts", "-1" } }) << QStringLiteral("payouts");
        QTest::newRow("comma") << entry({ { "payouts", "1,5" } }) << QStringLiteral("payouts");
        QTest::newRow("lower-case code") << entry({ { "currency", "eur" } }) << QStringLiteral("currency");
        QTest::newRow("no such code") << entry({ { "currency", "XAU" } }) << QStringLiteral("currency");
        QTest::newRow("day") << entry({ { "day", "01.07.2024" } }) << QStringLiteral("day");
        QTest::newRow("platform of another client")
            << entry({ { "platform_id", m_shop.toStdString() } }) << QStringLiteral("platform_id");
        QTest::newRow("unknown") << entry({ { "note", "x" } }) << QStringLiteral("note");
    }
    void refusesBadEntries()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/metrics/financial"), m_creator, body);
        QCOMPARE(r.status, 400);
        QVERIFY2(errorFields(r).contains(field), r.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestMetricsApi)
#include "tst_metricsapi.moc"
