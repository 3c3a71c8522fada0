// SPDX-License-Identifier: GPL-3.0-or-later
// Utf8: every well-formed UTF-8 text (noncharacters and byte-order marks
// included) goes into a QString and back out byte for byte; ill-formed
// UTF-8 (Unicode table 3-7) is found, at the right offset, and refused.
#include "shared/jsonqt.h"
#include "shared/utf8.h"

#include <QTest>

namespace Utf8 = quire::shared::Utf8;

class TestUtf8 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validator_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("firstInvalid"); // -1: well formed

        QTest::newRow("empty") << QByteArray() << -1;
        QTest::newRow("ASCII") << QByteArray("plain text\n") << -1;
        QTest::newRow("U+FFFF") << QByteArray("a\xEF\xBF\xBF"
                                              "b")
                                << -1;
        QTest::newRow("U+FFFE") << QByteArray("\xEF\xBF\xBE") << -1;
        QTest::newRow("U+FDD0") << QByteArray("\xEF\xB7\x90") << -1;
        QTest::newRow("U+FDEF") << QByteArray("\xEF\xB7\xAF") << -1;
        QTest::newRow("BOM at start") << QByteArray("\xEF\xBB\xBF"
                                                    "# Title")
                                      << -1;
        QTest::newRow("BOM in the middle") << QByteArray("a\xEF\xBB\xBF"
                                                         "b")
                                           << -1;
        QTest::newRow("two BOMs") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF") << -1;
        QTest::newRow("U+0080 and U+07FF") << QByteArray("\xC2\x80\xDF\xBF") << -1;
        QTest::newRow("U+0800") << QByteArray("\xE0\xA0\x80") << -1;
        QTest::newRow("U+D7FF and U+E000") << QByteArray("\xED\x9F\xBF\xEE\x80\x80") << -1;
        QTest::newRow("emoji U+1F600") << QByteArray("\xF0\x9F\x98\x80") << -1;
        QTest::newRow("U+1FFFF noncharacter") << QByteArray("\xF0\x9F\xBF\xBF") << -1;
        QTest::newRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << -1;
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << -1;

        QTest::newRow("overlong slash C0 AF") << QByteArray("x\xC0\xAF") << 1;
        QTest::newRow("overlong C1 BF") << QByteArray("\xC1\xBF") << 0;
        QTest::newRow("overlong E0 80 AF") << QByteArray("ab\xE0\x80\xAF") << 2;
        QTest::newRow("overlong F0 80 80 AF") << QByteArray("\xF0\x80\x80\xAF") << 0;
        QTest::newRow("surrogate D800") << QByteArray("ok\xED\xA0\x80") << 2;
        QTest::newRow("surrogate DFFF") << QByteArray("\xED\xBF\xBF") << 0;
        QTest::newRow("surrogate pair as CESU-8") << QByteArray("\xED\xA0\xBD\xED\xB8\x80") << 0;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
        QTest::newRow("F5") << QByteArray("a\xF5\x80\x80\x80") << 1;
        QTest::newRow("FE") << QByteArray("\xFE") << 0;
        QTest::newRow("FF") << QByteArray("abc\xFF") << 3;
        QTest::newRow("stray continuation") << QByteArray("a\x80") << 1;
        QTest::newRow("truncated two bytes") << QByteArray("a\xC3") << 1;
        QTest::newRow("truncated three bytes") << QByteArray("\xE2\x82") << 0;
        QTest::newRow("truncated four bytes") << QByteArray("\xF0\x9F\x98") << 0;
        QTest::newRow("truncated then ASCII") << QByteArray("\xE2\x82"
                                                            "a")
                                              << 0;
        QTest::newRow("Latin-1 é") << QByteArray("caf\xE9") << 3;
    }

    void validator()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, firstInvalid);
        const std::optional<qsizetype> bad = Utf8::firstInvalid(bytes);
        QCOMPARE(bad.has_value() ? int(*bad) : -1, firstInvalid);
        QCOMPARE(Utf8::isValid(bytes), firstInvalid < 0);
        const auto strict = Utf8::decodeStrict(bytes, QStringLiteral("The body"));
        QCOMPARE(strict.ok(), firstInvalid < 0);
        if (firstInvalid < 0) {
            // Well formed: through QString and back, byte for byte.
            QCOMPARE(strict->toUtf8(), bytes);
            QCOMPARE(Utf8::decode(bytes).toUtf8(), bytes);
            // And through nlohmann, as request bodies and sync rows go.
            const nlohmann::json j = bytes.toStdString();
            QCOMPARE(j.get<QString>().toUtf8(), bytes);
            QCOMPARE(quire::shared::toJsonBytes(j),
                     QByteArray::fromStdString(nlohmann::json(bytes.toStdString()).dump()));
        } else {
            QCOMPARE(strict.error().code, QStringLiteral("not_utf8"));
            QVERIFY2(strict.error().message.contains(QStringLiteral("offset %1").arg(firstInvalid)),
                     qPrintable(strict.error().message));
        }
    }
};

QTEST_APPLESS_MAIN(TestUtf8)

#include "tst_utf8.moc"
