// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "server/accounts/principal.h"
#include "server/collections/collectionlisting.h"
#include "server/servermigrations.h"
#include "server/sync/syncaccess.h"
#include "shared/database.h"
#include "shared/declaredschema.h"
#include "shared/jsonqt.h"
#include "shared/migrator.h"
#include "shared/synctable.h"
#include "shared/uuid.h"
#include "tests/conformance/columnvalues.h"
#include "tests/conformance/parentrows.h"
#include "tests/conformance/rawclient.h"
#include "tests/conformance/testtype/testnotes.h"
#include "tests/support/testhttpclient.h"
#include "tests/sync/syncpeer.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::test;
using shared::DeclaredSchema;
using shared::SyncColumn;
using shared::SyncTable;

namespace {

const SyncTable &declared(const QString &name)
{
    const SyncTable *t = shared::SyncSchema::find(name);
    Q_ASSERT(t);
    return *t;
}

std::unique_ptr<shared::Database> serverDatabase(const QString &path)
{
    auto db = shared::Database::openSqlite(path);
    if (!db)
        return nullptr;
    shared::Migrator migrator(**db, server::serverMigrations());
    if (!migrator.migrate() || !DeclaredSchema(DeclaredSchema::Side::Server).apply(**db))
        return nullptr;
    return std::move(*db);
}

// The plan's lines that read a table without an index, or sort in a
// temporary B-tree: what a list must never do at 100,000 rows.
QStringList badPlanLines(shared::Database &db, const QString &sql, const QVariantList &binds, bool searching)
{
    QStringList bad;
    shared::Result<QSqlQuery> q = db.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, binds);
    if (!q)
        return { q.error().message };
    QStringList details;
    while (q->next())
        details << q->value(3).toString();
    // A search by equality on every column of a unique index finds one row
    // at most; sorting it costs nothing.
    bool oneRow = false;
    static const QRegularExpression uniqueSearch(
        QStringLiteral("^SEARCH \\w+ USING (?:COVERING )?INDEX (\\w+) \\(([^<>]*)\\)$"));
    for (const QString &detail : details) {
        const QRegularExpressionMatch m = uniqueSearch.match(detail);
        if (!m.hasMatch())
            continue;
        shared::Result<QVariant> unique = db.scalar(
            QStringLiteral("SELECT l.\"unique\" * (SELECT count(*) FROM pragma_index_info(l.name)) FROM sqlite_master "
                           "m, pragma_index_list(m.tbl_name) l WHERE m.name = ? AND l.name = m.name"),
            { m.captured(1) });
        oneRow
            = oneRow || (unique && unique->toInt() > 0 && unique->toInt() == m.captured(2).count(QLatin1String("=?")));
    }
    for (const QString &detail : details) {
        const bool scansWithoutIndex = detail.startsWith(QLatin1String("SCAN "))
            && !detail.contains(QLatin1String("INDEX")) && !detail.contains(QLatin1String("VIRTUAL TABLE"))
            && !detail.contains(QLatin1String("json_each"));
        // A search sorts its matches (few, found by the full-text index);
        // a list walks its sort's index instead.
        const bool sorts = detail.contains(QLatin1String("TEMP B-TREE")) && !searching && !oneRow;
        if (scansWithoutIndex || sorts)
            bad << detail;
    }
    return bad;
}

// Stops the pair's server and starts it again on the same data and port,
// as an administrator's restart would; the replicas notice by themselves.
bool restartServer(ReplicaPair &pair)
{
    ServerProcess::Options options;
    options.dataDir = pair.server.dataDir();
    options.port = pair.server.port();
    if (!pair.server.stop())
        return false;
    return pair.server.start(options);
}

QString field(const std::optional<nlohmann::json> &row, const QString &name)
{
    return row ? QString::fromStdString(row->value(name.toStdString(), std::string())) : QString();
}

} // namespace

