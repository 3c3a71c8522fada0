// SPDX-License-Identifier: GPL-3.0-or-later
// quire-bench-prompts: the prompt library at 100,000 prompts of one user:
// search on the server (GET /api/v1/prompts?q=, the time the server's
// request log reports), the initial sync of them all to a fresh replica, and
// search there (PromptQuery). Prints a Markdown table; the articles' figures
// of the same machine come from quire-bench-search in the same run.
#include "desktop/core/replica.h"
#include "desktop/core/searchindexer.h"
#include "desktop/prompts/core/promptquery.h"
#include "shared/database.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <cstdio>

using namespace quire::test;

namespace {

constexpr int kPrompts = 100'000;
const QString kEmail = QStringLiteral("bench@example.org");

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qsizetype(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5))];
}

// Two made-up words per query, drawn across the vocabulary (as searchbench).
QString queryNumber(int i)
{
    return seedWord((i * 7919) % 20'000) + QLatin1Char(' ') + seedWord((i * 104'729 + 13) % 20'000);
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

// `count` prompts of the user into the server's database, straight into the
// declared table (its search index follows through the triggers): a title
// and a description of seed words and about 600 bytes of content. Columns
// the seed does not name get '' when they have no default.
bool seedPrompts(const QString &dataDir, int count)
{
    auto opened = quire::shared::Database::openSqlite(dataDir + QStringLiteral("/quire.db"));
    if (!opened)
        return false;
    quire::shared::Database &d = **opened;
    quire::shared::Result<QVariant> owner
        = d.scalar(QStringLiteral("SELECT id FROM users WHERE email = ?"), { kEmail });
    if (!owner || owner->isNull())
        return false;
    const QStringList named { QStringLiteral("id"),          QStringLiteral("title"),      QStringLiteral("name"),
                              QStringLiteral("description"), QStringLiteral("content"),    QStringLiteral("owner_id"),
                              QStringLiteral("created_at"),  QStringLiteral("updated_at"), QStringLiteral("rev") };
    QStringList columns = named;
    QSqlQuery info(d.handle());
    if (!info.exec(QStringLiteral("PRAGMA table_info(prompts)")))
        return false;
    while (info.next()) {
        const QString c = info.value(1).toString();
        if (!named.contains(c) && info.value(3).toBool() && info.value(4).isNull() && c != QLatin1String("deleted"))
            columns << c;
    }
    quint32 state = 4711; // the same corpus every run
    const auto next = [&state] { return (state = state * 1664525u + 1013904223u) >> 8; };
    const auto words = [&](int n) {
        QStringList w;
        for (int i = 0; i < n; ++i)
            w << seedWord(int(next() % 20'000));
        return w.join(QLatin1Char(' '));
    };
    const QString now = quire::shared::Timestamp::format(QDateTime::currentDateTimeUtc());
    quire::shared::VoidResult done = d.transaction([&]() -> quire::shared::VoidResult {
        quire::shared::Result<QVariant> head = d.scalar(QStringLiteral("SELECT seq FROM sync_state WHERE id = 1"));
        if (!head)
            return head.error();
        qint64 seq = head->toLongLong();
        QSqlQuery insert(d.handle());
        QStringList marks(columns.size(), QStringLiteral("?"));
        if (!insert.prepare(QStringLiteral("INSERT INTO prompts(%1) VALUES (%2)")
                                .arg(columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")))))
            return quire::shared::Error::make(QStringLiteral("seed"), insert.lastError().text());
        for (int i = 0; i < count; ++i) {
            const QVariantList values { quire::shared::Uuid::createV7(),
                                        QStringLiteral("Prompt %1 %2").arg(i).arg(words(3)),
                                        QStringLiteral("prompt-%1").arg(i, 6, 10, QLatin1Char('0')),
                                        words(12),
                                        words(80) + QStringLiteral(" {{question}}"),
                                        owner->toString(),
                                        now,
                                        now,
                                        ++seq };
            for (qsizetype c = 0; c < columns.size(); ++c)
                insert.bindValue(int(c), c < values.size() ? values[c] : QVariant(QString(QLatin1String(""))));
            if (!insert.exec())
                return quire::shared::Error::make(QStringLiteral("seed"), insert.lastError().text());
        }
        return d.run(QStringLiteral("UPDATE sync_state SET seq = ? WHERE id = 1"), { seq });
    });
    if (!done)
        fprintf(stderr, "seed: %s\n", qPrintable(done.error().message));
    return done.ok();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("server"));
    if (!createUser(data, kEmail, QStringLiteral("author"), kSyncTestPassword)) {
        fprintf(stderr, "cannot create the account\n");
        return 1;
    }
    ServerProcess server;
    ServerProcess::Options options;
    options.dataDir = data;
    if (!server.start(options)) // creates the declared tables
        return 1;
    server.stop();
    QElapsedTimer t;
    t.start();
    if (!seedPrompts(data, kPrompts)) {
        fprintf(stderr, "cannot seed\n");
        return 1;
    }
    fprintf(stderr, "seeded and indexed %d prompts in %.1f s\n", kPrompts, double(t.elapsed()) / 1000.0);
    if (!server.start(options))
        return 1;

    printf("| measure (2 cores, 100,000 prompts of one user; load average before: %s) | measured |\n|---|---|\n",
           qPrintable(loadAverage()));
    TestHttpClient http(server.url(), server.fingerprint());
    const HttpResult login
        = http.postJson(QStringLiteral("/api/v1/auth/login"),
                        QByteArray::fromStdString(nlohmann::json { { "email", kEmail.toStdString() },
                                                                   { "password", kSyncTestPassword.toStdString() } }
                                                      .dump()));
    const QByteArray bearer = "Bearer " + QByteArray::fromStdString(login.json().value("access_token", std::string()));
    const auto search = [&](int i) {
        return http.request(
            "GET", QStringLiteral("/api/v1/prompts?q=") + QString::fromLatin1(QUrl::toPercentEncoding(queryNumber(i))),
            {}, { { QByteArrayLiteral("Authorization"), bearer } });
    };
    for (int i = 0; i < 20; ++i) // warm SQLite's page cache
        search(i);
    const QByteArray before = server.standardError();
    int hits = 0;
    for (int i = 100; i < 300; ++i) {
        const HttpResult r = search(i);
        if (r.status != 200) {
            fprintf(stderr, "search answered %d\n", r.status);
            return 1;
        }
        const nlohmann::json j = r.json();
        if (j.contains("items") && j["items"].is_array())
            hits += int(j["items"].size());
    }
    QList<double> serverMs;
    for (const QByteArray &line : server.standardError().mid(before.size()).split('\n')) {
        const nlohmann::json j = nlohmann::json::parse(line.toStdString(), nullptr, false);
        if (j.is_object() && j.value("path", std::string()) == "/api/v1/prompts")
            serverMs << j.value("duration_ms", 0.0);
    }
    printf("| server search, GET /api/v1/prompts?q= (p50 of %lld queries of two words, %d hits listed) | %.2f ms "
           "(p90 %.2f ms, p99 %.2f ms) |\n",
           qlonglong(serverMs.size()), hits, percentile(serverMs, 0.5), percentile(serverMs, 0.9),
           percentile(serverMs, 0.99));

    SyncPeer peer(dir.filePath(QStringLiteral("replica")));
    peer.connectTo(server);
    if (!peer.signIn(kEmail, kSyncTestPassword))
        return 1;
    const QString loadBeforeSync = loadAverage();
    t.restart();
    if (peer.sync(900'000) != quire::desktop::SyncEngine::State::Idle)
        return 1;
    const double pullS = double(t.elapsed()) / 1000.0;
    quire::shared::Database &db = peer.ws().replica().database();
    const quire::shared::Result<QVariant> pulled = db.scalar(QStringLiteral("SELECT count(*) FROM prompts"));
    printf("| initial sync of the 100,000 prompts into an empty replica (%lld rows there; load before: %s) | %.2f s "
           "(%.0f prompts/s) |\n",
           pulled ? qlonglong(pulled->toLongLong()) : -1LL, qPrintable(loadBeforeSync), pullS,
           double(kPrompts) / pullS);
    // What the app does after a sync round: index in the background, in steps.
    t.restart();
    qint64 from = 0;
    for (bool done = false; !done;) {
        const quire::shared::Result<bool> r
            = quire::desktop::SearchIndexer::catchUpSome(db, quire::desktop::SearchIndexer::kRowsPerStep, from);
        if (!r)
            return 1;
        done = *r;
    }
    const double indexS = double(t.elapsed()) / 1000.0;
    QList<double> replicaMs;
    int replicaHits = 0;
    for (int i = 100; i < 300; ++i) {
        quire::desktop::PromptQuery q;
        q.text = queryNumber(i);
        q.sort = quire::desktop::PromptQuery::Sort::Relevance;
        q.limit = 50;
        t.restart();
        const auto found = q.run(db);
        if (!found)
            return 1;
        replicaMs << double(t.nsecsElapsed()) / 1e6;
        replicaHits += int(found->size());
    }
    printf("| desktop replica search, PromptQuery by relevance (p50 of 200 queries, %d hits) | %.2f ms (p90 %.2f "
           "ms) |\n",
           replicaHits, percentile(replicaMs, 0.5), percentile(replicaMs, 0.9));
    printf("| background search indexing of the 100,000 pulled prompts | %.1f s |\n", indexS);
    server.stop();
    return 0;
}
