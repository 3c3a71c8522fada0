// SPDX-License-Identifier: GPL-3.0-or-later
// CsvText, the comma-separated values of metrics import and export: what
// spreadsheets write is read (quotes, doubled quotes, newlines in quotes,
// CRLF or LF, a byte-order mark, blank lines), every malformed file names
// the line of its first problem, the writer quotes per RFC 4180 and guards
// cells a spreadsheet would run as formulas, and what it writes reads back.
#include "shared/csvtext.h"
#include "shared/utf8.h"

#include <QTest>

using quire::shared::CsvText;

Q_DECLARE_METATYPE(QList<QStringList>)

namespace {

// Rows of UTF-8 literals (every character kept, a byte-order mark too).
QList<QStringList> table(std::initializer_list<std::initializer_list<const char *>> rows)
{
    QList<QStringList> out;
    for (const auto &row : rows) {
        QStringList cells;
        for (const char *cell : row)
            cells << quire::shared::Utf8::decode(QByteArrayView(cell));
        out << cells;
    }
    return out;
}

} // namespace

class TestCsvText : public QObject
{
    Q_OBJECT

    static QList<QStringList> fieldsOf(const CsvText::Parsed &parsed)
    {
        QList<QStringList> out;
        for (const CsvText::Record &r : parsed.records)
            out << r.fields;
        return out;
    }

private slots:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("plain") << QByteArray("a,b\r\n1,2\r\n") << table({ { "a", "b" }, { "1", "2" } })
                               << QList<int> { 1, 2 };
        QTest::newRow("lf, no final newline")
            << QByteArray("a,b\n1,2") << table({ { "a", "b" }, { "1", "2" } }) << QList<int> { 1, 2 };
        QTest::newRow("empty fields") << QByteArray(",,\n") << table({ { "", "", "" } }) << QList<int> { 1 };
        QTest::newRow("quoted comma and quote")
            << QByteArray("\"a,b\",\"say \"\"hi\"\"\"\n") << table({ { "a,b", "say \"hi\"" } }) << QList<int> { 1 };
        QTest::newRow("newline in quotes moves the next line")
            << QByteArray("\"x\r\ny\",1\nz,2\n") << table({ { "x\r\ny", "1" }, { "z", "2" } }) << QList<int> { 1, 3 };
        QTest::newRow("blank lines skipped")
            << QByteArray("a\n\n\r\nb\n") << table({ { "a" }, { "b" } }) << QList<int> { 1, 4 };
        QTest::newRow("quoted empty is no blank line") << QByteArray("\"\"\n") << table({ { "" } }) << QList<int> { 1 };
        QTest::newRow("byte-order mark dropped once") << QByteArray("\xEF\xBB\xBF"
                                                                    "a,\xEF\xBB\xBF"
                                                                    "b\n")
                                                      << table({ { "a",
                                                                   "\xEF\xBB\xBF"
                                                                   "b" } })
                                                      << QList<int> { 1 };
        QTest::newRow("utf-8") << QByteArray("Zoë,€\n") << table({ { "Zoë", "€" } }) << QList<int> { 1 };
        QTest::newRow("nothing") << QByteArray() << table({}) << QList<int> {};
    }
    void reads()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QList<QStringList>, rows);
        QFETCH(QList<int>, lines);
        const CsvText::Parsed parsed = CsvText::parse(csv);
        QVERIFY2(!parsed.problem, parsed.problem ? qPrintable(parsed.problem->message) : "");
        QCOMPARE(fieldsOf(parsed), rows);
        QList<int> starts;
        for (const CsvText::Record &r : parsed.records)
            starts << r.line;
        QCOMPARE(starts, lines);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("line");
        QTest::newRow("unclosed quote names where it opened") << QByteArray("a\n\"b\nc\nd") << 2;
        QTest::newRow("text after a closing quote") << QByteArray("a\n\"b\"c\n") << 2;
        QTest::newRow("quote inside a plain field") << QByteArray("a\nb\"c\n") << 2;
        QTest::newRow("lone carriage return") << QByteArray("a\rb\n") << 1;
        QTest::newRow("not utf-8") << QByteArray("a\nb\nc\xff\n") << 3;
        QTest::newRow("too many fields") << QByteArray("a\n") + QByteArray(70, ',') << 2;
        QTest::newRow("field too long") << QByteArray("a\n\"") + QByteArray(70 * 1024, 'x') + "\"" << 2;
    }
    void refuses()
    {
        QFETCH(QByteArray, csv);
        QFETCH(int, line);
        const CsvText::Parsed parsed = CsvText::parse(csv);
        QVERIFY(parsed.problem);
        QCOMPARE(parsed.problem->line, line);
        QVERIFY(!parsed.problem->message.isEmpty());
        QVERIFY(parsed.records.isEmpty());
    }

    void limitsRecords()
    {
        CsvText::Limits limits;
        limits.maxRecords = 2;
        QVERIFY(!CsvText::parse("a\nb\n", limits).problem);
        const CsvText::Parsed parsed = CsvText::parse("a\nb\nc\n", limits);
        QVERIFY(parsed.problem);
        QCOMPARE(parsed.problem->line, 3);
    }

    void writes_data()
    {
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<QByteArray>("csv");
        QTest::newRow("plain") << table({ { "a", "b" }, { "1", "2" } }) << QByteArray("a,b\r\n1,2\r\n");
        QTest::newRow("quoting") << table({ { "a,b", "say \"hi\"", "x\ny", "" } })
                                 << QByteArray("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\r\n");
        QTest::newRow("formulas guarded") << table({ { "=1+1", "+A1", "-A1", "@SUM(A1)", "\tx", "a=b" } })
                                          << QByteArray("'=1+1,'+A1,'-A1,'@SUM(A1),'\tx,a=b\r\n");
        QTest::newRow("guarded and quoted")
            << table({ { "=HYPERLINK(\"x\",\"y\")" } }) << QByteArray("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n");
        QTest::newRow("numbers are no formulas")
            << table({ { "-12.50", "+3", "-", "-1e5" } }) << QByteArray("-12.50,+3,'-,'-1e5\r\n");
        QTest::newRow("lone empty cell") << table({ { "" } }) << QByteArray("\"\"\r\n");
    }
    void writes()
    {
        QFETCH(QList<QStringList>, rows);
        QFETCH(QByteArray, csv);
        QCOMPARE(CsvText::write(rows), csv);
    }

    // What the writer writes without the guard, the reader reads back as it was.
    void roundTrips_data() { writes_data(); }
    void roundTrips()
    {
        QFETCH(QList<QStringList>, rows);
        const CsvText::Parsed parsed = CsvText::parse(CsvText::write(rows, CsvText::Cells::AsIs));
        QVERIFY(!parsed.problem);
        QCOMPARE(fieldsOf(parsed), rows);
    }
};

QTEST_GUILESS_MAIN(TestCsvText)
#include "tst_csvtext.moc"
