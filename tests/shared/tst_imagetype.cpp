// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/imagetype.h"
#include "tests/support/testimages.h"

#include <QTest>

using quire::shared::ImageType;
namespace TestImages = quire::test::TestImages;

// Image types read from the bytes, and every kind of refusal.
class TestImageType : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepts_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("png") << TestImages::png(3, 2) << "image/png" << 3 << 2;
        QTest::newRow("jpeg") << TestImages::jpeg(4, 5) << "image/jpeg" << 4 << 5;
        QTest::newRow("gif") << TestImages::gif() << "image/gif" << 1 << 1;
        QTest::newRow("webp lossless") << TestImages::webp() << "image/webp" << 1 << 1;
        QTest::newRow("jpeg with trailing bytes") << TestImages::jpeg(4, 5) + "\0\0"
                                                  << "image/jpeg" << 4 << 5;
    }
    void accepts()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mime);
        QFETCH(int, width);
        QFETCH(int, height);
        auto type = ImageType::sniff(bytes);
        QVERIFY2(type, qPrintable(type ? QString() : type.error().message));
        QCOMPARE(type->mime, mime);
        QCOMPARE(type->width, width);
        QCOMPARE(type->height, height);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");
        const QByteArray png = TestImages::png();
        QTest::newRow("empty") << QByteArray() << "validation_failed"
                               << "empty";
        QTest::newRow("svg") << QByteArray("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
                             << "unsupported_media_type"
                             << "SVG";
        QTest::newRow("svg with prolog and BOM")
            << QByteArray("\xEF\xBB\xBF  <?xml version='1.0'?><svg/>") << "unsupported_media_type"
            << "SVG";
        QTest::newRow("html") << QByteArray("<!doctype html><p>hi") << "unsupported_media_type"
                              << "SVG";
        QTest::newRow("text") << QByteArray("just words") << "unsupported_media_type"
                              << "PNG, JPEG";
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n") << "unsupported_media_type"
                             << "PNG, JPEG";
        QTest::newRow("png cut short") << png.left(png.size() - 20) << "unsupported_media_type"
                                       << "damaged";
        QTest::newRow("png signature and garbage")
            << QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(100, 'x') << "unsupported_media_type"
            << "damaged";
        QTest::newRow("jpeg header only") << QByteArray::fromHex("ffd8ffe0") << "unsupported_media_type"
                                          << "damaged";
        QTest::newRow("gif without trailer") << TestImages::gif().chopped(1) << "unsupported_media_type"
                                             << "damaged";
        QTest::newRow("webp with wrong size") << TestImages::webp() + "xx"
                                              << "unsupported_media_type"
                                              << "damaged";
        QByteArray zero = TestImages::gif();
        zero[6] = 0;
        QTest::newRow("zero width") << zero << "unsupported_media_type"
                                    << "pixels";
    }
    void refuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        QFETCH(QString, says);
        auto type = ImageType::sniff(bytes);
        QVERIFY(!type);
        QCOMPARE(type.error().code, code);
        QVERIFY2(type.error().message.contains(says), qPrintable(type.error().message));
    }
};

QTEST_GUILESS_MAIN(TestImageType)
#include "tst_imagetype.moc"