// What every declared synced type must do, written once and run for each:
// its schema agrees with its declaration on both sides, every declared
// sort and filter is served by an index, a row made offline reaches the
// owner's other replica, concurrent edits of each column settle by the
// column's rule, and private rows stay with their owner.
class TestConformance : public QObject
{
    Q_OBJECT
private:
    void everyTable()
    {
        QTest::addColumn<QString>("table");
        for (const SyncTable &t : shared::SyncSchema::tables())
            QTest::newRow(qPrintable(t.name)) << t.name;
    }

private Q_SLOTS:
    void initTestCase()
    {
        registerTestNotes();
        qputenv("QUIRE_SERVER_BINARY", QUIRE_TEST_SERVER_BINARY);
        QVERIFY(shared::SyncSchema::find(QStringLiteral("test_notes")));
        QVERIFY(server::SyncAccess::find(QStringLiteral("test_notes")));
    }

    // Every registered table has its access rules, and its declaration is
    // coherent: sorts, filters and references name what exists.
    void declarationIsCoherent_data() { everyTable(); }
    void declarationIsCoherent()
    {
        QFETCH(QString, table);
        const SyncTable &t = declared(table);
        QVERIFY(server::SyncAccess::find(table));
        QVERIFY2(t.sortColumn(t.defaultSort), "defaultSort names no sortable column");
        QSet<QString> keys;
        for (const SyncColumn &c : t.columns) {
            for (const QString &k : { c.sortKey, c.filterKey }) {
                if (!k.isEmpty())
                    QVERIFY2(!keys.contains(c.name + k), qPrintable(k));
                keys << c.name + k;
            }
            if (!c.references.isEmpty())
                QVERIFY2(shared::SyncSchema::find(c.references), qPrintable(c.references));
            if (c.type == shared::ColumnType::Choice)
                QVERIFY(c.choices.contains(c.defaultValue));
        }
        QVERIFY(!t.singularLabel().isEmpty() && !t.pluralLabel().isEmpty());
    }

    void schemaAgreesOnBothSides_data() { everyTable(); }
    void schemaAgreesOnBothSides()
    {
        QFETCH(QString, table);
        QTemporaryDir dir;
        auto server = serverDatabase(dir.filePath(QStringLiteral("server.db")));
        QVERIFY(server);
        shared::Result<QStringList> diff
            = DeclaredSchema(DeclaredSchema::Side::Server).differences(*server, declared(table));
        QVERIFY(diff);
        QVERIFY2(diff->isEmpty(), qPrintable(diff->join(QLatin1String("; "))));
        auto replica = desktop::Replica::open(dir.filePath(QStringLiteral("replica.db")));
        QVERIFY(replica);
        diff = DeclaredSchema(DeclaredSchema::Side::Replica).differences((*replica)->database(), declared(table));
        QVERIFY(diff);
        QVERIFY2(diff->isEmpty(), qPrintable(diff->join(QLatin1String("; "))));
    }

    // A column declared after a database was made arrives by itself, and
    // until then the difference is named (what a forgotten migration did).
    void missingColumnIsNamedThenAdded_data()
    {
        QTest::addColumn<int>("side");
        QTest::newRow("server") << int(DeclaredSchema::Side::Server);
        QTest::newRow("replica") << int(DeclaredSchema::Side::Replica);
    }
    void missingColumnIsNamedThenAdded()
    {
        QFETCH(int, side);
        const DeclaredSchema schema { DeclaredSchema::Side(side) };
        QTemporaryDir dir;
        auto db = shared::Database::openSqlite(dir.filePath(QStringLiteral("old.db")));
        QVERIFY(db);
        QVERIFY(
            (*db)->run(QStringLiteral("CREATE TABLE test_notes (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', "
                                      "rev INTEGER NOT NULL DEFAULT 0) STRICT")));
        QVERIFY((*db)->run(QStringLiteral("INSERT INTO test_notes(id, title, rev) VALUES ('x', 'Kept', 1)")));
        shared::Result<QStringList> diff = schema.differences(**db, declared(QStringLiteral("test_notes")));
        QVERIFY(diff);
        QVERIFY(diff->contains(QStringLiteral("test_notes.mood is missing")));
        if (DeclaredSchema::Side(side) == DeclaredSchema::Side::Replica)
            QVERIFY(
                (*db)->run(QStringLiteral("CREATE TABLE replica_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")));
        QVERIFY(schema.apply(**db, declared(QStringLiteral("test_notes"))));
        diff = schema.differences(**db, declared(QStringLiteral("test_notes")));
        QVERIFY(diff);
        QVERIFY2(diff->isEmpty(), qPrintable(diff->join(QLatin1String("; "))));
        shared::Result<QVariant> kept = (*db)->scalar(QStringLiteral("SELECT title || mood FROM test_notes"));
        QVERIFY(kept);
        QCOMPARE(kept->toString(), QStringLiteral("Keptcalm"));
    }

