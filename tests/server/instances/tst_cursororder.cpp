// SPDX-License-Identifier: GPL-3.0-or-later
// The sync cursor skips no change and repeats none, with many writers on
// several instances at once: writers push through nginx from their own
// connections (two real accounts, several replicas each) while pullers of
// both accounts keep pulling with their cursors; at the end each puller has
// received every acknowledged write of its account exactly once. Change
// numbers handed out in start order but committed in another (a sequence on
// PostgreSQL) would let a pull move its cursor past a change not yet
// committed: taking them from the sync_state row (locked to the commit) and
// the write lock of Database::transaction keep commit order and number
// order one; a pull reads one snapshot, so none comes twice.
#include "shared/uuid.h"
#include "tests/support/instancecluster.h"
#include "tests/support/testhttpclient.h"

#include <QMutex>
#include <QMutexLocker>
#include <QPair>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace quire;
using namespace quire::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");

QString accountEmail(int account)
{
    return QStringLiteral("author%1@example.org").arg(account);
}

bool createAuthor(const QString &dataDir, int account)
{
    const auto r = ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), dataDir,
                                        QStringLiteral("--email"), accountEmail(account), QStringLiteral("--role"),
                                        QStringLiteral("author") },
                                      60000, {}, kPassword.toUtf8() + '\n');
    if (r.exitCode != 0)
        qWarning("create-user failed: %s", r.err.constData());
    return r.exitCode == 0;
}

// One change as a pull delivers it and a push acknowledges it: row and rev.
using Change = QPair<QString, qint64>;

struct Shared
{
    QMutex mutex;
    QList<QSet<Change>> acknowledged; // per account
    QStringList failures;
    std::atomic<int> writersLeft { 0 };

    void fail(const QString &what)
    {
        const QMutexLocker lock(&mutex);
        failures << what;
    }
};

// A replica of `account` that pushes `batches` batches of `perBatch` new
// articles, each batch acknowledging the answers to the one before.
void write(const QUrl &url, const QString &fingerprint, const QByteArray &token, int account, int batches, int perBatch,
           Shared &shared)
{
    TestHttpClient http(url, fingerprint);
    const std::string client = shared::Uuid::createV7().toStdString();
    qint64 nextId = 1;
    QSet<Change> mine;
    for (int b = 0; b < batches; ++b) {
        nlohmann::json mutations = nlohmann::json::array();
        QStringList rows;
        for (int m = 0; m < perBatch; ++m) {
            rows << shared::Uuid::createV7();
            mutations.push_back({ { "id", nextId + m },
                                  { "table", "articles" },
                                  { "row_id", rows.last().toStdString() },
                                  { "op", "upsert" },
                                  { "fields", { { "title", "Written at once" } } },
                                  { "base_rev", 0 },
                                  { "base", nlohmann::json::object() } });
        }
        const nlohmann::json body {
            { "client_id", client }, { "schema_version", 2 }, { "acked", nextId - 1 }, { "mutations", mutations }
        };
        const HttpResult r
            = http.request("POST", QStringLiteral("/api/v1/sync/push"), QByteArray::fromStdString(body.dump()),
                           { { "Authorization", "Bearer " + token }, { "Content-Type", "application/json" } });
        if (r.status != 200) {
            shared.fail(QStringLiteral("push: %1 %2").arg(r.status).arg(QString::fromUtf8(r.body)));
            break;
        }
        const nlohmann::json results = r.json()["results"];
        if (results.size() != size_t(perBatch)) {
            shared.fail(QStringLiteral("push answered %1 of %2").arg(results.size()).arg(perBatch));
            break;
        }
        for (int m = 0; m < perBatch; ++m) {
            if (results[size_t(m)]["outcome"] != "applied")
                shared.fail(QStringLiteral("not applied: %1").arg(QString::fromStdString(results[size_t(m)].dump())));
            else
                mine.insert({ rows[m], results[size_t(m)]["rev"].get<qint64>() });
        }
        nextId += perBatch;
    }
    const QMutexLocker lock(&shared.mutex);
    shared.acknowledged[account] += mine;
}

