// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/answercache.h"
#include "server/servermigrations.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/migrator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::server;
using Depends = AnswerCache::Depends;

Q_DECLARE_METATYPE(AnswerCache::Depends)

namespace {

std::unique_ptr<shared::Database> open(const QString &path)
{
    shared::Result<std::unique_ptr<shared::Database>> db = shared::Database::openSqlite(path);
    return db ? std::move(*db) : nullptr;
}

} // namespace

// Kept answers hold exactly while what they were computed from holds: synced
// data (sync_state.seq, whatever else is written) or any data (every write),
// on this worker's connection or any other.
class TestAnswerCache : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<shared::Database> m_db; // the worker's connection
    std::unique_ptr<shared::Database> m_other; // another worker's, or another instance's
    int m_computed = 0;
    int m_requests = 0;

    // Asks `cache` as a new request would; true when the answer was kept.
    bool kept(AnswerCache &cache, Depends on)
    {
        HttpRequest request;
        request.requestId = QString::number(++m_requests);
        const int before = m_computed;
        const HttpResponse r = cache.answer(
            request, QStringLiteral("key"),
            [this] {
                ++m_computed;
                return HttpResponse::json(200, { { "n", m_computed } });
            },
            on);
        return r.status == 200 && m_computed == before;
    }

    bool write(shared::Database &db, const QString &what)
    {
        if (what == QLatin1String("synced"))
            return bool(db.run(QStringLiteral("UPDATE sync_state SET seq = seq + 1")));
        // Not synced data: a table no list shows.
        return bool(db.run(QStringLiteral("INSERT INTO audit_log(at, actor_id, action, target_id, ip, details) "
                                          "VALUES ('2026-01-01T00:00:00.000Z', '', 'test', '', '', '{}')")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("quire.db"));
        m_db = open(path);
        QVERIFY(m_db);
        shared::Migrator migrator(*m_db, serverMigrations());
        QVERIFY(migrator.migrate());
        QVERIFY(shared::DeclaredSchema(shared::DeclaredSchema::Side::Server).apply(*m_db));
        m_other = open(path);
        QVERIFY(m_other);
        QVERIFY(write(*m_db, QStringLiteral("other"))); // the audit log takes this row
    }

    void keptUntilItsDataChanges_data()
    {
        QTest::addColumn<Depends>("on");
        QTest::addColumn<QString>("write");
        QTest::addColumn<bool>("elsewhere");
        QTest::addColumn<bool>("stillKept");
        QTest::newRow("synced, synced write") << Depends::SyncedData << "synced" << false << false;
        QTest::newRow("synced, synced write elsewhere") << Depends::SyncedData << "synced" << true << false;
        QTest::newRow("synced, other write") << Depends::SyncedData << "other" << false << true;
        QTest::newRow("synced, other write elsewhere") << Depends::SyncedData << "other" << true << true;
        QTest::newRow("any, synced write elsewhere") << Depends::AnyData << "synced" << true << false;
        QTest::newRow("any, other write") << Depends::AnyData << "other" << false << false;
        QTest::newRow("any, other write elsewhere") << Depends::AnyData << "other" << true << false;
    }
    void keptUntilItsDataChanges()
    {
        QFETCH(Depends, on);
        QFETCH(QString, write);
        QFETCH(bool, elsewhere);
        QFETCH(bool, stillKept);
        AnswerCache cache(*m_db, 16);
        QVERIFY(!kept(cache, on)); // computed
        QVERIFY(kept(cache, on));
        QVERIFY(kept(cache, on));
        QVERIFY(this->write(elsewhere ? *m_other : *m_db, write));
        QCOMPARE(kept(cache, on), stillKept);
        QVERIFY(kept(cache, on)); // and kept again once checked
    }

    // One request reads other connections' commits once: the sign-in check
    // and the answer see the database at the same moment. The next request
    // reads afresh; its own writes are always counted.
    void oneMomentPerRequest()
    {
        AnswerCache cache(*m_db, 16);
        HttpRequest request;
        request.requestId = QStringLiteral("one request");
        const auto compute = [this] {
            ++m_computed;
            return HttpResponse::json(200, { { "n", m_computed } });
        };
        const std::optional<AnswerCache::Mark> first = cache.markFor(request.requestId);
        QVERIFY(first);
        cache.answer(request, QStringLiteral("key"), compute, Depends::AnyData);
        QVERIFY(write(*m_other, QStringLiteral("other")));
        QVERIFY(cache.markFor(request.requestId) == first);
        QVERIFY(cache.markFor(QStringLiteral("next request")) != first);
        QVERIFY(!kept(cache, Depends::AnyData));
        QVERIFY(write(*m_db, QStringLiteral("other")));
        const std::optional<AnswerCache::Mark> own = cache.markFor(QStringLiteral("next request"));
        QVERIFY(own && own->ownChanges > first->ownChanges);
    }

    void offComputesEveryAnswer()
    {
        AnswerCache cache(*m_db, 0);
        QVERIFY(!kept(cache, Depends::SyncedData));
        QVERIFY(!kept(cache, Depends::SyncedData));
        QVERIFY(cache.markFor(QString())); // the mark still reads
    }
};

QTEST_GUILESS_MAIN(TestAnswerCache)
#include "tst_answercache.moc"