    // Each declared sort, alone and after each declared filter, in both
    // directions, for someone who sees everything and for a writer who sees
    // their own rows: an index walk, no full scan, no sort of every row.
    void everySortAndFilterUsesAnIndex_data() { everyTable(); }
    void everySortAndFilterUsesAnIndex()
    {
        QFETCH(QString, table);
        const SyncTable &t = declared(table);
        const server::SyncAccess &access = *server::SyncAccess::find(table);
        QTemporaryDir dir;
        auto db = serverDatabase(dir.filePath(QStringLiteral("server.db")));
        QVERIFY(db);
        server::CollectionListing listing(*db, t, access);
        const auto principal = [](shared::Role role) {
            server::Principal p;
            p.userId = shared::Uuid::createV7();
            p.role = role;
            p.emailVerified = true;
            return p;
        };
        const server::Principal admin = principal(shared::Role::Admin);
        const server::Principal writer = principal(shared::Role::Author);
        int plans = 0;
        for (const SyncColumn &s : t.columns) {
            if (!s.isSortable())
                continue;
            QList<QPair<QString, QString>> filters { { QString(), QString() } };
            for (const SyncColumn &f : t.columns) {
                if (f.isFilterable())
                    filters << qMakePair(
                        f.filterKey, f.type == shared::ColumnType::Choice ? f.choices.value(0) : QStringLiteral("x"));
            }
            if (t.isSearchable())
                filters << qMakePair(QStringLiteral("q"), QStringLiteral("words"));
            for (const auto &[key, value] : filters) {
                for (const char *order : { "asc", "desc" }) {
                    for (const server::Principal *who : { &admin, &writer }) {
                        QUrlQuery query;
                        query.addQueryItem(QStringLiteral("sort"), s.sortKey);
                        query.addQueryItem(QStringLiteral("order"), QLatin1String(order));
                        if (!key.isEmpty())
                            query.addQueryItem(key, value);
                        auto statement = listing.statement(*who, query);
                        QVERIFY2(statement, qPrintable(statement ? QString() : statement.error().message));
                        const QStringList bad
                            = badPlanLines(*db, statement->first, statement->second, key == QLatin1String("q"));
                        QVERIFY2(bad.isEmpty(),
                                 qPrintable(QStringLiteral("sort=%1 %2 %3=%4: %5")
                                                .arg(s.sortKey, QLatin1String(order), key, value,
                                                     bad.join(QLatin1String("; ")))));
                        ++plans;
                    }
                }
            }
        }
        QVERIFY(plans > 0);
    }

