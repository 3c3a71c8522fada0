// SPDX-License-Identifier: GPL-3.0-or-later
// quire-bench-sync: the sync figures the README reports, measured against a
// real quire-server over TLS with real replicas. Prints a Markdown table.
#include "desktop/core/contentstore.h"
#include "desktop/core/livechannel.h"
#include "tests/support/serverprocess.h"
#include "tests/sync/syncpeer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace quire::test;
using quire::desktop::ContentStore;
using quire::desktop::SyncEngine;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");

qint64 procStatusKb(const char *key, const QString &process = QStringLiteral("self"))
{
    QFile f(QStringLiteral("/proc/%1/status").arg(process));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qsizetype(strlen(key))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qsizetype(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5))];
}

// Where a pull's time went: the server's own request log says how long it
// spent on the pull requests it logged since it started.
double serverPullMs(ServerProcess &server)
{
    double ms = 0;
    for (const QByteArray &line : server.standardError().split('\n')) {
        const nlohmann::json j = nlohmann::json::parse(line.toStdString(), nullptr, false);
        if (j.is_object() && j.value("path", std::string()) == "/api/v1/sync/pull")
            ms += j.value("duration_ms", 0.0);
    }
    return ms;
}

void row(const char *what, const QString &measured, const char *target, bool met)
{
    printf("| %s | %s | %s | %s |\n", what, qPrintable(measured), target, met ? "yes" : "**no**");
    fflush(stdout);
}

