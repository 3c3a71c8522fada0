// SPDX-License-Identifier: GPL-3.0-or-later
// `quire-cli posts` and `quire-cli metrics` as scripts use them, against the
// real server (TLS): posts composed, listed, shown, scheduled and cancelled
// in the replica while the server is down, a text too long for its network
// refused, the changes sent by the next sync (the server's API then has
// them); a post the publisher failed retried through the server; the
// metrics reports as a table, JSON and CSV after a financial entry made
// through the API; and every bad argument with its exit code.
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace Qt::StringLiterals;
using nlohmann::json;
using quire::test::HttpResult;
using quire::test::ServerProcess;
using quire::test::TestHttpClient;

namespace {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    json parsed() const { return json::parse(out.toStdString(), nullptr, false); }
};

QString word(const char *text)
{
    return QString::fromUtf8(text);
}

QString word(const QString &text)
{
    return text;
}

// Arguments as written: literals and QStrings (the project builds without
// implicit casts from char strings).
template<typename... Parts> QStringList words(const Parts &...parts)
{
    return QStringList { word(parts)... };
}

const QByteArray kPassword = "creator passphrase here";

QString text(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

class TestCliPostCommands : public QObject
{
    Q_OBJECT
private:
    ServerProcess m_server;
    QTemporaryDir m_dir;
    QByteArray m_token;
    QString m_northwind, m_southwind, m_mastodon, m_bluesky, m_hook;
    QHash<QString, QString> m_made; // compose row -> post id
    QHash<QString, json> m_expected; // post id -> what the server should have

    CliResult cli(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(qEnvironmentVariable("QUIRE_CLI_BINARY", QStringLiteral("quire-cli")),
                QStringList { QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("p")) } + args);
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished(5000);
            return {};
        }
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                 p.readAllStandardError() };
    }

    HttpResult api(const QByteArray &method, const QString &path, const json &body = json())
    {
        TestHttpClient http(m_server.url(), m_server.fingerprint());
        QList<QPair<QByteArray, QByteArray>> headers { { "Authorization", "Bearer " + m_token } };
        if (!body.is_null())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return http.request(method, path, body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()),
                            headers);
    }

    QString make(const QString &collection, const json &body)
    {
        const HttpResult r = api("POST", QStringLiteral("/api/v1/") + collection, body);
        if (r.status != 201)
            qWarning("POST %s: %d %s", qPrintable(collection), r.status, r.body.constData());
        return r.status == 201 ? text(r.json(), "id") : QString();
    }

    QString postStatusOnServer(const QString &id)
    {
        return text(api("GET", QStringLiteral("/api/v1/posts/") + id).json(), "status");
    }

    int postCount() { return int(cli(words("posts", "list", "--json")).parsed().size()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QCOMPARE(ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), m_server.dataDir(),
                                      QStringLiteral("--email"), QStringLiteral("creator@example.org"),
                                      QStringLiteral("--role"), QStringLiteral("creator") },
                                    60000, {}, kPassword + '\n')
                     .exitCode,
                 0);
        QCOMPARE(cli({ QStringLiteral("login"), m_server.url().toString(), QStringLiteral("creator@example.org"),
                       QStringLiteral("--trust-fingerprint"), m_server.fingerprint() },
                     kPassword + '\n')
                     .exitCode,
                 0);
        TestHttpClient http(m_server.url(), m_server.fingerprint());
        const HttpResult login = http.postJson(
            QStringLiteral("/api/v1/auth/login"),
            QByteArray::fromStdString(json { { "email", "creator@example.org" }, { "password", kPassword } }.dump()));
        QCOMPARE(login.status, 200);
        m_token = QByteArray::fromStdString(login.json()["access_token"].get<std::string>());
        // The clients and platforms come from the server, as another device made them.
        m_northwind = make(QStringLiteral("clients"), { { "name", "Northwind" }, { "time_zone", "Europe/Berlin" } });
        m_southwind = make(QStringLiteral("clients"), { { "name", "Southwind" } });
        for (int twin = 0; twin < 2; ++twin)
            QVERIFY(!make(QStringLiteral("clients"), { { "name", "Twin" } }).isEmpty());
        const auto platform = [this](const QString &client, const char *kind, const char *name, const json &settings) {
            return make(QStringLiteral("platforms"),
                        { { "client_id", client.toStdString() },
                          { "kind", kind },
                          { "display_name", name },
                          { "settings", settings } });
        };
        m_mastodon = platform(m_northwind, "mastodon", "Northwind on Mastodon", json::object());
        m_bluesky = platform(m_northwind, "bluesky", "Northwind on Bluesky", json::object());
        m_hook = platform(m_northwind, "webhook", "Newsletter", { { "max_length", 40 } });
        QVERIFY(!platform(m_southwind, "mastodon", "Southwind on Mastodon", json::object()).isEmpty());
        QVERIFY(!m_northwind.isEmpty() && !m_southwind.isEmpty() && !m_mastodon.isEmpty() && !m_bluesky.isEmpty()
                && !m_hook.isEmpty());
        // A financial entry for the reports, made through the API.
        const HttpResult entered = api("POST", QStringLiteral("/api/v1/metrics/financial"),
                                       { { "client_id", m_northwind.toStdString() },
                                         { "platform_id", m_mastodon.toStdString() },
                                         { "day", "2024-03-05" },
                                         { "currency", "EUR" },
                                         { "revenue", "12.50" },
                                         { "payouts", "3.00" } });
        QCOMPARE(entered.status, 201);
        QCOMPARE(cli({ QStringLiteral("sync") }).exitCode, 0);
    }

    // What follows until the server comes back works on the replica alone.
    void serverGoesAway()
    {
        QVERIFY(m_server.stop());
        QCOMPARE(cli({ QStringLiteral("sync") }).exitCode, 3);
    }

    void composeOffline_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("destinations");
        QTest::addColumn<QString>("scheduledAt");
        QTest::addColumn<QString>("zone");
        const QStringList northwind { QStringLiteral("--client"), QStringLiteral("Northwind") };
        QTest::newRow("draft to a network")
            << northwind + words("--platform", "mastodon", "--text", "Hello", "--title", "First") << u"draft"_s << 1
            << QString() << u"Europe/Berlin"_s;
        QTest::newRow("scheduled in the client's zone")
            << words("--client", "northwind", "--platform", "mastodon,bluesky", "--text", "Spring sale", "--title",
                     "Sale", "--at", "2030-03-12T14:00")
            << u"scheduled"_s << 2 << u"2030-03-12T13:00:00.000Z"_s << u"Europe/Berlin"_s;
        QTest::newRow("scheduled in the zone given")
            << northwind
                + words("--platform", "Northwind on Bluesky", "--text", "Morning", "--title", "Morning", "--at",
                        "2030-07-01T09:30", "--time-zone", "America/New_York")
            << u"scheduled"_s << 1 << u"2030-07-01T13:30:00.000Z"_s << u"America/New_York"_s;
        QTest::newRow("an offset wins over the zone")
            << northwind
                + words("--platform", "bluesky", "--text", "Noon", "--title", "Noon", "--at", "2030-01-01T12:00:00Z")
            << u"scheduled"_s << 1 << u"2030-01-01T12:00:00.000Z"_s << u"Europe/Berlin"_s;
        QTest::newRow("client by id, a platform named twice")
            << words("--client", m_northwind, "--platform", u"mastodon,Northwind on Mastodon,"_s + m_mastodon, "--text",
                     "Once", "--title", "Once")
            << u"draft"_s << 1 << QString() << u"Europe/Berlin"_s;
        QTest::newRow("a long link counts 23 on Mastodon") << northwind
                + words("--platform", "mastodon", "--title", "Link", "--text",
                        QString(470, QLatin1Char('a')) + u" https://example.org/"_s + QString(200, QLatin1Char('p')))
                                                           << u"draft"_s << 1 << QString() << u"Europe/Berlin"_s;
        QTest::newRow("300 emoji with skin tones fit Bluesky") << northwind
                + words("--platform", "bluesky", "--title", "Thumbs", "--text",
                        QString::fromUtf8("👍🏽").repeated(300))
                                                               << u"draft"_s << 1 << QString() << u"Europe/Berlin"_s;
    }

    void composeOffline()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, status);
        QFETCH(int, destinations);
        QFETCH(QString, scheduledAt);
        QFETCH(QString, zone);
        const CliResult made
            = cli(QStringList { QStringLiteral("posts"), QStringLiteral("new"), QStringLiteral("--json") } + args);
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const json post = made.parsed();
        const QString id = text(post, "id");
        QCOMPARE(id.size(), 36);
        m_made.insert(QString::fromLatin1(QTest::currentDataTag()), id);
        const CliResult shown = cli({ QStringLiteral("posts"), QStringLiteral("show"), id, QStringLiteral("--json") });
        QCOMPARE(shown.exitCode, 0);
        for (const json &j : { post, shown.parsed() }) {
            QCOMPARE(text(j, "status"), status);
            QCOMPARE(text(j, "client_name"), QStringLiteral("Northwind"));
            QCOMPARE(int(j["destinations"].size()), destinations);
            QCOMPARE(text(j, "scheduled_at"), scheduledAt);
            QCOMPARE(text(j, "time_zone"), zone);
            QCOMPARE(j["scheduled_local"].is_null(), scheduledAt.isEmpty());
            for (const json &d : j["destinations"]) {
                QCOMPARE(text(d, "status"), QStringLiteral("pending"));
                QVERIFY(d["limit"].is_null() || d["characters"].get<int>() <= d["limit"].get<int>());
            }
        }
        m_expected.insert(id, shown.parsed());
        // The plain form says the same for people.
        const CliResult plain = cli({ QStringLiteral("posts"), QStringLiteral("show"), id });
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(plain.out.contains("Client: Northwind"));
        QVERIFY(plain.out.contains(status == QLatin1String("draft") ? "Status: Draft" : "Status: Scheduled"));
        QVERIFY(plain.out.contains("characters"));
    }

    void aTextTooLongIsRefused_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QByteArray>("named");
        QTest::addColumn<QStringList>("at");
        QTest::newRow("Bluesky, 301") << u"bluesky"_s << QString(301, QLatin1Char('b'))
                                      << QByteArray("Northwind on Bluesky") << QStringList {};
        QTest::newRow("Mastodon, 501") << u"mastodon"_s << QString(501, QLatin1Char('m'))
                                       << QByteArray("Northwind on Mastodon") << QStringList {};
        QTest::newRow("the webhook's own max_length")
            << u"Newsletter"_s << QString(41, QLatin1Char('w')) << QByteArray("Newsletter") << QStringList {};
        QTest::newRow("301 emoji, scheduled")
            << u"bluesky"_s << QString::fromUtf8("👍🏽").repeated(301) << QByteArray("Northwind on Bluesky")
            << words("--at", "2030-02-02T10:00");
        QTest::newRow("one of two networks") << u"mastodon,bluesky"_s << QString(400, QLatin1Char('x'))
                                             << QByteArray("Northwind on Bluesky") << QStringList {};
    }

    void aTextTooLongIsRefused()
    {
        QFETCH(QString, platform);
        QFETCH(QString, body);
        QFETCH(QByteArray, named);
        QFETCH(QStringList, at);
        const int before = postCount();
        const CliResult r = cli(words("posts", "new", "--client", "Northwind", "--platform", platform, "--text", body,
                                      "--title", "Too long")
                                + at);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("too long") && r.err.contains(named), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(postCount(), before); // nothing saved
    }

    void listAndShow_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("titles");
        const QStringList drafts = words("First", "Link", "Once", "Thumbs");
        const QStringList scheduled = words("Morning", "Noon", "Sale");
        QStringList all = drafts + scheduled;
        all.sort();
        QTest::newRow("all") << QStringList {} << all;
        QTest::newRow("scheduled") << words("--status", "scheduled") << scheduled;
        QTest::newRow("drafts") << words("--status", "draft") << drafts;
        QTest::newRow("Northwind's") << words("--client", "Northwind") << all;
        QTest::newRow("Southwind's, none") << words("--client", "Southwind") << QStringList {};
        QTest::newRow("cancelled, none yet") << words("--status", "cancelled") << QStringList {};
    }

    void listAndShow()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, titles);
        const CliResult listed = cli(words("posts", "list", "--json") + args);
        QCOMPARE(listed.exitCode, 0);
        const json posts = listed.parsed();
        QStringList seen;
        for (const json &p : posts) {
            seen << text(p, "title");
            QCOMPARE(text(p, "client_name"), QStringLiteral("Northwind"));
            QVERIFY(!p["destinations"].empty());
            for (const json &d : p["destinations"]) {
                QVERIFY(words("mastodon", "bluesky").contains(text(d, "network")));
                QCOMPARE(text(d, "status"), QStringLiteral("pending"));
                QVERIFY(d["last_error"].is_null());
            }
        }
        seen.sort();
        QCOMPARE(seen, titles);
        // Timed posts first, soonest first.
        QStringList timed;
        for (const json &p : posts) {
            if (!text(p, "scheduled_at").isEmpty())
                timed << text(p, "scheduled_at");
        }
        QVERIFY(std::is_sorted(timed.cbegin(), timed.cend()));
        const CliResult plain = cli(words("posts", "list") + args);
        QCOMPARE(plain.exitCode, 0);
        for (const QString &title : titles)
            QVERIFY2(plain.out.contains(title.toUtf8()), plain.out.constData());
        QCOMPARE(plain.out.contains("No posts."), titles.isEmpty());
        if (args.contains(QLatin1String("scheduled")))
            QVERIFY(plain.out.contains("Scheduled") && plain.out.contains("Northwind on Bluesky · Bluesky"));
    }

    void scheduleAndCancel_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("scheduledAt");
        QTest::addColumn<QString>("zone");
        // One draft through these steps, in order.
        QTest::newRow("scheduled in its zone (summer time)")
            << words("schedule", "--at", "2030-05-01T08:00") << u"scheduled"_s << u"2030-05-01T06:00:00.000Z"_s
            << u"Europe/Berlin"_s;
        QTest::newRow("cancelled") << words("cancel") << u"cancelled"_s << u"2030-05-01T06:00:00.000Z"_s
                                   << u"Europe/Berlin"_s;
        QTest::newRow("scheduled again, in another zone")
            << words("schedule", "--at", "2030-05-01T08:00", "--time-zone", "UTC") << u"scheduled"_s
            << u"2030-05-01T08:00:00.000Z"_s << u"UTC"_s;
        QTest::newRow("cancelled for good")
            << words("cancel") << u"cancelled"_s << u"2030-05-01T08:00:00.000Z"_s << u"UTC"_s;
    }

    void scheduleAndCancel()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, status);
        QFETCH(QString, scheduledAt);
        QFETCH(QString, zone);
        const QString id = m_made.value(QStringLiteral("draft to a network"));
        QVERIFY(!id.isEmpty());
        QStringList args { QStringLiteral("posts"), command.takeFirst(), id };
        const CliResult r = cli(args + command);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("ync")); // says that sync sends it
        const json shown
            = cli({ QStringLiteral("posts"), QStringLiteral("show"), id, QStringLiteral("--json") }).parsed();
        QCOMPARE(text(shown, "status"), status);
        QCOMPARE(text(shown, "scheduled_at"), scheduledAt);
        QCOMPARE(text(shown, "time_zone"), zone);
        m_expected.insert(id, shown);
    }

    // Retry and the reports need the server: offline they say so (exit 3).
    void serverCommandsOfflineSayWhy_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("retry a destination") << words("posts", "retry", "DRAFT", "--destination", "DEST");
        QTest::newRow("engagement") << words("metrics", "engagement");
        QTest::newRow("financial as CSV") << words("metrics", "financial", "--csv");
        QTest::newRow("financial as JSON, one client")
            << words("metrics", "financial", "--json", "--client", "Northwind");
    }

    void serverCommandsOfflineSayWhy()
    {
        QFETCH(QStringList, args);
        const QString id = m_made.value(QStringLiteral("scheduled in the client's zone"));
        const json post
            = cli({ QStringLiteral("posts"), QStringLiteral("show"), id, QStringLiteral("--json") }).parsed();
        args.replaceInStrings(QStringLiteral("DRAFT"), id);
        args.replaceInStrings(QStringLiteral("DEST"), text(post["destinations"][0], "id"));
        const CliResult r = cli(args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("server"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void serverComesBackAndSyncSendsThePosts()
    {
        ServerProcess::Options again;
        again.dataDir = m_server.dataDir();
        again.port = m_server.port();
        QVERIFY2(m_server.start(again), qPrintable(m_server.errorString()));
        const CliResult synced = cli({ QStringLiteral("sync"), QStringLiteral("--json") });
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        QCOMPARE(synced.parsed()["pending"].get<int>(), 0);
        QCOMPARE(m_expected.size(), m_made.size());
        for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
            const HttpResult r = api("GET", QStringLiteral("/api/v1/posts/") + it.key());
            QCOMPARE(r.status, 200);
            const json onServer = r.json();
            QCOMPARE(text(onServer, "title"), text(*it, "title"));
            QCOMPARE(text(onServer, "body"), text(*it, "body"));
            QCOMPARE(text(onServer, "client_id"), m_northwind);
            QCOMPARE(text(onServer, "status"), text(*it, "status"));
            QCOMPARE(text(onServer, "scheduled_at"), text(*it, "scheduled_at"));
            QCOMPARE(text(onServer, "time_zone"), text(*it, "time_zone"));
            QCOMPARE(onServer["destinations"].size(), (*it)["destinations"].size());
        }
    }

    // The publisher fails a post it has no credential for; the failure
    // reaches the replica with the next sync and `retry` asks again.
    void aFailedPostIsRetried()
    {
        const CliResult made = cli(words("posts", "new", "--client", "Northwind", "--platform", "Newsletter", "--text",
                                         "For the letter", "--title", "Letter"));
        QCOMPARE(made.exitCode, 0);
        const QString id = QString::fromUtf8(made.out.trimmed());
        // A draft has not failed: nothing to retry.
        const CliResult early = cli({ QStringLiteral("posts"), QStringLiteral("retry"), id });
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains("Nothing to retry"), early.err.constData());
        QCOMPARE(cli({ QStringLiteral("sync") }).exitCode, 0);
        QCOMPARE(api("POST", QStringLiteral("/api/v1/posts/%1/publish").arg(id), json::object()).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(postStatusOnServer(id), QStringLiteral("failed"), 60000);
        QCOMPARE(cli({ QStringLiteral("sync") }).exitCode, 0);
        const json failed = cli(words("posts", "list", "--status", "failed", "--json")).parsed();
        QCOMPARE(failed.size(), std::size_t(1));
        QCOMPARE(text(failed[0], "id"), id);
        const json destination = failed[0]["destinations"][0];
        QCOMPARE(text(destination, "status"), QStringLiteral("failed"));
        QVERIFY(!text(destination, "last_error").isEmpty());
        const CliResult plain = cli(words("posts", "list", "--status", "failed"));
        QVERIFY(plain.out.contains("Failed") && plain.out.contains(text(destination, "last_error").toUtf8()));

        const CliResult again = cli({ QStringLiteral("posts"), QStringLiteral("retry"), id });
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(postStatusOnServer(id), QStringLiteral("failed"), 60000);
        const QString destinationId = text(destination, "id");
        const CliResult one = cli(words("posts", "retry", id, "--destination", destinationId));
        QVERIFY2(one.exitCode == 0, one.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(postStatusOnServer(id), QStringLiteral("failed"), 60000);
        // Another post's destination is not this post's.
        const CliResult other
            = cli(words("posts", "retry", id, "--destination", m_made.value(u"draft to a network"_s)));
        QCOMPARE(other.exitCode, 8);
    }

    void metricsFromTheServer_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("items");
        QTest::addColumn<QString>("period");
        QTest::addColumn<QString>("revenue");
        const QStringList march = words("financial", "--from", "2024-03-01", "--to", "2024-03-31");
        QTest::newRow("by day") << march << 1 << u"2024-03-05"_s << u"12.50"_s;
        QTest::newRow("by week") << march + words("--group", "week") << 1 << u"2024-W10"_s << u"12.50"_s;
        QTest::newRow("by month, the client by name")
            << march + words("--group", "month", "--client", "Northwind") << 1 << u"2024-03"_s << u"12.50"_s;
        QTest::newRow("the platform by name")
            << march + words("--platform", "Northwind on Mastodon") << 1 << u"2024-03-05"_s << u"12.50"_s;
        QTest::newRow("another client") << march + words("--client", "Southwind") << 0 << QString() << QString();
        QTest::newRow("another month") << words("financial", "--from", "2024-04-01", "--to", "2024-04-30") << 0
                                       << QString() << QString();
        QTest::newRow("engagement") << words("engagement", "--from", "2024-03-01", "--to", "2024-03-31") << 0
                                    << QString() << QString();
    }

    void metricsFromTheServer()
    {
        QFETCH(QStringList, args);
        QFETCH(int, items);
        QFETCH(QString, period);
        QFETCH(QString, revenue);
        const CliResult r = cli(words("metrics") + args + words("--json"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const json report = r.parsed();
        QCOMPARE(int(report["items"].size()), items);
        if (items > 0) {
            const json &item = report["items"][0];
            QCOMPARE(text(item, "period"), period);
            QCOMPARE(text(item, "revenue"), revenue);
            QCOMPARE(text(item, "client_name"), QStringLiteral("Northwind"));
            QCOMPARE(text(item, "platform_name"), QStringLiteral("Northwind on Mastodon"));
            QCOMPARE(text(report["totals"][0], "currency"), QStringLiteral("EUR"));
        }
        const CliResult csv = cli(words("metrics") + args + words("--csv"));
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QCOMPARE(lines.size(), items + 1);
        QVERIFY(lines.first().startsWith("period,period_start,client_id,client_name,platform_id,platform_name"));
        if (items > 0)
            QVERIFY2(lines[1].startsWith(period.toUtf8() + ',') && lines[1].contains(",EUR," + revenue.toUtf8()),
                     lines[1].constData());
        const CliResult table = cli(words("metrics") + args);
        QCOMPARE(table.exitCode, 0);
        if (items == 0) {
            QVERIFY(table.out.contains("No figures"));
        } else {
            QVERIFY(table.out.contains("Revenue") && table.out.contains(revenue.toUtf8()));
            QVERIFY(table.out.contains("Total in EUR: revenue 12.50, payouts 3.00"));
        }
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("says");
        const QStringList nw = words("posts", "new", "--client", "Northwind", "--platform", "mastodon");
        const QString nobody = QStringLiteral("01890a5d-ac96-774b-bcce-b302099a8057");
        QTest::newRow("posts alone") << words("posts") << 2 << QByteArray("posts needs");
        QTest::newRow("unknown posts command") << words("posts", "frob") << 2 << QByteArray("frob");
        QTest::newRow("new without options") << words("posts", "new") << 2 << QByteArray("--text");
        QTest::newRow("new without text") << nw << 2 << QByteArray("--text");
        QTest::newRow("new with an empty text") << nw + words("--text", " ") << 2 << QByteArray("empty");
        QTest::newRow("an option without its value")
            << nw + words("--text", "x", "--title") << 2 << QByteArray("value");
        QTest::newRow("not a time") << nw + words("--text", "x", "--at", "tomorrow") << 2 << QByteArray("tomorrow");
        QTest::newRow("a date is not a time")
            << nw + words("--text", "x", "--at", "2030-01-01") << 2 << QByteArray("2030-01-01");
        QTest::newRow("not a zone") << nw
                + words("--text", "x", "--at", "2030-01-01T10:00", "--time-zone", "Mars/Olympus")
                                    << 2 << QByteArray("Mars/Olympus");
        QTest::newRow("unknown client") << words("posts", "new", "--client", "Nobody", "--platform", "mastodon",
                                                 "--text", "x")
                                        << 8 << QByteArray("Nobody");
        QTest::newRow("two clients of that name")
            << words("posts", "new", "--client", "Twin", "--platform", "mastodon", "--text", "x") << 1
            << QByteArray("Twin");
        QTest::newRow("another client's platform")
            << words("posts", "new", "--client", "Northwind", "--platform", "Southwind on Mastodon", "--text", "x") << 8
            << QByteArray("Southwind on Mastodon");
        QTest::newRow("unexpected argument") << nw + words("--text", "x", "extra") << 2 << QByteArray("extra");
        QTest::newRow("list: unknown status") << words("posts", "list", "--status", "lost") << 2 << QByteArray("lost");
        QTest::newRow("list: unknown client")
            << words("posts", "list", "--client", "Nobody") << 8 << QByteArray("Nobody");
        QTest::newRow("show without id") << words("posts", "show") << 2 << QByteArray("ID");
        QTest::newRow("show unknown") << words("posts", "show", nobody) << 8 << nobody.toUtf8();
        QTest::newRow("schedule without --at") << words("posts", "schedule", nobody) << 2 << QByteArray("--at");
        QTest::newRow("schedule unknown")
            << words("posts", "schedule", nobody, "--at", "2030-01-01T10:00") << 8 << nobody.toUtf8();
        QTest::newRow("cancel without id") << words("posts", "cancel") << 2 << QByteArray("ID");
        QTest::newRow("retry without id") << words("posts", "retry") << 2 << QByteArray("ID");
        QTest::newRow("retry unknown") << words("posts", "retry", nobody) << 8 << nobody.toUtf8();
        QTest::newRow("metrics alone") << words("metrics") << 2 << QByteArray("engagement or financial");
        QTest::newRow("unknown report") << words("metrics", "views") << 2 << QByteArray("engagement or financial");
        QTest::newRow("unknown grouping")
            << words("metrics", "financial", "--group", "year") << 2 << QByteArray("year");
        QTest::newRow("from without to") << words("metrics", "financial", "--from", "2024-03-01") << 2
                                         << QByteArray("--to");
        QTest::newRow("a loose day") << words("metrics", "financial", "--from", "2024-3-1", "--to", "2024-03-02") << 2
                                     << QByteArray("2024-3-1");
        QTest::newRow("to before from") << words("metrics", "financial", "--from", "2024-03-10", "--to", "2024-03-01")
                                        << 2 << QByteArray("--to");
        QTest::newRow("CSV and JSON") << words("metrics", "financial", "--csv", "--json") << 2 << QByteArray("--csv");
        QTest::newRow("metrics: unknown client")
            << words("metrics", "engagement", "--client", "Nobody") << 8 << QByteArray("Nobody");
        QTest::newRow("the server's limit on the range")
            << words("metrics", "financial", "--from", "2020-01-01", "--to", "2024-01-01") << 1 << QByteArray("to");
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, says);
        const int before = postCount();
        const CliResult r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(says), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(postCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestCliPostCommands)
#include "tst_clipostcommands.moc"