    // Made offline on one replica, the row reaches the owner's other
    // replica whole; another user sees it only if the type is public.
    // Then both of the owner's replicas change each column at once, and
    // the column's merge rule decides, the same on both.
    void syncsAndMergesEveryColumn_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("isPrivate");
        // Rows that never change once written: an edit is refused as immutable.
        QTest::addColumn<bool>("immutable");
        // Whether the other user (of the same role) may change or delete the owner's row.
        QTest::addColumn<bool>("othersMayWrite");
        const auto row = [](const char *table, const char *role, bool isPrivate, bool immutable = false,
                            bool othersMayWrite = false) {
            QTest::newRow(table) << QString::fromLatin1(table) << QString::fromLatin1(role) << isPrivate << immutable
                                 << othersMayWrite;
        };
        row("articles", "author", true);
        row("categories", "admin", false, false, true);
        row("saved_items", "reader", true);
        row("test_notes", "author", true);
        row("prompts", "author", true);
        row("prompt_versions", "author", true, true);
        row("prompt_labels", "author", true);
        row("prompt_groups", "author", true);
        row("prompt_group_members", "author", true);
        row("prompt_group_shares", "author", true);
        row("prompt_favorites", "author", true);
        row("prompt_usage", "author", true, true);
        row("prompt_preferences", "creator", true);
        row("clients", "creator", true);
        row("platforms", "creator", true);
        row("posts", "creator", true);
        row("post_destinations", "creator", true);
    }
    void syncsAndMergesEveryColumn()
    {
        QFETCH(QString, table);
        QFETCH(QString, role);
        QFETCH(bool, isPrivate);
        QFETCH(bool, immutable);
        QFETCH(bool, othersMayWrite);
        const SyncTable &t = declared(table);
        ReplicaPair pair;
        const QString owner = QStringLiteral("owner@example.org");
        const QString data = pair.dir.filePath(QStringLiteral("server"));
        QVERIFY(createUser(data, QStringLiteral("publisher@example.org"), QStringLiteral("admin"), kSyncTestPassword));
        for (const char *user : { "bystander1@example.org", "bystander2@example.org", "bystander3@example.org" })
            QVERIFY(createUser(data, QString::fromLatin1(user), QStringLiteral("reader"), kSyncTestPassword));
        // Rows another type's references can name: published articles.
        QVERIFY(seedGuides(data, QStringLiteral("publisher@example.org"), 3, 200, true));
        QStringList articles;
        {
            auto db = shared::Database::openSqlite(data + QStringLiteral("/quire.db"));
            QVERIFY(db);
            auto q = (*db)->exec(QStringLiteral("SELECT id FROM articles ORDER BY id"));
            QVERIFY(q);
            while (q->next())
                articles << q->value(0).toString();
        }
        QCOMPARE(articles.size(), 3);
        const QString error = pair.start({ { owner, role }, { QStringLiteral("other@example.org"), role } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SyncPeer second(pair.dir.filePath(QStringLiteral("a2")));
        second.connectTo(pair.server);
        QVERIFY(second.signIn(owner, kSyncTestPassword));
        // Users a row may name (whom a group is shared with): not the other
        // user, who stays a bystander.
        QStringList accounts;
        {
            auto db = shared::Database::openSqlite(data + QStringLiteral("/quire.db"));
            QVERIFY(db);
            auto q = (*db)->exec(QStringLiteral("SELECT id FROM users WHERE email LIKE ? ORDER BY email"),
                                 { QStringLiteral("bystander%") });
            QVERIFY(q);
            while (q->next())
                accounts << q->value(0).toString();
        }
        QCOMPARE(accounts.size(), 3);

        // Offline: nothing has synced yet. The rows the new one names are
        // made first on the same replica (a version's prompt, a member's
        // group and prompt), as its owner would.
        ParentRows parents(pair.a->ws().content(), pair.a->ws().accountId(),
                           { { QStringLiteral("articles"), articles.first() } },
                           [&](const SyncColumn &c) { return ColumnValues::of(c, 0, accounts).first; });
        const shared::Result<nlohmann::json> made = parents.fieldsFor(t);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        const nlohmann::json fields = *made;
        shared::Result<QString> id = pair.a->ws().content().create(t, fields, pair.a->ws().accountId());
        QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
        // Both ends restart before the row is sent: the replica keeps the
        // unsent row, and the server reopens a database whose derived
        // objects already exist.
        pair.a->reopen(pair.server);
        QVERIFY(pair.a->isOpen());
        QCOMPARE(pair.a->status().pending, 1 + int(parents.made().size()));
        QVERIFY(restartServer(pair));
        QCOMPARE(pair.a->sync(), desktop::SyncEngine::State::Idle);
        const auto refusedOnA = pair.a->ws().syncRecords().rejections();
        QVERIFY(refusedOnA);
        QVERIFY2(refusedOnA->isEmpty(), qPrintable(refusedOnA->value(0).message));
        QCOMPARE(second.sync(), desktop::SyncEngine::State::Idle);
        const auto there = second.ws().content().get(t, *id);
        QVERIFY(there && *there);
        for (auto it = fields.begin(); it != fields.end(); ++it)
            QCOMPARE(field(*there, QString::fromStdString(it.key())), it->get<QString>());
        QCOMPARE(pair.b->sync(), desktop::SyncEngine::State::Idle);
        const auto seen = pair.b->ws().content().get(t, *id);
        QVERIFY(seen);
        QCOMPARE(seen->has_value(), !isPrivate);

        TestHttpClient http(pair.server.url(), pair.server.fingerprint());
        RawClient raw(http);
        const QByteArray ownerToken = raw.tokenOf(owner);
        // What only the server writes (owner, times, numbers, readers) is
        // refused from a client, in a new row and in a change, and stays.
        for (const SyncColumn &c : t.columns) {
            if (c.merge != shared::MergeRule::ServerOwned)
                continue;
            const std::string name = c.name.toStdString();
            nlohmann::json created = fields;
            created[name] = ColumnValues::of(c, 7, accounts).first.toStdString();
            const QString newId = shared::Uuid::createV7();
            for (const auto &[rowId, sent] :
                 { qMakePair(newId, created), qMakePair(*id, nlohmann::json { { name, created[name] } }) }) {
                const nlohmann::json result = raw.push(ownerToken, t.name, rowId, "upsert", sent);
                QVERIFY2(result.value("outcome", std::string()) == "rejected", result.dump().c_str());
                QVERIFY2(result["reason"]["fields"].contains(name), result.dump().c_str());
            }
            QCOMPARE(second.sync(), desktop::SyncEngine::State::Idle);
            QCOMPARE(field(*second.ws().content().get(t, *id), c.name), field(*there, c.name));
            QVERIFY(!second.ws().content().get(t, newId)->has_value());
        }
        // Another user may neither change nor delete the owner's row by
        // naming its id (unless the type lets them, as categories for admins).
        if (!othersMayWrite) {
            const QByteArray otherToken = raw.tokenOf(QStringLiteral("other@example.org"));
            nlohmann::json change = nlohmann::json::object();
            for (const SyncColumn &c : t.columns) {
                if (c.merge != shared::MergeRule::ServerOwned && c.references.isEmpty() && change.empty())
                    change[c.name.toStdString()] = ColumnValues::of(c, 8, accounts).first.toStdString();
            }
            for (const auto &[op, sent] :
                 { qMakePair("upsert", change), qMakePair("delete", nlohmann::json::object()) }) {
                if (sent.empty() && QLatin1String(op) == QLatin1String("upsert"))
                    continue; // nothing but references to change (a favourite)
                const nlohmann::json result = raw.push(otherToken, t.name, *id, op, sent);
                QVERIFY2(result.value("outcome", std::string()) == "rejected", result.dump().c_str());
                QStringList refusals { shared::errorCodeName(shared::ErrorCode::Forbidden),
                                       shared::errorCodeName(shared::ErrorCode::NotFound) };
                // A row that never changes may say so first: it tells no more than forbidden.
                if (immutable && QLatin1String(op) == QLatin1String("upsert"))
                    refusals << shared::errorCodeName(shared::ErrorCode::Immutable);
                QVERIFY2(refusals.contains(QString::fromStdString(result["reason"].value("code", std::string()))),
                         result.dump().c_str());
            }
            QCOMPARE(second.sync(), desktop::SyncEngine::State::Idle);
            const auto kept = second.ws().content().get(t, *id);
            QVERIFY(kept && *kept);
            for (auto it = fields.begin(); it != fields.end(); ++it)
                QCOMPARE(field(*kept, QString::fromStdString(it.key())), it->get<QString>());
        }

        int salt = 1;
        // A row that never changes: each edit is refused as immutable, kept
        // as a refused change on the replica that made it, and the server's
        // row (what the owner's other replica sees) stays as made.
        for (const SyncColumn &c : t.columns) {
            if (!immutable || c.merge == shared::MergeRule::ServerOwned || !c.references.isEmpty())
                continue;
            const std::string name = c.name.toStdString();
            const auto [first, other] = ColumnValues::of(c, salt++, accounts);
            const QString changed = first != field(*there, c.name) ? first : other;
            if (changed.isEmpty())
                continue; // no other value to try
            QVERIFY(pair.a->ws().content().update(t, *id, { { name, changed.toStdString() } }));
            QCOMPARE(pair.a->sync(), desktop::SyncEngine::State::Idle);
            const auto refusals = pair.a->ws().syncRecords().rejections();
            QVERIFY(refusals);
            bool refused = false;
            for (const auto &r : *refusals) {
                if (r.rowId == *id && r.fields.contains(name)) {
                    refused = true;
                    QCOMPARE(r.code, shared::errorCodeName(shared::ErrorCode::Immutable));
                    QVERIFY(pair.a->ws().syncRecords().dismissRejection(r.mutationId));
                }
            }
            QVERIFY2(refused, qPrintable(QStringLiteral("a change of %1 was not refused").arg(c.name)));
            QCOMPARE(second.sync(), desktop::SyncEngine::State::Idle);
            QCOMPARE(field(*second.ws().content().get(t, *id), c.name), field(*there, c.name));
        }
        for (const SyncColumn &c : t.columns) {
            if (immutable)
                break;
            if (c.merge == shared::MergeRule::ServerOwned || !c.references.isEmpty())
                continue;
            const auto [first, second_] = ColumnValues::of(c, salt++, accounts);
            const std::string name = c.name.toStdString();
            if (c.merge == shared::MergeRule::MarkdownText) {
                QVERIFY(pair.a->ws().content().update(t, *id, { { name, "First paragraph.\n\nSecond paragraph.\n" } }));
                QCOMPARE(pair.a->sync(), desktop::SyncEngine::State::Idle);
                QCOMPARE(second.sync(), desktop::SyncEngine::State::Idle);
            }
            QVERIFY(pair.a->ws().content().update(t, *id, { { name, first.toStdString() } }));
            const bool both = !second_.isEmpty();
            if (both)
                QVERIFY(second.ws().content().update(t, *id, { { name, second_.toStdString() } }));
            // The app closes with the edit unsent (the replica reopens
            // between the edit and its sync), and the server restarts once
            // in the middle of the columns.
            second.reopen(pair.server);
            QVERIFY(second.isOpen());
            if (salt == 3)
                QVERIFY(restartServer(pair));
            QCOMPARE(pair.a->sync(), desktop::SyncEngine::State::Idle);
            QCOMPARE(second.sync(), desktop::SyncEngine::State::Idle);
            QCOMPARE(pair.a->sync(), desktop::SyncEngine::State::Idle);
            const QString onA = field(*pair.a->ws().content().get(t, *id), c.name);
            const QString onSecond = field(*second.ws().content().get(t, *id), c.name);
            QCOMPARE(onA, onSecond);
            // A value the role may not set (e.g. an author scheduling) is
            // refused and kept on the replica that made it, not lost.
            bool refused = false;
            const auto refusals = second.ws().syncRecords().rejections();
            QVERIFY(refusals);
            for (const auto &r : *refusals) {
                if (r.rowId == *id && r.fields.contains(name)) {
                    refused = true;
                    QVERIFY(second.ws().syncRecords().dismissRejection(r.mutationId));
                }
            }
            switch (c.merge) {
            case shared::MergeRule::LastArrival:
                QCOMPARE(onA, both && !refused ? second_ : first);
                break;
            case shared::MergeRule::MarkdownText:
                QVERIFY2(onA.contains(QLatin1String("changed here")) && onA.contains(QLatin1String("changed there")),
                         qPrintable(onA));
                break;
            case shared::MergeRule::SetUnion: {
                const QStringList items = shared::listItems(onA);
                QVERIFY2(items.contains(QLatin1String("one")) && items.contains(QLatin1String("two")), qPrintable(onA));
                break;
            }
            case shared::MergeRule::ServerOwned:
                break;
            }
            if (both && !refused && c.merge == shared::MergeRule::LastArrival) {
                bool recorded = false;
                for (const auto &stored : second.conflicts())
                    recorded = recorded || (stored.conflict.rowId == *id && stored.conflict.field == c.name);
                QVERIFY2(recorded, qPrintable(QStringLiteral("no conflict record for %1").arg(c.name)));
            }
        }
        // The REST collection lists and searches only what each may see.
        if (!t.collection.isEmpty()) {
            const QString path = QStringLiteral("/api/v1/%1?per_page=100").arg(t.collection);
            const auto listed = [&](const QString &email, const QString &extra) {
                const HttpResult r
                    = http.request("GET", path + extra, {}, { { "Authorization", "Bearer " + raw.tokenOf(email) } });
                bool found = false;
                for (const nlohmann::json &item : r.json().value("items", nlohmann::json::array()))
                    found = found || item.value("id", std::string()) == id->toStdString();
                return qMakePair(r.status, found);
            };
            QCOMPARE(listed(owner, QString()), qMakePair(200, true));
            // Every change is a revision the owner can browse; others learn
            // nothing of a private row's history.
            const auto history = [&](const QString &email) {
                return http.request("GET", QStringLiteral("/api/v1/%1/%2/revisions").arg(t.collection, *id), {},
                                    { { "Authorization", "Bearer " + raw.tokenOf(email) } });
            };
            const HttpResult revisions = history(owner);
            QCOMPARE(revisions.status, 200);
            QVERIFY(!revisions.json()["items"].empty()); // the create, then each change
            QVERIFY(revisions.json()["items"][0]["rev"].get<qint64>() > 0);
            QCOMPARE(history(QStringLiteral("other@example.org")).status, isPrivate ? 404 : 200);
            QCOMPARE(listed(QStringLiteral("other@example.org"), QString()), qMakePair(200, !isPrivate));
            for (const QString &searched : t.searchedColumns()) {
                const QString words
                    = field(*pair.a->ws().content().get(t, *id), searched).section(QLatin1Char(' '), 0, 0);
                if (words.isEmpty())
                    continue;
                const QString q = QStringLiteral("&q=") + QString::fromLatin1(QUrl::toPercentEncoding(words));
                QCOMPARE(listed(owner, q), qMakePair(200, true));
                QCOMPARE(listed(QStringLiteral("other@example.org"), q), qMakePair(200, !isPrivate));
            }
        }
        // Deleted on one replica: gone on the other, and the kept-up-to-date
        // counts still equal a count of the live rows.
        QVERIFY(second.ws().content().remove(t, *id));
        QCOMPARE(second.sync(), desktop::SyncEngine::State::Idle);
        QCOMPARE(pair.a->sync(), desktop::SyncEngine::State::Idle);
        QVERIFY(!pair.a->ws().content().get(t, *id)->has_value());
        QStringList counted;
        for (const SyncColumn &c : t.columns) {
            if (c.counted)
                counted << c.name;
        }
        if (!counted.isEmpty()) {
            auto db = shared::Database::openSqlite(data + QStringLiteral("/quire.db"));
            QVERIFY(db);
            const QString cols = counted.join(QLatin1String(", "));
            const auto snapshot = [&](const QString &sql) {
                QStringList rows;
                auto q = (*db)->exec(sql);
                while (q && q->next()) {
                    QStringList values;
                    for (int i = 0; i <= counted.size(); ++i)
                        values << q->value(i).toString();
                    rows << values.join(QLatin1Char('|'));
                }
                rows.sort();
                return rows;
            };
            const QStringList kept
                = snapshot(QStringLiteral("SELECT %1, n FROM %2_counts WHERE n > 0").arg(cols, t.name));
            QCOMPARE(
                kept,
                snapshot(
                    QStringLiteral("SELECT %1, count(*) FROM %2 WHERE deleted = 0 GROUP BY %1").arg(cols, t.name)));
        }
        // Another user's replica still sees only what it may.
        QCOMPARE(pair.b->sync(), desktop::SyncEngine::State::Idle);
        const auto still = pair.b->ws().content().get(t, *id);
        QVERIFY(still);
        QVERIFY(!still->has_value());
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