// The figures at a size: a server's start on `rows` seeded guides, a first
// pull of all of them into an empty replica, the peak memory of both sides,
// and a sync with nothing to do. The data directory is kept (seeding a
// million rows takes minutes), so `dataDir` may come from an earlier run.
int scaleRun(int rows, const QString &dataDir)
{
    const QString data = QDir(dataDir).filePath(QStringLiteral("server"));
    // Seeded before: the SQLite file, or on PostgreSQL (QUIRE_TEST_POSTGRES)
    // the database named in the directory.
    const QString seeded = data + QStringLiteral("/seeded");
    if (!QFileInfo::exists(seeded)) {
        QElapsedTimer seeding;
        seeding.start();
        if (!createUser(data, QStringLiteral("bench@example.org"), QStringLiteral("author"), kPassword)
            || !seedGuides(data, QStringLiteral("bench@example.org"), rows, 1024)) {
            fprintf(stderr, "cannot prepare the server's data\n");
            return 1;
        }
        fprintf(stderr, "seeded %d guides in %.0f s\n", rows, double(seeding.elapsed()) / 1000.0);
        QFile mark(seeded);
        if (!ServerProcess::keepDatabaseOf(data) || !mark.open(QIODevice::WriteOnly)) {
            fprintf(stderr, "cannot note the seeded data in %s\n", qPrintable(data));
            return 1;
        }
    }
    ServerProcess server;
    ServerProcess::Options options;
    options.dataDir = data;
    // The first start after seeding may build what the declarations derive;
    // the start measured is the ordinary one after it (median of three).
    if (!server.start(options) || !server.stop()) {
        fprintf(stderr, "server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QList<double> starts;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        if (!server.start(options)) {
            fprintf(stderr, "server: %s\n", qPrintable(server.errorString()));
            return 1;
        }
        starts << double(t.nsecsElapsed()) / 1e6;
        if (i < 2)
            server.stop();
    }
    const QString label = QLocale(QLocale::English).toString(rows);
    row(qPrintable(QStringLiteral("server start to listening, %1 guides (median of 3)").arg(label)),
        QStringLiteral("%1 ms").arg(percentile(starts, 0.5), 0, 'f', 0), "flat in the data",
        percentile(starts, 0.5) < 2000);

    const QString profile = QDir(dataDir).filePath(QStringLiteral("replica"));
    QDir(profile).removeRecursively();
    SyncPeer peer(profile);
    peer.connectTo(server);
    if (!peer.signIn(QStringLiteral("bench@example.org"), kPassword))
        return 1;
    const qint64 rssBefore = procStatusKb("VmRSS:");
    const qint64 anonBefore = procStatusKb("RssAnon:");
    // Peak anonymous memory (the heap), sampled: VmHWM also counts the
    // database pages both sides read through memory maps or the page
    // cache's file pages, which the kernel takes back when it needs them.
    qint64 clientAnonPeak = anonBefore;
    qint64 serverAnonPeak = 0;
    const QString serverPid = QString::number(server.pid());
    // On a thread of its own: the replica writes pages on this one, and a
    // timer here would only ever look between pages.
    std::atomic<bool> sampling { true };
    std::thread sampler([&] {
        while (sampling.load()) {
            clientAnonPeak = std::max(clientAnonPeak, procStatusKb("RssAnon:"));
            serverAnonPeak = std::max(serverAnonPeak, procStatusKb("RssAnon:", serverPid));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    QElapsedTimer t;
    t.start();
    const bool pulled = peer.sync(3'600'000) == SyncEngine::State::Idle;
    const double pullS = double(t.elapsed()) / 1000.0;
    sampling = false;
    sampler.join();
    // Before counting: the count lists every row's title, a million of them.
    const double clientMb = double(procStatusKb("VmHWM:") - rssBefore) / 1024.0;
    const double serverMb = double(procStatusKb("VmHWM:", serverPid)) / 1024.0;
    if (!pulled || peer.count() != rows) {
        fprintf(stderr, "initial pull failed: %s\n", qPrintable(peer.lastError()));
        return 1;
    }
    fprintf(stderr, "initial pull: %.0f ms of it in the server\n", serverPullMs(server));
    row(qPrintable(QStringLiteral("initial pull, %1 guides of 1 KiB").arg(label)),
        QStringLiteral("%1 s (%2 rows/s)").arg(pullS, 0, 'f', 1).arg(qRound(rows / pullS)),
        rows >= 1'000'000 ? "< 40 s per million" : "< 5 s per 100,000",
        pullS < (rows >= 1'000'000 ? 40.0 * rows / 1e6 : 5.0 * rows / 1e5));
    row("peak memory (VmHWM, mapped database pages included): server, and client's growth during the pull",
        QStringLiteral("server %1 MB, client +%2 MB").arg(serverMb, 0, 'f', 0).arg(clientMb, 0, 'f', 0),
        "bounded (not growing with rows)", serverMb < 600 && clientMb < 600);
    const double serverAnonMb = double(serverAnonPeak) / 1024.0;
    const double clientAnonMb = double(clientAnonPeak - anonBefore) / 1024.0;
    row("peak heap (RssAnon, sampled every 20 ms): server, and client's growth during the pull",
        QStringLiteral("server %1 MB, client +%2 MB").arg(serverAnonMb, 0, 'f', 0).arg(clientAnonMb, 0, 'f', 0),
        "bounded (not growing with rows)", serverAnonMb < 300 && clientAnonMb < 300);
    QList<double> noop;
    for (int i = 0; i < 20; ++i) {
        t.restart();
        peer.sync();
        noop << double(t.nsecsElapsed()) / 1e6;
    }
    row(qPrintable(QStringLiteral("sync with nothing to do, %1-row replica (median of 20)").arg(label)),
        QStringLiteral("%1 ms").arg(percentile(noop, 0.5), 0, 'f', 1), "< 50 ms, flat", percentile(noop, 0.5) < 50);
    server.stop();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // --scale ROWS DIR: only the figures at a size (see scaleRun).
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--scale")); at >= 0 && at + 2 < args.size()) {
        printf("| measure (2 cores, TLS, real server and replica) | measured | target | met |\n|---|---|---|---|\n");
        return scaleRun(args[at + 1].toInt(), args[at + 2]);
    }
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("server"));
    if (!createUser(data, QStringLiteral("bench@example.org"), QStringLiteral("author"), kPassword)
        || !seedGuides(data, QStringLiteral("bench@example.org"), 100'000, 1024)) {
        fprintf(stderr, "cannot prepare the server's data\n");
        return 1;
    }
    ServerProcess server;
    ServerProcess::Options options;
    options.dataDir = data;
    if (!server.start(options)) {
        fprintf(stderr, "server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    printf("| measure (2 cores, TLS, real server and replica) | measured | target | met |\n|---|---|---|---|\n");

    // 1. Initial pull of 100,000 guides of 1 KiB into an empty replica.
    SyncPeer a(dir.filePath(QStringLiteral("a")));
    a.connectTo(server);
    if (!a.signIn(QStringLiteral("bench@example.org"), kPassword))
        return 1;
    const qint64 rssBefore = procStatusKb("VmRSS:");
    QElapsedTimer t;
    t.start();
    if (a.sync(600'000) != SyncEngine::State::Idle || a.count() != 100'000) {
        fprintf(stderr, "initial pull failed: %s\n", qPrintable(a.lastError()));
        return 1;
    }
    const double pullS = double(t.elapsed()) / 1000.0;
    fprintf(stderr, "initial pull: %.0f ms of it in the server\n", serverPullMs(server));
    const double growthMb = double(procStatusKb("VmHWM:") - rssBefore) / 1024.0;
    row("initial pull, 100,000 guides of 1 KiB",
        QStringLiteral("%1 s (%2 rows/s)").arg(pullS, 0, 'f', 2).arg(qRound(100'000 / pullS)), "< 5 s (20,000 rows/s)",
        pullS < 5.0);
    row("peak memory growth during that pull", QStringLiteral("%1 MB").arg(growthMb, 0, 'f', 0), "< 200 MB",
        growthMb < 200);

    // 2. A sync with nothing to do on the 100,000-row replica.
    QList<double> noop;
    for (int i = 0; i < 20; ++i) {
        t.restart();
        a.sync();
        noop << double(t.nsecsElapsed()) / 1e6;
    }
    row("sync with nothing to do, 100,000-row replica (median of 20)",
        QStringLiteral("%1 ms").arg(percentile(noop, 0.5), 0, 'f', 1), "< 50 ms", percentile(noop, 0.5) < 50);

    // 3. A local edit and its outbox row, committed.
    const auto rows = a.ws().content().list(ContentStore::articles(), { QStringLiteral("title") });
    QList<double> edits;
    for (int i = 0; i < 1000; ++i) {
        const QString id = QString::fromStdString((*rows)[i * 97]["id"].get<std::string>());
        t.restart();
        a.edit(id, { { "title", QStringLiteral("Edited %1").arg(i).toStdString() } });
        edits << double(t.nsecsElapsed()) / 1e6;
    }
    row("local edit + outbox row committed (p99 of 1,000)",
        QStringLiteral("%1 ms (p50 %2 ms)")
            .arg(percentile(edits, 0.99), 0, 'f', 2)
            .arg(percentile(edits, 0.5), 0, 'f', 2),
        "< 5 ms", percentile(edits, 0.99) < 5);
    a.sync();

    // 4. A push of 10,000 offline mutations (a second, empty replica).
    SyncPeer b(dir.filePath(QStringLiteral("b")));
    b.connectTo(server);
    b.signIn(QStringLiteral("bench@example.org"), kPassword);
    b.ws().replica(); // same account, separate replica: seed it by a first pull
    b.sync(600'000);
    for (int i = 0; i < 10'000; ++i)
        b.create(QStringLiteral("Offline %1").arg(i), QStringLiteral("Written offline.\n"));
    t.restart();
    const SyncEngine::State pushed = b.sync(600'000);
    const double pushS = double(t.elapsed()) / 1000.0;
    if (pushed != SyncEngine::State::Idle)
        fprintf(stderr, "push round ended in %s: %s\n", qPrintable(SyncEngine::stateText(pushed)),
                qPrintable(b.lastError()));
    row("push of 10,000 offline mutations (whole round, with pull-back)", QStringLiteral("%1 s").arg(pushS, 0, 'f', 2),
        "< 5 s", pushed == SyncEngine::State::Idle && pushS < 5.0);

    // 5. An edit on A visible on a live-connected B.
    b.ws().startAutomaticSync();
    QEventLoop wait;
    QTimer::singleShot(10'000, &wait, &QEventLoop::quit);
    QObject::connect(&b.ws().live(), &quire::desktop::LiveChannel::connectedChanged, &wait, &QEventLoop::quit);
    if (!b.ws().live().isConnected())
        wait.exec();
    b.sync();
    const QString target = QString::fromStdString((*rows)[5]["id"].get<std::string>());
    QList<double> live;
    for (int i = 0; i < 30; ++i) {
        const QString title = QStringLiteral("Live %1").arg(i);
        QElapsedTimer seen;
        seen.start();
        a.edit(target, { { "title", title.toStdString() } });
        a.ws().sync().syncNow();
        QEventLoop loop;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            const auto r = b.row(target);
            if ((r && QString::fromStdString(r->value("title", std::string())) == title) || seen.elapsed() > 10'000)
                loop.quit();
        });
        poll.start(1);
        loop.exec();
        live << double(seen.nsecsElapsed()) / 1e6;
        while (a.ws().sync().state() == SyncEngine::State::Syncing)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    row("edit visible on a second, live-connected replica (p50 of 30)",
        QStringLiteral("%1 ms (p90 %2 ms)").arg(percentile(live, 0.5), 0, 'f', 0).arg(percentile(live, 0.9), 0, 'f', 0),
        "< 250 ms", percentile(live, 0.5) < 250);
    server.stop();
    return 0;
}
