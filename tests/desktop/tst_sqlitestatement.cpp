// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/sqlitestatement.h"
#include "shared/database.h"
#include "shared/utf8.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace quire::desktop;
using quire::shared::Database;

// The pull's direct SQLite statements write text exactly as the QSqlQuery
// path does (empty text stays text, a leading BOM and a NUL are kept), and
// report failures instead of dropping them.
class TestSqliteStatement : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    QString stored(const QString &id)
    {
        auto v = m_db->scalar(QStringLiteral("SELECT typeof(v) || ':' || hex(v) FROM t WHERE id = ?"), { id });
        return v ? v->toString() : QStringLiteral("error");
    }

private Q_SLOTS:
    void init()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("t.db")));
        QVERIFY(db.ok());
        m_db = std::move(db.value());
        QVERIFY(m_db->run(QStringLiteral("DROP TABLE IF EXISTS t")).ok());
        QVERIFY(m_db->run(QStringLiteral("CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT, n INTEGER)")).ok());
    }
    void cleanup() { m_db.reset(); }

    void writesTextAsQSqlQueryDoes_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::newRow("plain") << QByteArray("Hello");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("non-ascii") << QByteArray("Grüße, 世界 \xF0\x9F\x98\x80");
        QTest::newRow("leading BOM") << QByteArray("\xEF\xBB\xBFtext");
        QTest::newRow("leading U+FFFE") << QByteArray("\xEF\xBF\xBEtext \xEF\xBF\xBF");
        QTest::newRow("NUL inside") << QByteArray("a\0b", 3);
        QTest::newRow("ill-formed") << QByteArray("a\xFF\xC3");
    }
    void writesTextAsQSqlQueryDoes()
    {
        QFETCH(QByteArray, utf8);
        QVERIFY(
            m_db->run(QStringLiteral("INSERT INTO t(id, v) VALUES ('qt', ?)"), { quire::shared::Utf8::decode(utf8) })
                .ok());
        auto statement
            = SqliteStatement::prepare(m_db->handle(), QStringLiteral("INSERT INTO t(id, v, n) VALUES (?, ?, ?)"));
        QVERIFY(statement.ok());
        const std::string bytes = utf8.toStdString();
        (*statement)->bindText(0, QStringLiteral("direct"));
        (*statement)->bindText(1, std::string_view(bytes));
        (*statement)->bindInteger(2, 42);
        QVERIFY((*statement)->run().ok());
        QCOMPARE(stored(QStringLiteral("direct")), stored(QStringLiteral("qt")));
        QVERIFY(stored(QStringLiteral("direct")).startsWith(QLatin1String("text:")));
        // And it reads back as the text it was.
        const auto back = m_db->scalar(QStringLiteral("SELECT v FROM t WHERE id = 'direct'"));
        QVERIFY(back.ok());
        QCOMPARE(back->toString(), quire::shared::Utf8::decode(utf8));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT n FROM t WHERE id = 'direct'"))->toLongLong(), 42);
    }

    void aQStringIsBoundWhole()
    {
        auto statement = SqliteStatement::prepare(m_db->handle(), QStringLiteral("INSERT INTO t(id, v) VALUES (?, ?)"));
        QVERIFY(statement.ok());
        const QString text = QChar(0xFEFF) + QStringLiteral("{\"a\": 1}");
        (*statement)->bindText(0, QStringLiteral("a"));
        (*statement)->bindText(1, text);
        QVERIFY((*statement)->run().ok());
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT v FROM t WHERE id = 'a'"))->toString(), text);
    }

    void aNullViewIsEmptyTextAndNullIsAskedFor()
    {
        auto statement = SqliteStatement::prepare(m_db->handle(), QStringLiteral("INSERT INTO t(id, v) VALUES (?, ?)"));
        QVERIFY(statement.ok());
        (*statement)->bindText(0, QStringLiteral("a"));
        (*statement)->bindText(1, std::string_view());
        QVERIFY((*statement)->run().ok());
        (*statement)->bindText(0, QStringLiteral("b"));
        (*statement)->bindNull(1);
        QVERIFY((*statement)->run().ok());
        QCOMPARE(stored(QStringLiteral("a")), QStringLiteral("text:"));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT typeof(v) FROM t WHERE id = 'b'"))->toString(),
                 QStringLiteral("null"));
    }

    void failuresAreReportedAndTheStatementGoesOn()
    {
        auto statement = SqliteStatement::prepare(m_db->handle(), QStringLiteral("INSERT INTO t(id, v) VALUES (?, ?)"));
        QVERIFY(statement.ok());
        (*statement)->bindText(0, QStringLiteral("same"));
        QVERIFY((*statement)->run().ok());
        (*statement)->bindText(0, QStringLiteral("same"));
        const auto twice = (*statement)->run();
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, QStringLiteral("db_error"));
        QVERIFY(twice.error().message.contains(QLatin1String("UNIQUE")));
        (*statement)->bindText(0, QStringLiteral("other"));
        QVERIFY((*statement)->run().ok());
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM t"))->toInt(), 2);

        const auto broken = SqliteStatement::prepare(m_db->handle(), QStringLiteral("INSERT INTO nowhere VALUES (?)"));
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.contains(QLatin1String("nowhere")));
    }
};

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
