// SPDX-License-Identifier: GPL-3.0-or-later
// quire-bench-publish: the publisher's punctuality, as the scheduler issue
// asks it: 10,000 posts due in the same minute over 100 webhook
// destinations (local fakes answering in 50–200 ms), published by the real
// quire-server over TLS: the share handed over within 5 s of its time
// (target 100 %; Buffer reports 98 % within 60 s), the lateness, and no
// delivery twice. On SQLite one server; on PostgreSQL (QUIRE_TEST_POSTGRES)
// two named instances on one database, sharing the work. Two rounds, each
// on a fresh server: the times spread over the minute (6 ms apart) and all
// at one instant. The posts go in before the minute begins: one through
// the API (POST /api/v1/posts), the others copies of it in the database
// (--seed api: all through the API, which takes minutes here). Prints a
// Markdown table; a timeline of the ledger's states goes to stderr.
//   --posts N --destinations N --instances N --shape spread|instant|both
//   --seed api|copies
#include "bench/fakewebhooks.h"
#include "bench/postseeding.h"
#include "bench/publishservers.h"
#include "server/publishing/publishingnames.h"
#include "shared/database.h"
#include "shared/fingerprint.h"
#include "shared/schedulernames.h"
#include "shared/schedulertables.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSslError>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unistd.h>

using namespace quire::test;
using quire::server::LedgerState;

namespace {

const QByteArray kSecret = "bench-hook-secret";
const QString kEmail = QStringLiteral("creator@example.org");
constexpr int kCalibrationPosts = 200;

struct Settings
{
    int posts = 10'000;
    int destinations = 100;
    int instances = 1;
    bool throughApi = false; // every post through the API, not copies of one
};

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

// User and system time of a process so far, all its threads, in seconds.
double cpuSeconds(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qsizetype(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5))];
}

