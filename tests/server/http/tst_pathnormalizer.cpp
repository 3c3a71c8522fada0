// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/pathnormalizer.h"

#include <QTest>

using namespace quire::server;

// One canonical path before routing, so authorisation sees one spelling.
class TestPathNormalizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("plain") << QByteArray("/admin/users") << QStringLiteral("/admin/users");
        QTest::newRow("trailing slash") << QByteArray("/admin/users/") << QStringLiteral("/admin/users");
        QTest::newRow("double slash") << QByteArray("/admin//users") << QStringLiteral("/admin/users");
        QTest::newRow("dot") << QByteArray("/admin/./users") << QStringLiteral("/admin/users");
        QTest::newRow("dot dot") << QByteArray("/public/../admin/users") << QStringLiteral("/admin/users");
        QTest::newRow("encoded dot") << QByteArray("/admin/%2e/users") << QStringLiteral("/admin/users");
        QTest::newRow("encoded dot dot") << QByteArray("/public/%2E%2E/admin/users") << QStringLiteral("/admin/users");
        QTest::newRow("above root") << QByteArray("/../../admin/users") << QStringLiteral("/admin/users");
        QTest::newRow("encoded letter") << QByteArray("/%61dmin/users") << QStringLiteral("/admin/users");
        QTest::newRow("query stripped") << QByteArray("/health?x=/../y") << QStringLiteral("/health");
        QTest::newRow("root") << QByteArray("/") << QStringLiteral("/");
        QTest::newRow("utf8") << QByteArray("/guides/%C3%BCber") << QStringLiteral("/guides/über");
        QTest::newRow("encoded slash") << QByteArray("/admin%2fusers") << QString();
        QTest::newRow("encoded backslash") << QByteArray("/admin%5cusers") << QString();
        QTest::newRow("nul") << QByteArray("/admin%00/users") << QString();
        QTest::newRow("bad utf8") << QByteArray("/guides/%ff") << QString();
        QTest::newRow("relative") << QByteArray("admin/users") << QString();
    }

    void normalize()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        const std::optional<QString> result = PathNormalizer::normalize(raw);
        if (expected.isEmpty())
            QVERIFY2(!result, qPrintable(result.value_or(QString())));
        else
            QCOMPARE(result.value_or(QStringLiteral("<refused>")), expected);
    }
};

QTEST_GUILESS_MAIN(TestPathNormalizer)
#include "tst_pathnormalizer.moc"
