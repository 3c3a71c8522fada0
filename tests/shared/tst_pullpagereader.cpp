// SPDX-License-Identifier: GPL-3.0-or-later
// PullPageReader, the desktop's fast reader of sync pull pages: a good page
// comes out exactly as StrictJson + PullResponse::fromJson read it, and a
// hostile one is refused with the very same error as before.
#include "shared/pullpagereader.h"
#include "shared/strictjson.h"

#include <QTest>

using quire::shared::PullPageReader;
using quire::shared::StrictJson;
using quire::shared::SyncProtocol::PullResponse;

namespace {

// A page with `changes` (the JSON text of the array's elements) around them.
QByteArray page(const QByteArray &changes, const QByteArray &rest = R"("cursor":"E1:42","has_more":true)")
{
    return "{\"changes\":[" + changes + "]," + rest + "}";
}

const QByteArray kRow = R"({"table":"guides","id":"g1","rev":7,"op":"upsert","row":{"title":"A","n":3}})";

QByteArray nested(int levels)
{
    return QByteArray(levels, '[') + QByteArray(levels, ']');
}

} // namespace

class TestPullPageReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAsTheGeneralPath_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("one row") << page(kRow);
        QTest::newRow("no changes, last page") << page("", R"("cursor":"E1:0","has_more":false)");
        QTest::newRow("cursor first") << QByteArray(R"({"cursor":"","has_more":false,"changes":[]})");
        QTest::newRow("delete and left scope")
            << page(R"({"table":"guides","id":"g1","rev":8,"op":"delete"},)"
                    R"({"table":"guides","id":"g2","rev":9,"op":"left_scope","reason":"unpublished"})");
        QTest::newRow("values of every kind")
            << page("{\"table\":\"t\",\"id\":\"i\",\"rev\":1,\"op\":\"upsert\",\"row\":{\"s\":\"x\\n\\\"\\u00e9\\\\\","
                    R"("u":18446744073709551615,)"
                    R"("neg":-9223372036854775808,"f":-2.5e3,"tiny":5e-324,"b":false,"z":null,"a":[1,[2,{"k":[]}]],)"
                    "\"o\":{},\"k\\\"ey\":1}}");
        QTest::newRow("UTF-8 beyond the BMP and a BOM in a string")
            << page("{\"table\":\"t\",\"id\":\"\xF0\x9F\x98\x80\",\"rev\":1,\"op\":\"upsert\",\"row\":{\"x\":"
                    "\"\xEF\xBB\xBF\"}}");
        QTest::newRow("unknown keys and an ignored row of a delete")
            << page(R"({"table":"t","id":"i","rev":1,"op":"delete","row":"gone","extra":{"a":[1]},"reason":3})");
        QTest::newRow("same key in sibling objects") << page(kRow + "," + kRow);
        QTest::newRow("nesting at the limit") << page(R"({"table":"t","id":"i","rev":1,"op":"upsert","row":{"deep":)"
                                                      + nested(StrictJson::kMaxDepth - 4) + "}}");
        QTest::newRow("whitespace around everything") << QByteArray(" \n\t{ \"changes\" : [ ] , \"cursor\" : \"E:1\" , "
                                                                    "\"has_more\" : false }\r\n");
    }

    void readsAsTheGeneralPath()
    {
        QFETCH(QByteArray, text);
        // The fast path takes the page itself, not by handing it on.
        std::optional<PullResponse> fast = PullPageReader::readFast(text);
        QVERIFY(fast.has_value());
        auto general = PullPageReader::readGeneral(text);
        QVERIFY2(general.ok(), general.ok() ? "" : qPrintable(general.error().message));
        QCOMPARE(fast->changes.size(), general->changes.size());
        for (qsizetype i = 0; i < fast->changes.size(); ++i) {
            const auto &a = fast->changes[i];
            const auto &b = general->changes[i];
            QCOMPARE(a.table, b.table);
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.rev, b.rev);
            QCOMPARE(a.kind, b.kind);
            QCOMPARE(a.reason, b.reason);
            QCOMPARE(a.row.dump(), b.row.dump());
            QVERIFY(a.row == b.row);
        }
        QCOMPARE(fast->cursor, general->cursor);
        QCOMPARE(fast->hasMore, general->hasMore);
        QCOMPARE(PullPageReader::read(text)->toJson().dump(), general->toJson().dump());
    }

    void refusesAsBefore_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message"); // a part of the message
        const QString invalid = QStringLiteral("invalid_json");
        const QString validation = QStringLiteral("validation_failed");
        QTest::newRow("duplicate key in a row")
            << page(R"({"table":"t","id":"i","rev":1,"op":"upsert","row":{"title":"a","title":"b"}})") << invalid
            << QStringLiteral("the key \"title\" appears twice in one object");
        QTest::newRow("duplicate key in a change") << page(R"({"table":"t","id":"i","rev":1,"rev":2,"op":"upsert"})")
                                                   << invalid << QStringLiteral("the key \"rev\" appears twice");
        QTest::newRow("duplicate key in the page") << page(kRow, R"("cursor":"E1:1","has_more":true,"cursor":"E1:2")")
                                                   << invalid << QStringLiteral("the key \"cursor\" appears twice");
        QTest::newRow("duplicate ignored key")
            << page(R"({"table":"t","id":"i","rev":1,"op":"delete","x":{"a":1,"a":1}})") << invalid
            << QStringLiteral("the key \"a\" appears twice");
        QTest::newRow("nesting beyond the limit") << page(
            R"({"table":"t","id":"i","rev":1,"op":"upsert","row":{"deep":)" + nested(StrictJson::kMaxDepth - 3) + "}}")
                                                  << invalid << QStringLiteral("nested deeper than 128 levels");
        QTest::newRow("invalid UTF-8") << page("{\"table\":\"t\",\"id\":\"\xC3\x28\",\"rev\":1,\"op\":\"upsert\"}")
                                       << invalid << QString();
        QTest::newRow("overlong UTF-8") << page("{\"table\":\"t\",\"id\":\"\xC0\xAF\",\"rev\":1,\"op\":\"upsert\"}")
                                        << invalid << QString();
        QTest::newRow("lone escaped surrogate")
            << page("{\"table\":\"t\",\"id\":\"\\ud800\",\"rev\":1,\"op\":\"upsert\"}") << invalid
            << QStringLiteral("surrogate");
        QTest::newRow("lone low surrogate") << page("{\"table\":\"t\",\"id\":\"\\udc00x\",\"rev\":1,\"op\":\"upsert\"}")
                                            << invalid << QStringLiteral("surrogate");
        QTest::newRow("number out of range")
            << page(R"({"table":"t","id":"i","rev":1,"op":"upsert","row":{"n":1e400}})") << invalid
            << QStringLiteral("the number 1e400 is out of range");
        QTest::newRow("underflow") << page(R"({"table":"t","id":"i","rev":1,"op":"upsert","row":{"n":1e-400}})")
                                   << invalid << QStringLiteral("the number 1e-400 is out of range");
        QTest::newRow("whole number beyond 64 bits")
            << page(R"({"table":"t","id":"i","rev":1,"op":"upsert","row":{"n":18446744073709551616}})") << invalid
            << QStringLiteral("the number 18446744073709551616 is out of range");
        QTest::newRow("truncated") << page(kRow).chopped(7) << invalid << QString();
        QTest::newRow("trailing garbage") << page(kRow) + "x" << invalid << QString();
        QTest::newRow("control character in a string")
            << page("{\"table\":\"t\",\"id\":\"a\x01\",\"rev\":1,\"op\":\"upsert\"}") << invalid << QString();
        QTest::newRow("rev as text") << page(R"({"table":"t","id":"i","rev":"1","op":"upsert"})") << validation
                                     << QStringLiteral("changes.0");
        QTest::newRow("rev as a fraction")
            << page(R"({"table":"t","id":"i","rev":1.5,"op":"upsert"})") << validation << QStringLiteral("changes.0");
        QTest::newRow("table as a number")
            << page(R"({"table":5,"id":"i","rev":1,"op":"upsert"})") << validation << QStringLiteral("changes.0");
        QTest::newRow("unknown op") << page(R"({"table":"t","id":"i","rev":1,"op":"merge"})") << validation
                                    << QStringLiteral("changes.0");
        QTest::newRow("change not an object") << page(kRow + ",[1]") << validation << QStringLiteral("changes.1");
        QTest::newRow("has_more as text")
            << page(kRow, R"("cursor":"E1:1","has_more":"yes")") << validation << QStringLiteral("has_more");
        QTest::newRow("cursor missing") << page(kRow, R"("has_more":true)") << validation << QStringLiteral("cursor");
        QTest::newRow("page not an object") << QByteArray("[]") << validation << QString();
        QTest::newRow("empty") << QByteArray() << invalid << QString();
    }

    void refusesAsBefore()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QVERIFY(!PullPageReader::readFast(text).has_value());
        const auto read = PullPageReader::read(text);
        QVERIFY(!read.ok());
        // The refusal is the one the path before gave, word for word.
        auto before = [&text]() -> quire::shared::Result<PullResponse> {
            auto parsed = StrictJson::parse(text);
            if (!parsed)
                return parsed.error();
            return PullResponse::fromJson(std::move(parsed.value()));
        }();
        QVERIFY(!before.ok());
        QCOMPARE(read.error().code, before.error().code);
        QCOMPARE(read.error().message, before.error().message);
        QCOMPARE(read.error().fields, before.error().fields);
        QCOMPARE(read.error().code, code);
        const QString all = read.error().message + QLatin1Char(' ')
            + QStringList(read.error().fields.values()).join(QLatin1Char(' ')) + QLatin1Char(' ')
            + QStringList(read.error().fields.keys()).join(QLatin1Char(' '));
        QVERIFY2(all.contains(message), qPrintable(all));
    }
};

QTEST_APPLESS_MAIN(TestPullPageReader)

#include "tst_pullpagereader.moc"