// A replica of `account` that pulls small pages with its cursor while the
// writers write, and once they are done pulls until it is up to date;
// every article change it received, in order, repeats included.
QList<Change> pullAlong(const QUrl &url, const QString &fingerprint, const QByteArray &token, Shared &shared)
{
    TestHttpClient http(url, fingerprint);
    QList<Change> received;
    std::string cursor;
    for (;;) {
        const bool writersDone = shared.writersLeft.load() == 0; // read before the pull
        const HttpResult r = http.request("GET",
                                          QStringLiteral("/api/v1/sync/pull?schema_version=2&limit=25&cursor=")
                                              + QString::fromStdString(cursor),
                                          {}, { { "Authorization", "Bearer " + token } });
        if (r.status != 200) {
            shared.fail(QStringLiteral("pull: %1 %2").arg(r.status).arg(QString::fromUtf8(r.body)));
            return received;
        }
        const nlohmann::json page = r.json();
        for (const auto &c : page["changes"]) {
            if (c["table"] == "articles")
                received << Change { QString::fromStdString(c["id"].get<std::string>()), c["rev"].get<qint64>() };
        }
        cursor = page["cursor"].get<std::string>();
        if (writersDone && !page["has_more"].get<bool>())
            return received;
    }
}

} // namespace

class TestCursorOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyPullerGetsEveryAcknowledgedWriteOnce()
    {
        const int writers = 8;
        const int batches = qEnvironmentVariableIntValue("QUIRE_CURSOR_BATCHES") > 0
            ? qEnvironmentVariableIntValue("QUIRE_CURSOR_BATCHES")
            : 20;
        const int perBatch = 3;
        const int pullersPerAccount = 2;

        InstanceCluster cluster;
        InstanceCluster::Options o;
        o.instances = 3;
        o.threads = 2;
        // Budgets off: the test is many requests from one address.
        o.extraArgs << QStringLiteral("--api-rate-limit-address") << QStringLiteral("0")
                    << QStringLiteral("--api-rate-limit-user") << QStringLiteral("0");
        QVERIFY2(cluster.start(o), qPrintable(cluster.errorString()));
        QByteArray tokens[2];
        TestHttpClient http(cluster.url(), cluster.fingerprint());
        for (int account = 0; account < 2; ++account) {
            QVERIFY(createAuthor(cluster.dataDir(), account));
            const nlohmann::json login { { "email", accountEmail(account).toStdString() },
                                         { "password", kPassword.toStdString() } };
            const HttpResult r
                = http.postJson(QStringLiteral("/api/v1/auth/login"), QByteArray::fromStdString(login.dump()));
            QVERIFY2(r.status == 200, r.body.constData());
            tokens[account] = QByteArray::fromStdString(r.json()["access_token"].get<std::string>());
        }

        Shared shared;
        shared.acknowledged = { {}, {} };
        shared.writersLeft = writers;
        std::vector<QList<Change>> received(size_t(2 * pullersPerAccount));
        std::vector<std::unique_ptr<QThread>> threads;
        for (size_t p = 0; p < received.size(); ++p) {
            const int account = int(p) % 2;
            threads.emplace_back(QThread::create([&, p, account] {
                received[p] = pullAlong(cluster.url(), cluster.fingerprint(), tokens[account], shared);
            }));
        }
        for (int w = 0; w < writers; ++w) {
            threads.emplace_back(QThread::create([&, w] {
                write(cluster.url(), cluster.fingerprint(), tokens[w % 2], w % 2, batches, perBatch, shared);
                --shared.writersLeft;
            }));
        }
        for (auto &t : threads)
            t->start();
        for (auto &t : threads)
            QVERIFY(t->wait(QDeadlineTimer(300'000)));
        QVERIFY2(shared.failures.isEmpty(), qPrintable(shared.failures.mid(0, 5).join(QLatin1Char('\n'))));

        for (int account = 0; account < 2; ++account)
            QCOMPARE(shared.acknowledged[account].size(), writers / 2 * batches * perBatch);
        for (size_t p = 0; p < received.size(); ++p) {
            const QSet<Change> &expected = shared.acknowledged[int(p) % 2];
            const QSet<Change> got(received[p].cbegin(), received[p].cend());
            QStringList skipped;
            for (const Change &c : expected) {
                if (!got.contains(c))
                    skipped << QStringLiteral("%1@%2").arg(c.first).arg(c.second);
            }
            QVERIFY2(skipped.isEmpty(),
                     qPrintable(QStringLiteral("puller %1 never received %2 of %3 changes: %4")
                                    .arg(p)
                                    .arg(skipped.size())
                                    .arg(expected.size())
                                    .arg(skipped.mid(0, 5).join(QLatin1String(", ")))));
            QCOMPARE(received[p].size(), got.size()); // none twice
            QCOMPARE(got, expected); // and nothing else
        }
    }
};

QTEST_GUILESS_MAIN(TestCursorOrder)
#include "tst_cursororder.moc"
