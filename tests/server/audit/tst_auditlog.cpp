// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler's hash-chained audit log (AuditChain) on an SQLite file:
// the chain it builds, every kind of tampering verify() must name, details
// that would hold a secret, and text that tries to forge a line or an entry.
#include "server/audit/auditchain.h"
#include "server/audit/auditcommand.h"
#include "server/serverdatabase.h"
#include "shared/database.h"
#include "shared/errorcode.h"

#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::server;
using Problem = AuditVerification::Problem;

Q_DECLARE_METATYPE(AuditVerification::Problem)

namespace {

AuditEntry entry(AuditAction action, const QString &subjectId, nlohmann::json details = nlohmann::json::object())
{
    return AuditEntry { action, QStringLiteral("user-1"), QStringLiteral("posts"), subjectId, std::move(details) };
}

// True when `text` holds nothing a terminal would act on or show as a break.
bool printable(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator;
    });
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<shared::Database> m_db;

    shared::Result<AuditRecord> append(const AuditEntry &e)
    {
        shared::Result<AuditRecord> written = shared::Error::make(QStringLiteral("none"), QString());
        const shared::VoidResult done = m_db->transaction([&]() -> shared::VoidResult {
            written = AuditChain::append(*m_db, e);
            return written ? shared::VoidResult::success() : shared::VoidResult(written.error());
        });
        if (!done)
            return done.error();
        return written;
    }

    qint64 scalar(const QString &sql)
    {
        shared::Result<QVariant> v = m_db->scalar(sql);
        return v ? v->toLongLong() : -1;
    }

    AuditVerification verify()
    {
        shared::Result<AuditVerification> v = AuditChain::verify(*m_db);
        if (!v)
            qWarning() << "verify failed:" << v.error().message;
        return v ? *v : AuditVerification { Problem::HeadMismatch, -1, -1, {} };
    }

    // Five entries, 1 to 5.
    bool seed()
    {
        for (int i = 1; i <= 5; ++i) {
            if (!append(entry(AuditAction::PostRescheduled, QStringLiteral("post-%1").arg(i),
                              { { "from", "2030-01-01T10:00:00Z" }, { "to", "2030-01-02T10:00:00Z" } })))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = ServerDatabase::openMigrated(m_dir->filePath(QStringLiteral("quire.db")));
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        m_db = std::move(db.value());
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void emptyChainIsIntact()
    {
        const AuditVerification v = verify();
        QVERIFY(v.intact());
        QCOMPARE(v.entries, 0);
        QCOMPARE(v.headHash, AuditChain::genesisHash());
    }

    void appendLinksEachEntryToTheOneBefore()
    {
        QVERIFY(seed());
        shared::Result<QList<AuditRecord>> records = AuditChain::latest(*m_db, 100);
        QVERIFY(records);
        QCOMPARE(records->size(), 5);
        QString prev = AuditChain::genesisHash();
        for (qsizetype i = 0; i < records->size(); ++i) {
            const AuditRecord &r = records->at(i);
            QCOMPARE(r.id, i + 1);
            QCOMPARE(r.prevHash, prev);
            QCOMPARE(r.hash, AuditChain::hashOf(r));
            QCOMPARE(r.hash.size(), 64);
            QCOMPARE(r.action, QStringLiteral("post_rescheduled"));
            prev = r.hash;
        }
        const AuditVerification v = verify();
        QVERIFY2(v.intact(), qPrintable(v.describe()));
        QCOMPARE(v.entries, 5);
        QCOMPARE(v.headHash, prev);
        QVERIFY(v.describe().startsWith(QLatin1String("audit log intact: 5 entries")));
        // latest() gives the newest, oldest first.
        shared::Result<QList<AuditRecord>> two = AuditChain::latest(*m_db, 2);
        QVERIFY(two);
        QCOMPARE(two->size(), 2);
        QCOMPARE(two->at(0).id, 4);
        QCOMPARE(two->at(1).id, 5);
    }

    void tampering_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<qint64>("badId");
        QTest::newRow("edit action") << QStringList {
            QStringLiteral("UPDATE audit_chain SET action = 'post_cancelled' WHERE id = 3")
        } << Problem::EditedEntry << qint64(3);
        QTest::newRow("edit actor") << QStringList {
            QStringLiteral("UPDATE audit_chain SET actor_id = 'someone-else' WHERE id = 1")
        } << Problem::EditedEntry << qint64(1);
        QTest::newRow("edit time") << QStringList {
            QStringLiteral("UPDATE audit_chain SET at = '2001-01-01T00:00:00.000Z' WHERE id = 4")
        } << Problem::EditedEntry << qint64(4);
        QTest::newRow("edit details") << QStringList {
            QStringLiteral("UPDATE audit_chain SET details = '{\"to\":\"2031-01-01T00:00:00Z\"}' WHERE id = 2")
        } << Problem::EditedEntry << qint64(2);
        // A line break and a forged entry after it, as an attacker writing
        // the column directly would try.
        QTest::newRow("inject CR LF into details")
            << QStringList { QStringLiteral("UPDATE audit_chain SET details = details || char(13) || char(10) || "
                                            "'6 2030-01-01T00:00:00.000Z post_deleted' WHERE id = 2") }
            << Problem::EditedEntry << qint64(2);
        QTest::newRow("delete a middle entry") << QStringList { QStringLiteral("DELETE FROM audit_chain WHERE id = 3") }
                                               << Problem::MissingEntry << qint64(3);
        QTest::newRow("delete the first entry")
            << QStringList { QStringLiteral("DELETE FROM audit_chain WHERE id = 1") } << Problem::MissingEntry
            << qint64(1);
        QTest::newRow("delete the last entry") << QStringList { QStringLiteral("DELETE FROM audit_chain WHERE id = 5") }
                                               << Problem::MissingTail << qint64(5);
        QTest::newRow("delete the last two entries")
            << QStringList { QStringLiteral("DELETE FROM audit_chain WHERE id >= 4") } << Problem::MissingTail
            << qint64(4);
        QTest::newRow("reorder two entries")
            << QStringList { QStringLiteral("UPDATE audit_chain SET id = -2 WHERE id = 2"),
                             QStringLiteral("UPDATE audit_chain SET id = 2 WHERE id = 3"),
                             QStringLiteral("UPDATE audit_chain SET id = 3 WHERE id = -2") }
            << Problem::EditedEntry << qint64(2);
        // The middle entry deleted and the later ones renumbered: each moved
        // entry's hash covers its old id.
        QTest::newRow("delete and renumber")
            << QStringList { QStringLiteral("DELETE FROM audit_chain WHERE id = 3"),
                             QStringLiteral("UPDATE audit_chain SET id = id - 1 WHERE id > 3"),
                             QStringLiteral("UPDATE audit_chain_head SET entries = 4") }
            << Problem::EditedEntry << qint64(3);
        QTest::newRow("an entry copied in by hand") << QStringList { QStringLiteral(
            "INSERT INTO audit_chain(id, at, actor_id, action, subject_table, subject_id, details, "
            "prev_hash, hash) SELECT 6, at, actor_id, action, subject_table, subject_id, details, hash, hash "
            "FROM audit_chain WHERE id = 5") } << Problem::EditedEntry
                                                    << qint64(6);
        QTest::newRow("head hash changed")
            << QStringList { QStringLiteral("UPDATE audit_chain_head SET last_hash = 'x'") } << Problem::HeadMismatch
            << qint64(5);
        QTest::newRow("an entry with id 0") << QStringList { QStringLiteral(
            "INSERT INTO audit_chain(id, at, actor_id, action, subject_table, subject_id, details, "
            "prev_hash, hash) SELECT 0, at, actor_id, action, subject_table, subject_id, details, prev_hash, "
            "hash FROM audit_chain WHERE id = 1") }
                                            << Problem::EditedEntry << qint64(0);
    }

    void tampering()
    {
        QFETCH(QStringList, statements);
        QFETCH(Problem, problem);
        QFETCH(qint64, badId);
        QVERIFY(seed());
        QVERIFY(verify().intact());
        for (const QString &sql : statements) {
            const shared::VoidResult r = m_db->run(sql);
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        }
        const AuditVerification v = verify();
        QCOMPARE(v.problem, problem);
        QCOMPARE(v.badId, badId);
        QVERIFY(!v.intact());
        QVERIFY2(v.describe().contains(QStringLiteral("entry %1").arg(badId)), qPrintable(v.describe()));
    }

    // Rewriting an entry and recomputing its own hash still breaks the next
    // entry's link: the edit is named at the first entry that no longer follows.
    void rewrittenEntryBreaksTheNextLink()
    {
        QVERIFY(seed());
        shared::Result<QList<AuditRecord>> records = AuditChain::latest(*m_db, 100);
        QVERIFY(records);
        AuditRecord forged = records->at(1);
        forged.details = QStringLiteral("{\"to\":\"2040-01-01T00:00:00Z\"}");
        forged.hash = AuditChain::hashOf(forged);
        QVERIFY(m_db->run(QStringLiteral("UPDATE audit_chain SET details = ?, hash = ? WHERE id = 2"),
                          { forged.details, forged.hash }));
        const AuditVerification v = verify();
        QCOMPARE(v.problem, Problem::BrokenLink);
        QCOMPARE(v.badId, 3);
    }

    // An entry with a correct hash and link, written past the head (not
    // through append()): the head no longer ends the chain.
    void entryWrittenPastTheHead()
    {
        QVERIFY(seed());
        shared::Result<QList<AuditRecord>> records = AuditChain::latest(*m_db, 1);
        QVERIFY(records);
        AuditRecord extra = records->at(0);
        extra.id = 6;
        extra.prevHash = extra.hash;
        extra.hash = AuditChain::hashOf(extra);
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO audit_chain(id, at, actor_id, action, subject_table, subject_id, "
                                         "details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          { extra.id, extra.at, extra.actorId, extra.action, extra.subjectTable, extra.subjectId,
                            extra.details, extra.prevHash, extra.hash }));
        const AuditVerification v = verify();
        QCOMPARE(v.problem, Problem::HeadMismatch);
        QCOMPARE(v.badId, 6);
    }

    // Fields are length-prefixed: text moved from one field into the next,
    // or a separator written into one, gives another hash.
    void encodingIsUnambiguous()
    {
        AuditRecord a { 7,
                        QStringLiteral("2030-01-01T00:00:00.000Z"),
                        QStringLiteral("u"),
                        QStringLiteral("post_deleted"),
                        QStringLiteral("posts"),
                        QStringLiteral("p1"),
                        QStringLiteral("{}"),
                        AuditChain::genesisHash(),
                        {} };
        QSet<QString> hashes { AuditChain::hashOf(a) };
        AuditRecord b = a;
        b.subjectTable = QStringLiteral("postsp");
        b.subjectId = QStringLiteral("1");
        hashes << AuditChain::hashOf(b);
        AuditRecord c = a;
        c.actorId = QStringLiteral("u\npost_deleted");
        c.action = QString();
        hashes << AuditChain::hashOf(c);
        AuditRecord d = a;
        d.id = 71;
        d.at = a.at.mid(1);
        hashes << AuditChain::hashOf(d);
        QCOMPARE(hashes.size(), 4);
        QCOMPARE(AuditChain::hashOf(a), AuditChain::hashOf(a));
    }

    void secretsRefused_data()
    {
        QTest::addColumn<QString>("details"); // JSON
        QTest::addColumn<QString>("key"); // the key named, empty when allowed
        QTest::newRow("password") << QStringLiteral(R"({"password":"x"})") << QStringLiteral("password");
        QTest::newRow("access_token") << QStringLiteral(R"({"access_token":"x"})") << QStringLiteral("access_token");
        QTest::newRow("apiKey") << QStringLiteral(R"({"apiKey":"x"})") << QStringLiteral("apiKey");
        QTest::newRow("client-secret") << QStringLiteral(R"({"client-secret":"x"})") << QStringLiteral("client-secret");
        QTest::newRow("nested credential")
            << QStringLiteral(R"({"platform":{"Credential":{"v":"x"}}})") << QStringLiteral("Credential");
        QTest::newRow("in an array") << QStringLiteral(R"({"items":[{"refresh_token":"x"}]})")
                                     << QStringLiteral("refresh_token");
        QTest::newRow("Authorization") << QStringLiteral(R"({"Authorization":"Bearer x"})")
                                       << QStringLiteral("Authorization");
        QTest::newRow("ids and kinds are fine")
            << QStringLiteral(R"({"platform_id":"p","key_id":"k1","kind":"mastodon","set_at":"t"})") << QString();
    }

    void secretsRefused()
    {
        QFETCH(QString, details);
        QFETCH(QString, key);
        const nlohmann::json parsed = nlohmann::json::parse(details.toStdString());
        QCOMPARE(AuditChain::secretKey(parsed), key);
        const shared::Result<AuditRecord> r
            = append(AuditEntry { AuditAction::CredentialAdded, QStringLiteral("u"), QStringLiteral("platforms"),
                                  QStringLiteral("p"), parsed });
        if (key.isEmpty()) {
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_chain")), 1);
            return;
        }
        QVERIFY(!r);
        QVERIFY(r.error().is(shared::ErrorCode::ValidationFailed));
        QVERIFY(r.error().message.contains(key));
        QVERIFY(!r.error().message.contains(QLatin1String("Bearer")));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_chain")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT entries FROM audit_chain_head")), 0);
    }

    void controlCharactersInNamesRefused_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("subjectId");
        QTest::newRow("CR LF in the actor") << QStringLiteral("u\r\n6 post_deleted") << QStringLiteral("p");
        QTest::newRow("LF in the subject") << QStringLiteral("u") << QStringLiteral("p\nq");
        QTest::newRow("escape sequence") << QStringLiteral("u\x1b[2K") << QStringLiteral("p");
        QTest::newRow("line separator") << QStringLiteral("u") << QStringLiteral("p") + QChar(0x2028);
        QTest::newRow("NUL") << QStringLiteral("u") << QStringLiteral("p") + QChar(0);
    }

    void controlCharactersInNamesRefused()
    {
        QFETCH(QString, actor);
        QFETCH(QString, subjectId);
        const shared::Result<AuditRecord> r
            = append(AuditEntry { AuditAction::PostDeleted, actor, QStringLiteral("posts"), subjectId, {} });
        QVERIFY(!r);
        QVERIFY(r.error().is(shared::ErrorCode::ValidationFailed));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_chain")), 0);
    }

    // Details may quote anything (a post's text, an error from a network):
    // stored as canonical JSON they hold printable ASCII only, and the
    // entry still verifies.
    void detailsTextIsStoredEscaped()
    {
        const QString hostile = QStringLiteral("a\r\n2 2030-01-01T00:00:00.000Z post_deleted\x1b[31m\x7f")
            + QChar(0x2028) + QChar(0x202e) + QStringLiteral("ü\\");
        const shared::Result<AuditRecord> r
            = append(entry(AuditAction::PostPublished, QStringLiteral("p"), { { "error", hostile.toStdString() } }));
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        const QString stored = r->details;
        QVERIFY(std::all_of(stored.cbegin(), stored.cend(),
                            [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; }));
        QCOMPARE(QString::fromStdString(nlohmann::json::parse(stored.toStdString())["error"].get<std::string>()),
                 hostile);
        QVERIFY(verify().intact());
        const QString line = AuditCommand::line(*r);
        QVERIFY(printable(line));
        QVERIFY(!line.contains(QLatin1Char('\n')));
        // Same keys in another order: the same canonical text.
        QCOMPARE(AuditChain::canonicalDetails(nlohmann::json::parse(R"({"b":1,"a":{"d":2,"c":3}})")),
                 QStringLiteral(R"({"a":{"c":3,"d":2},"b":1})"));
    }

    void escaped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("post-1 ü") << QStringLiteral("post-1 ü");
        QTest::newRow("CR LF") << QStringLiteral("a\r\nb") << QStringLiteral("a\\r\\nb");
        QTest::newRow("backslash") << QStringLiteral("a\\nb") << QStringLiteral("a\\\\nb");
        QTest::newRow("escape") << QStringLiteral("\x1b[2K") << QStringLiteral("\\u{001b}[2K");
        QTest::newRow("DEL and C1") << QStringLiteral("\x7f") + QChar(0x85) << QStringLiteral("\\u{007f}\\u{0085}");
        QTest::newRow("bidi override") << QStringLiteral("a") + QChar(0x202e) << QStringLiteral("a\\u{202e}");
        QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("\\u{2028}");
    }

    void escaped()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(AuditCommand::escaped(text), expected);
    }

    // A rolled-back append (the change it recorded failed) leaves no gap:
    // ids come from the head, not from a sequence.
    void rolledBackAppendLeavesNoGap()
    {
        QVERIFY(seed());
        const shared::VoidResult failed = m_db->transaction([&]() -> shared::VoidResult {
            if (shared::Result<AuditRecord> r
                = AuditChain::append(*m_db, entry(AuditAction::PostDeleted, QStringLiteral("p")));
                !r)
                return r.error();
            return shared::Error::make(QStringLiteral("test"), QStringLiteral("the change failed"));
        });
        QVERIFY(!failed);
        shared::Result<AuditRecord> next = append(entry(AuditAction::PostDeleted, QStringLiteral("p")));
        QVERIFY(next);
        QCOMPARE(next->id, 6);
        const AuditVerification v = verify();
        QVERIFY2(v.intact(), qPrintable(v.describe()));
        QCOMPARE(v.entries, 6);
    }

    void actionNamesAreOneTable()
    {
        const QStringList names = auditActionNames();
        QCOMPARE(names.size(), 13);
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
        for (const QString &name : names) {
            const std::optional<AuditAction> action = auditActionFromName(name);
            QVERIFY(action);
            QCOMPARE(auditActionName(*action), name);
        }
        QVERIFY(names.contains(QStringLiteral("credential_used")));
        QVERIFY(names.contains(QStringLiteral("platform_deleted")));
        QVERIFY(!auditActionFromName(QStringLiteral("post_published\n")));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
