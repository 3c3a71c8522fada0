// SPDX-License-Identifier: GPL-3.0-or-later
// StrictJson, the one reader of JSON from outside the process: what it
// accepts comes out exactly as nlohmann reads it; what it refuses (numbers
// out of range, duplicate keys, deep nesting, broken syntax, ill-formed
// UTF-8) comes back as an "invalid_json" error naming the problem and its
// place, and nothing throws.
#include "shared/strictjson.h"

#include <QTest>

using quire::shared::StrictJson;

class TestStrictJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("object") << QByteArray(R"({"a":1,"b":[true,null,"x"],"c":{"d":-2.5e3}})");
        QTest::newRow("same key in sibling objects") << QByteArray(R"([{"a":1},{"a":2}])");
        QTest::newRow("same key at two levels") << QByteArray(R"({"a":{"a":{"a":1}}})");
        QTest::newRow("int64 min") << QByteArray("-9223372036854775808");
        QTest::newRow("uint64 max") << QByteArray("18446744073709551615");
        QTest::newRow("largest double") << QByteArray("1.7976931348623157e308");
        QTest::newRow("zero written as zero") << QByteArray("[0, 0.0, -0, 0e-400, 0.000e5]");
        QTest::newRow("smallest subnormal") << QByteArray("5e-324");
        QTest::newRow("nesting at the limit")
            << QByteArray(StrictJson::kMaxDepth, '[') + QByteArray(StrictJson::kMaxDepth, ']');
        QTest::newRow("U+FFFF and a BOM in a string") << QByteArray("\"\xEF\xBB\xBF\xEF\xBF\xBF\"");
        QTest::newRow("escaped quote in a key") << QByteArray("{\"a\\\"b\":1,\"a\\\\\":2}");
    }

    void accepts()
    {
        QFETCH(QByteArray, text);
        const auto parsed = StrictJson::parse(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->dump(), nlohmann::json::parse(text.constBegin(), text.constEnd()).dump());
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("1e400") << QByteArray(R"({"password":1e400})")
                               << QStringLiteral("the number 1e400 is out of range (line 1, column 13)");
        QTest::newRow("-1e400") << QByteArray("[1, -1e400]")
                                << QStringLiteral("the number -1e400 is out of range (line 1, column 5)");
        QTest::newRow("underflow") << QByteArray("1e-400")
                                   << QStringLiteral("the number 1e-400 is out of range (line 1, column 1)");
        QTest::newRow("beyond uint64") << QByteArray("18446744073709551616")
                                       << QStringLiteral("the number 18446744073709551616 is out of range");
        QTest::newRow("below int64") << QByteArray("[\n -9223372036854775809]")
                                     << QStringLiteral("out of range (line 2, column 2)");
        QTest::newRow("duplicate key") << QByteArray(R"({"title":"a","title":"b"})")
                                       << QStringLiteral("the key \"title\" appears twice in one object (line 1, "
                                                         "column 14)");
        QTest::newRow("duplicate nested key")
            << QByteArray("{\"a\": [ {\"b\": {\n\"k\\\"\": 1,\n  \"k\\\"\": 2}} ]}")
            << QStringLiteral("the key \"k\"\" appears twice in one object (line 3, column 3)");
        QTest::newRow("duplicate written two ways")
            << QByteArray(R"({"a":1,"\u0061":2})") << QStringLiteral("the key \"a\" appears twice");
        QTest::newRow("too deep") << QByteArray(StrictJson::kMaxDepth + 1, '[')
                                  << QStringLiteral("nested deeper than 128 levels (line 1, column 129)");
        QTest::newRow("100000 [") << QByteArray(100000, '[') << QStringLiteral("nested deeper than 128 levels");
        QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << QStringLiteral("(line 1, column 8)");
        QTest::newRow("truncated") << QByteArray(R"({"a":)") << QStringLiteral("(line 1, column 6)");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("(line 1, column 1)");
        QTest::newRow("two values") << QByteArray("{} {}") << QStringLiteral("(line 1, column 4)");
        QTest::newRow("overlong UTF-8") << QByteArray("\"\xC0\xAF\"") << QStringLiteral("ill-formed UTF-8");
        QTest::newRow("surrogate in UTF-8") << QByteArray("\"\xED\xA0\x80\"") << QStringLiteral("ill-formed UTF-8");
        QTest::newRow("lone surrogate escape") << QByteArray(R"("\ud800")") << QStringLiteral("surrogate");
        QTest::newRow("NaN") << QByteArray("NaN") << QStringLiteral("invalid literal");
    }

    void refuses()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const auto parsed = StrictJson::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("invalid_json"));
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    }

    // The view's bytes only: what follows in memory is not read.
    void readsOnlyTheView()
    {
        const QByteArray text = R"({"a":1}garbage)";
        const auto parsed = StrictJson::parse(QByteArrayView(text).first(7));
        QVERIFY(parsed.ok());
        QCOMPARE((*parsed)["a"].get<int>(), 1);
    }
};

QTEST_APPLESS_MAIN(TestStrictJson)

#include "tst_strictjson.moc"