QString thousands(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString seconds(double ms)
{
    return ms < 10'000 ? QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 2)
                       : QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

QString spread(const QList<double> &ms)
{
    return QStringLiteral("%1 / %2 / %3 / %4")
        .arg(seconds(percentile(ms, 0.5)), seconds(percentile(ms, 0.95)), seconds(percentile(ms, 0.99)),
             seconds(percentile(ms, 1.0)));
}

qint64 msOf(const QString &timestamp)
{
    const std::optional<QDateTime> at = quire::shared::Timestamp::parse(timestamp);
    return at ? at->toMSecsSinceEpoch() : 0;
}

// What one round measured.
struct Round
{
    bool instant = false;
    QString failure; // non-empty: no figures
    QString loadBefore;
    double calibrationRate = 0; // posts/s of the draft posts
    double leadS = 0;
    double seedS = 0;
    int posts = 0;
    int delivered = 0; // distinct destinations reached
    int duplicates = 0;
    int otherKey = 0; // a second delivery with another idempotency key
    int badSignatures = 0;
    QList<double> lateness; // ms, first arrival per destination
    double within5 = 0, within60 = 0; // shares of all posts
    double lastMs = 0; // the last first arrival after the minute began
    QString statuses;
    int retried = 0;
    QMap<QString, qint64> retryReasons; // error code -> the most deliveries showing it at once
    double serverCpuS = 0, fakesCpuS = 0;
    QList<double> toPromoted, toClaimed, toArrived, toRecorded; // ms between the steps
};

// A line of the ledger's states per second, to stderr: where the posts
// wait, the errors of deliveries waiting for a retry (kept in `reasons`,
// the most seen at once) and, on PostgreSQL, what the server's
// connections wait for.
void timeline(quire::shared::Database &db, bool postgres, qint64 minuteMs, qsizetype arrived,
              QMap<QString, qint64> &reasons)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString line = QStringLiteral("t%1%2 s: %3 arrivals; ledger")
                       .arg(now >= minuteMs ? QStringLiteral("+") : QString())
                       .arg(double(now - minuteMs) / 1000.0, 0, 'f', 1)
                       .arg(arrived);
    auto q = db.exec(QStringLiteral("SELECT state, claimed_by, count(*) FROM publish_attempts "
                                    "GROUP BY state, claimed_by ORDER BY state, claimed_by"));
    while (q && q->next())
        line += QStringLiteral(" %1%2 %3")
                    .arg(q->value(0).toString(),
                         q->value(1).toString().isEmpty() ? QString() : QLatin1Char('@') + q->value(1).toString())
                    .arg(q->value(2).toLongLong());
    const auto scheduled = db.scalar(QStringLiteral("SELECT count(*) FROM posts WHERE status = ?"),
                                     { quire::shared::kPostStatuses.name(quire::shared::PostStatus::Scheduled) });
    line += QStringLiteral("; posts still scheduled %1").arg(scheduled ? scheduled->toLongLong() : -1);
    auto errors = db.exec(QStringLiteral("SELECT error_code, count(*), max(error_message) FROM publish_attempts "
                                         "WHERE error_code <> '' GROUP BY error_code"));
    while (errors && errors->next()) {
        line += QStringLiteral("; %1 %2 (%3)")
                    .arg(errors->value(0).toString())
                    .arg(errors->value(1).toLongLong())
                    .arg(errors->value(2).toString());
        qint64 &most = reasons[errors->value(0).toString()];
        most = std::max(most, errors->value(1).toLongLong());
    }
    if (postgres) {
        auto waits = db.exec(QStringLiteral("SELECT coalesce(wait_event_type, 'cpu') || ':' || "
                                            "coalesce(wait_event, '-'), count(*) FROM pg_stat_activity WHERE "
                                            "datname = current_database() AND state = 'active' AND pid <> "
                                            "pg_backend_pid() GROUP BY 1 ORDER BY 1"));
        line += QStringLiteral("; waiting");
        while (waits && waits->next())
            line += QStringLiteral(" %1 %2").arg(waits->value(0).toString()).arg(waits->value(1).toLongLong());
    }
    fprintf(stderr, "%s\n", qPrintable(line));
}

// Where each delivery's time went, from the ledger and the destinations'
// revisions the publisher wrote: scheduled → promoted (its ledger row
// made) → claimed (shown publishing) → arrived at the fake → recorded.
void stepsOf(quire::shared::Database &db, const QHash<QString, qint64> &firstArrival, Round &r)
{
    QHash<QString, qint64> claimed;
    const QString publishing = quire::shared::kDestinationStatuses.name(quire::shared::DestinationStatus::Publishing);
    auto revisions = db.exec(QStringLiteral("SELECT row_id, created_at, data FROM sync_revisions WHERE tbl = ?"),
                             { quire::shared::postDestinationsTable() });
    while (revisions && revisions->next()) {
        const QByteArray data = revisions->value(2).toByteArray();
        const nlohmann::json j = nlohmann::json::parse(data.constBegin(), data.constEnd(), nullptr, false);
        if (!j.is_object() || QString::fromStdString(j.value("status", std::string())) != publishing)
            continue;
        const qint64 at = msOf(revisions->value(1).toString());
        const QString id = revisions->value(0).toString();
        if (!claimed.contains(id) || at < claimed[id])
            claimed[id] = at;
    }
    auto ledger = db.exec(QStringLiteral("SELECT a.destination_id, p.scheduled_at, a.created_at, a.sent_at, "
                                         "a.attempts FROM publish_attempts a JOIN posts p ON p.id = a.post_id"));
    while (ledger && ledger->next()) {
        const QString id = ledger->value(0).toString();
        const qint64 scheduled = msOf(ledger->value(1).toString());
        const qint64 promoted = msOf(ledger->value(2).toString());
        const qint64 sent = msOf(ledger->value(3).toString());
        if (ledger->value(4).toInt() > 1)
            ++r.retried;
        r.toPromoted << double(promoted - scheduled);
        if (claimed.contains(id))
            r.toClaimed << double(claimed[id] - promoted);
        if (claimed.contains(id) && firstArrival.contains(id))
            r.toArrived << double(firstArrival[id] - claimed[id]);
        if (sent > 0 && firstArrival.contains(id))
            r.toRecorded << double(sent - firstArrival[id]);
    }
}

Round runRound(const Settings &s, bool instant)
{
    Round r;
    r.instant = instant;
    r.posts = s.posts;
    r.loadBefore = loadAverage();
    FakeWebhooks hooks(kSecret, 50, 200);
    PublishServers servers;
    if (!hooks.start(s.destinations) || !servers.start(s.instances, kEmail)) {
        r.failure = QStringLiteral("cannot start the fakes or the server");
        return r;
    }
    ServerProcess &front = *servers.running.first();
    TestHttpClient http(front.url(), front.fingerprint());
    const auto call = [&](const QString &path, const nlohmann::json &body, const QByteArray &bearer) {
        return http.request("POST", path, QByteArray::fromStdString(body.dump()),
                            { { "Content-Type", "application/json" }, { "Authorization", bearer } });
    };
    const HttpResult login
        = call(QStringLiteral("/api/v1/auth/login"),
               { { "email", kEmail.toStdString() }, { "password", kSyncTestPassword.toStdString() } }, {});
    const QByteArray bearer = "Bearer " + QByteArray::fromStdString(login.json().value("access_token", std::string()));
    const HttpResult client = call(QStringLiteral("/api/v1/clients"), { { "name", "Bench Creator" } }, bearer);
    const std::string clientId = client.json().value("id", std::string());
    QList<std::string> platforms;
    for (const quint16 port : hooks.ports()) {
        const HttpResult made
            = call(QStringLiteral("/api/v1/platforms"),
                   { { "client_id", clientId },
                     { "kind", "webhook" },
                     { "display_name", QStringLiteral("Hook %1").arg(port).toStdString() },
                     { "base_url", QStringLiteral("http://127.0.0.1:%1/hook").arg(port).toStdString() } },
                   bearer);
        const std::string id = made.json().value("id", std::string());
        if (made.status != 201
            || call(QStringLiteral("/api/v1/platforms/%1/credentials").arg(QString::fromStdString(id)),
                    { { "token", kSecret.toStdString() } }, bearer)
                    .status
                != 200) {
            r.failure = QStringLiteral("cannot make the platforms: %1").arg(QString::fromUtf8(made.body));
            return r;
        }
        platforms << id;
    }
    const auto postBody = [&](int i, const QString &scheduledAt) {
        nlohmann::json body {
            { "client_id", clientId },
            { "title",
              (scheduledAt.isEmpty() ? QStringLiteral("Draft %1") : QStringLiteral("Post %1")).arg(i).toStdString() },
            { "body", QStringLiteral("Bench post %1, due in the busy minute.").arg(i).toStdString() },
            { "destinations", nlohmann::json::array({ { { "platform_id", platforms[i % platforms.size()] } } }) }
        };
        if (!scheduledAt.isEmpty()) {
            body["status"] = "scheduled";
            body["scheduled_at"] = scheduledAt.toStdString();
        }
        return QByteArray::fromStdString(body.dump());
    };

    // The API's pace, from drafts (never due); through the API, the minute
    // begins half as long again as the seeding should take, and 15 s, ahead.
    QList<QByteArray> bodies;
    for (int i = 0; i < kCalibrationPosts; ++i)
        bodies << postBody(i, QString());
    QElapsedTimer t;
    t.start();
    if (PostSeeding::postMany(front, bearer, QStringLiteral("/api/v1/posts"), bodies) != kCalibrationPosts) {
        r.failure = QStringLiteral("cannot make posts");
        return r;
    }
    r.calibrationRate = kCalibrationPosts * 1000.0 / double(std::max<qint64>(1, t.elapsed()));
    const qint64 leadMs = s.throughApi ? qint64(1.5 * 1000.0 * s.posts / r.calibrationRate) + 15'000 : 60'000;
    const qint64 minute = (QDateTime::currentMSecsSinceEpoch() + leadMs) / 1000 * 1000 + 1000;
    r.leadS = double(minute - QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const auto dueAt = [&](int i) {
        return quire::shared::Timestamp::formatMs(instant ? minute : minute + qint64(i) * 60'000 / s.posts);
    };
    auto opened = quire::shared::Database::open(servers.location);
    if (!opened) {
        r.failure = QStringLiteral("cannot open %1").arg(servers.location);
        return r;
    }
    quire::shared::Database &db = **opened;
    bodies.clear();
    for (int i = 0; i < (s.throughApi ? s.posts : 1); ++i)
        bodies << postBody(i, dueAt(i));
    t.restart();
    int created = PostSeeding::postMany(front, bearer, QStringLiteral("/api/v1/posts"), bodies);
    if (!s.throughApi && created == 1) {
        const auto made = db.scalar(QStringLiteral("SELECT id FROM posts WHERE status = ?"),
                                    { quire::shared::kPostStatuses.name(quire::shared::PostStatus::Scheduled) });
        const quire::shared::VoidResult copied = made
            ? PostSeeding::copies(db, made->toString(), s.posts, dueAt,
                                  [&](int i) { return QString::fromStdString(platforms[i % platforms.size()]); })
            : quire::shared::VoidResult(made.error());
        if (copied)
            created = s.posts;
        else
            fprintf(stderr, "seeding: %s\n", qPrintable(copied.error().message));
    }
    r.seedS = double(t.elapsed()) / 1000.0;
    fprintf(stderr,
            "seeded %d posts in %.1f s (drafts went through the API at %.0f posts/s); the minute begins in %.1f s\n",
            created, r.seedS, r.calibrationRate, double(minute - QDateTime::currentMSecsSinceEpoch()) / 1000.0);
    if (created != s.posts || QDateTime::currentMSecsSinceEpoch() > minute - 1000) {
        r.failure = QStringLiteral("seeding made %1 posts and ended %2 s before the minute")
                        .arg(created)
                        .arg(double(minute - QDateTime::currentMSecsSinceEpoch()) / 1000.0, 0, 'f', 1);
        return r;
    }

    const auto serverCpu = [&] {
        double sum = 0;
        for (ServerProcess *server : std::as_const(servers.running))
            sum += cpuSeconds(QString::number(server->pid()));
        return sum;
    };
    const double cpuBefore = serverCpu();
    const double fakesBefore = cpuSeconds(QStringLiteral("self"));

    // Waits (with the event loop running: the servers' output is read)
    // until every destination was reached and recorded, or 5 minutes
    // after the minute; then 3 s more for a late duplicate.
    const QString sent = quire::server::kLedgerStates.name(LedgerState::Sent);
    const qint64 deadline = minute + 60'000 + 300'000;
    qint64 doneAt = 0, lastLine = 0;
    QEventLoop wait;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &wait, [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now >= minute - 2000 && now - lastLine >= 1000) {
            lastLine = now;
            timeline(db, quire::shared::Database::isPostgresUrl(servers.location), minute, hooks.arrivalCount(),
                     r.retryReasons);
        }
        if (doneAt == 0 && hooks.arrivalCount() >= s.posts) {
            const auto recorded
                = db.scalar(QStringLiteral("SELECT count(*) FROM publish_attempts WHERE state = ?"), { sent });
            if (recorded && recorded->toLongLong() >= s.posts)
                doneAt = now;
        }
        if ((doneAt > 0 && now - doneAt > 3000) || now > deadline)
            wait.quit();
    });
    poll.start(250);
    wait.exec();
    r.serverCpuS = serverCpu() - cpuBefore;
    r.fakesCpuS = cpuSeconds(QStringLiteral("self")) - fakesBefore;

    QHash<QString, qint64> firstArrival;
    QHash<QString, QByteArray> keyOf;
    for (const FakeWebhooks::Arrival &a : hooks.arrivals()) {
        if (!a.signatureHolds)
            ++r.badSignatures;
        if (firstArrival.contains(a.destinationId)) {
            ++r.duplicates;
            if (keyOf.value(a.destinationId) != a.idempotencyKey)
                ++r.otherKey;
            continue;
        }
        firstArrival.insert(a.destinationId, a.atMs);
        keyOf.insert(a.destinationId, a.idempotencyKey);
        const double late = double(a.atMs - msOf(a.scheduledAt));
        r.lateness << late;
        r.lastMs = std::max(r.lastMs, double(a.atMs - minute));
        if (late <= 5000)
            r.within5 += 1;
        if (late <= 60'000)
            r.within60 += 1;
    }
    r.delivered = int(firstArrival.size());
    r.within5 /= s.posts;
    r.within60 /= s.posts;
    QStringList statuses;
    auto q = db.exec(QStringLiteral("SELECT status, count(*) FROM posts WHERE status <> ? GROUP BY status "
                                    "ORDER BY status"),
                     { quire::shared::kPostStatuses.name(quire::shared::PostStatus::Draft) });
    while (q && q->next())
        statuses << QStringLiteral("%1 %2").arg(q->value(0).toString(), thousands(q->value(1).toLongLong()));
    r.statuses = statuses.join(QStringLiteral(", "));
    stepsOf(db, firstArrival, r);
    return r;
}

void row(const QString &what, const QList<Round> &rounds, const std::function<QString(const Round &)> &measured,
         const char *target)
{
    QString line = QStringLiteral("| ") + what;
    for (const Round &r : rounds)
        line += QStringLiteral(" | ") + (r.failure.isEmpty() ? measured(r) : QStringLiteral("—"));
    printf("%s | %s |\n", qPrintable(line), target);
}

void report(const Settings &s, const QList<Round> &rounds)
{
    const QString engine
        = ServerProcess::postgresCluster().isEmpty() ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL");
    QString head = QStringLiteral("| %1 posts due in one minute over %2 webhook fakes answering in 50–200 ms; %3, "
                                  "%4; %5 cores |")
                       .arg(thousands(s.posts))
                       .arg(s.destinations)
                       .arg(engine,
                            s.instances == 1 ? QStringLiteral("one server")
                                             : QStringLiteral("%1 named instances on one database").arg(s.instances))
                       .arg(sysconf(_SC_NPROCESSORS_ONLN));
    QString rule = QStringLiteral("|---|");
    for (const Round &r : rounds) {
        head += r.instant ? QStringLiteral(" all at one instant |")
                          : QStringLiteral(" spread over the minute (%1 ms apart) |").arg(60'000 / s.posts);
        rule += QStringLiteral("---|");
    }
    printf("%s target |\n%s---|\n", qPrintable(head), qPrintable(rule));
    for (const Round &r : rounds) {
        if (!r.failure.isEmpty())
            printf("<!-- %s round: %s -->\n", r.instant ? "instant" : "spread", qPrintable(r.failure));
    }
    const auto pct = [](double share) { return QStringLiteral("%1 %").arg(share * 100.0, 0, 'f', 2); };
    row(
        QStringLiteral("load average before the round"), rounds, [](const Round &r) { return r.loadBefore; }, "");
    row(
        QStringLiteral("the API's pace: %1 draft posts, POST /api/v1/posts with one destination, %2 at once")
            .arg(kCalibrationPosts)
            .arg(PostSeeding::kInFlight),
        rounds, [](const Round &r) { return QStringLiteral("%1 posts/s").arg(qRound(r.calibrationRate)); }, "");
    row(
        s.throughApi ? QStringLiteral("seeding the due posts, each through the API")
                     : QStringLiteral("seeding the due posts: one through the API, the rest copies of it in the "
                                      "database"),
        rounds,
        [&](const Round &r) {
            return QStringLiteral("%1 s, done %2 s before the minute")
                .arg(r.seedS, 0, 'f', 1)
                .arg(r.leadS - r.seedS, 0, 'f', 0);
        },
        "");
    row(
        QStringLiteral("posts delivered (distinct destinations reached)"), rounds,
        [](const Round &r) { return QStringLiteral("%1 of %2").arg(thousands(r.delivered), thousands(r.posts)); },
        "all");
    row(
        QStringLiteral("**handed over within 5 s of scheduled_at**"), rounds,
        [&](const Round &r) { return QStringLiteral("**%1**").arg(pct(r.within5)); }, "100 %");
    row(
        QStringLiteral("handed over within 60 s"), rounds, [&](const Round &r) { return pct(r.within60); },
        "Buffer: 98 %");
    row(
        QStringLiteral("lateness (arrival − scheduled_at), p50 / p95 / p99 / max"), rounds,
        [](const Round &r) { return spread(r.lateness); }, "");
    row(
        QStringLiteral("last first delivery, after the minute began"), rounds,
        [](const Round &r) { return seconds(r.lastMs); }, "");
    row(
        QStringLiteral("duplicates (a destination reached twice) / of them with another Idempotency-Key"), rounds,
        [](const Round &r) { return QStringLiteral("%1 / %2").arg(r.duplicates).arg(r.otherKey); }, "0");
    row(
        QStringLiteral("signatures that did not hold / deliveries retried (their errors, the most at once)"), rounds,
        [](const Round &r) {
            QStringList reasons;
            for (auto it = r.retryReasons.cbegin(); it != r.retryReasons.cend(); ++it)
                reasons << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            return QStringLiteral("%1 / %2").arg(r.badSignatures).arg(r.retried)
                + (reasons.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reasons.join(QStringLiteral(", "))));
        },
        "0");
    row(
        QStringLiteral("post statuses after (database; drafts of the pace check left out)"), rounds,
        [](const Round &r) { return r.statuses; }, "all published");
    row(
        QStringLiteral("CPU (user + system) from seeded to done: server(s); the fakes' process"), rounds,
        [](const Round &r) {
            return QStringLiteral("%1 s; %2 s").arg(r.serverCpuS, 0, 'f', 1).arg(r.fakesCpuS, 0, 'f', 1);
        },
        "");
    row(
        QStringLiteral("where it waits, p50 / p95 / p99 / max: scheduled → promoted (ledger row)"), rounds,
        [](const Round &r) { return spread(r.toPromoted); }, "");
    row(
        QStringLiteral("promoted → claimed (shown publishing)"), rounds,
        [](const Round &r) { return spread(r.toClaimed); }, "");
    row(
        QStringLiteral("claimed → arrived at the fake"), rounds, [](const Round &r) { return spread(r.toArrived); },
        "");
    row(
        QStringLiteral("arrived → recorded sent (the fake's 50–200 ms included)"), rounds,
        [](const Round &r) { return spread(r.toRecorded); }, "");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Settings s;
    s.instances = ServerProcess::postgresCluster().isEmpty() ? 1 : 2;
    QString shape = QStringLiteral("both");
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--posts"))
            s.posts = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--destinations"))
            s.destinations = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--instances"))
            s.instances = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--shape"))
            shape = args[i + 1];
        else if (args[i] == QLatin1String("--seed"))
            s.throughApi = args[i + 1] == QLatin1String("api");
    }
    if (s.posts < 1 || s.destinations < 1 || s.instances < 1
        || !QStringList { QStringLiteral("spread"), QStringLiteral("instant"), QStringLiteral("both") }.contains(
            shape)) {
        fprintf(stderr,
                "usage: quire-bench-publish [--posts N] [--destinations N] [--instances N] "
                "[--shape spread|instant|both] [--seed api|copies]\n");
        return 2;
    }
    QList<Round> rounds;
    if (shape != QLatin1String("instant"))
        rounds << runRound(s, false);
    if (shape != QLatin1String("spread"))
        rounds << runRound(s, true);
    report(s, rounds);
    for (const Round &r : rounds) {
        if (!r.failure.isEmpty()) {
            fprintf(stderr, "a round failed: %s\n", qPrintable(r.failure));
            return 1;
        }
    }
    return 0;
}
