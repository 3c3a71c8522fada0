// SPDX-License-Identifier: GPL-3.0-or-later
// quire-bench-search: search over 100,000 published articles, on the server
// (/search, the time the server's request log reports) and in a desktop
// replica that pulled them (ArticleQuery). Prints a Markdown table.
#include "desktop/articles/core/articlequery.h"
#include "desktop/core/replica.h"
#include "desktop/core/searchindexer.h"
#include "shared/database.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace quire::test;

namespace {

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qsizetype(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5))];
}

// Two made-up words per query, drawn across the vocabulary; about as
// selective as a person's two-word search.
QString queryNumber(int i)
{
    return seedWord((i * 7919) % 20'000) + QLatin1Char(' ') + seedWord((i * 104'729 + 13) % 20'000);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("server"));
    if (!createUser(data, QStringLiteral("bench@example.org"), QStringLiteral("editor"), kSyncTestPassword)) {
        fprintf(stderr, "cannot create the account\n");
        return 1;
    }
    // Started once so the schema (and its search index) exists, then seeded.
    ServerProcess server;
    ServerProcess::Options options;
    options.dataDir = data;
    if (!server.start(options))
        return 1;
    server.stop();
    QElapsedTimer t;
    t.start();
    if (!seedGuides(data, QStringLiteral("bench@example.org"), 100'000, 1024, true)) {
        fprintf(stderr, "cannot seed\n");
        return 1;
    }
    fprintf(stderr, "seeded and indexed 100,000 published articles in %.1f s\n", double(t.elapsed()) / 1000.0);
    if (!server.start(options))
        return 1;

    printf("| measure (2 cores, 100,000 published articles of 1 KiB) | measured | target | met |\n|---|---|---|---|\n");
    TestHttpClient http(server.url(), server.fingerprint());
    for (int i = 0; i < 20; ++i) // warm the page cache of SQLite
        http.get(QStringLiteral("/search?q=") + QString::fromLatin1(QUrl::toPercentEncoding(queryNumber(i))));
    const QByteArray before = server.standardError();
    int hits = 0;
    for (int i = 100; i < 300; ++i) {
        const HttpResult r
            = http.get(QStringLiteral("/search?q=") + QString::fromLatin1(QUrl::toPercentEncoding(queryNumber(i))));
        hits += r.body.count("<li><h2>");
    }
    QList<double> serverMs;
    for (const QByteArray &line : server.standardError().mid(before.size()).split('\n')) {
        const nlohmann::json j = nlohmann::json::parse(line.toStdString(), nullptr, false);
        if (j.is_object() && j.value("path", std::string()) == "/search")
            serverMs << j.value("duration_ms", 0.0);
    }
    printf("| server search, /search (p50 of %lld queries, %d hits shown) | %.2f ms (p90 %.2f ms) | < 10 ms | %s |\n",
           qlonglong(serverMs.size()), hits, percentile(serverMs, 0.5), percentile(serverMs, 0.9),
           percentile(serverMs, 0.5) < 10 ? "yes" : "**no**");

    SyncPeer peer(dir.filePath(QStringLiteral("replica")));
    peer.connectTo(server);
    if (!peer.signIn(QStringLiteral("bench@example.org"), kSyncTestPassword)
        || peer.sync(600'000) != quire::desktop::SyncEngine::State::Idle)
        return 1;
    quire::shared::Database &db = peer.ws().replica().database();
    // What the app does after a sync round: index in the background, in steps.
    t.restart();
    QList<double> steps;
    qint64 from = 0;
    for (bool done = false; !done;) {
        QElapsedTimer step;
        step.start();
        const quire::shared::Result<bool> r
            = quire::desktop::SearchIndexer::catchUpSome(db, quire::desktop::SearchIndexer::kRowsPerStep, from);
        if (!r)
            return 1;
        done = *r;
        steps << double(step.nsecsElapsed()) / 1e6;
    }
    const double indexS = double(t.elapsed()) / 1000.0;
    QList<double> replicaMs;
    for (int i = 100; i < 300; ++i) {
        quire::desktop::ArticleQuery q;
        q.text = queryNumber(i);
        q.sort = quire::desktop::ArticleQuery::Sort::Relevance;
        t.restart();
        if (!q.run(db))
            return 1;
        replicaMs << double(t.nsecsElapsed()) / 1e6;
    }
    printf("| desktop replica search, ArticleQuery (p50 of 200 queries) | %.2f ms (p90 %.2f ms) | < 20 ms | %s |\n",
           percentile(replicaMs, 0.5), percentile(replicaMs, 0.9), percentile(replicaMs, 0.5) < 20 ? "yes" : "**no**");
    printf("| background indexing of the 100,000 pulled articles (steps of %d rows, longest step %.0f ms) | %.1f s | — "
           "| — |\n",
           quire::desktop::SearchIndexer::kRowsPerStep, percentile(steps, 1.0), indexS);
    server.stop();
    return 0;
}
