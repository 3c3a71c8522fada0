// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/charactercounter.h"

#include <QTest>

using namespace quire;
using desktop::CharacterCounter;
using shared::PlatformKind;

// The per-network counter: grapheme clusters (emoji with modifiers and
// joiners, letters with combining marks count once), Mastodon's links at
// 23, each network's limit from the one table, and a webhook's own limit
// from its settings.
class TestCharacterCounter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void graphemes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("ascii") << QStringLiteral("hello") << 5;
        QTest::newRow("combining acute") << QStringLiteral("e\u0301te\u0301") << 3;
        QTest::newRow("two combining marks") << QStringLiteral("a\u0308\u0323") << 1;
        QTest::newRow("emoji outside the BMP") << QStringLiteral("\U0001F600") << 1;
        QTest::newRow("skin tone modifier") << QStringLiteral("\U0001F44D\U0001F3FD") << 1;
        QTest::newRow("zwj family") << QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467") << 1;
        QTest::newRow("flag") << QStringLiteral("\U0001F1E9\U0001F1EA") << 1;
        QTest::newRow("keycap") << QStringLiteral("1\uFE0F\u20E3") << 1;
        QTest::newRow("hangul jamo") << QStringLiteral("\u1100\u1161\u11A8") << 1;
        QTest::newRow("crlf is one") << QStringLiteral("a\r\nb") << 3;
        QTest::newRow("mixed") << QStringLiteral("Hi \U0001F44B\U0001F3FB cafe\u0301!") << 10;
    }
    void graphemes()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        QCOMPARE(CharacterCounter::graphemes(text), expected);
    }

    void count_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("settings");
        QTest::addColumn<int>("used");
        QTest::addColumn<int>("limit"); // -1: none
        QTest::addColumn<bool>("over");
        const auto kind = [](PlatformKind k) { return int(k); };
        QTest::newRow("mastodon short") << kind(PlatformKind::Mastodon) << QStringLiteral("hi") << QString() << 2 << 500
                                        << false;
        QTest::newRow("mastodon at the limit")
            << kind(PlatformKind::Mastodon) << QString(500, QLatin1Char('x')) << QString() << 500 << 500 << false;
        QTest::newRow("mastodon one over")
            << kind(PlatformKind::Mastodon) << QString(501, QLatin1Char('x')) << QString() << 501 << 500 << true;
        QTest::newRow("mastodon link counts 23")
            << kind(PlatformKind::Mastodon)
            << QStringLiteral("see https://example.org/a/very/long/path/that/goes/on/and/on?x=1") << QString() << 27
            << 500 << false;
        QTest::newRow("bluesky 300 emoji fit")
            << kind(PlatformKind::Bluesky) << QStringLiteral("\U0001F44D\U0001F3FD").repeated(300) << QString() << 300
            << 300 << false;
        QTest::newRow("bluesky 301 combining over")
            << kind(PlatformKind::Bluesky) << QStringLiteral("e\u0301").repeated(301) << QString() << 301 << 300
            << true;
        QTest::newRow("bluesky link as written")
            << kind(PlatformKind::Bluesky) << QStringLiteral("https://example.org/abc") << QString() << 23 << 300
            << false;
        QTest::newRow("webhook unlimited")
            << kind(PlatformKind::Webhook) << QString(5000, QLatin1Char('x')) << QString() << 5000 << -1 << false;
        QTest::newRow("webhook own limit") << kind(PlatformKind::Webhook) << QString(11, QLatin1Char('x'))
                                           << QStringLiteral(R"({"max_length": 10})") << 11 << 10 << true;
        QTest::newRow("webhook bad limit ignored") << kind(PlatformKind::Webhook) << QStringLiteral("abc")
                                                   << QStringLiteral(R"({"max_length": "ten"})") << 3 << -1 << false;
        QTest::newRow("setting lowers mastodon") << kind(PlatformKind::Mastodon) << QString(20, QLatin1Char('x'))
                                                 << QStringLiteral(R"({"max_length": 10})") << 20 << 10 << true;
        QTest::newRow("setting cannot raise bluesky")
            << kind(PlatformKind::Bluesky) << QString(301, QLatin1Char('x'))
            << QStringLiteral(R"({"max_length": 1000})") << 301 << 300 << true;
    }
    void count()
    {
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(QString, settings);
        QFETCH(int, used);
        QFETCH(int, limit);
        QFETCH(bool, over);
        const nlohmann::json s
            = settings.isEmpty() ? nlohmann::json::object() : nlohmann::json::parse(settings.toStdString());
        const desktop::CharacterCount c = CharacterCounter::count(PlatformKind(kind), text, s);
        QCOMPARE(c.used, used);
        QCOMPARE(c.limit.value_or(-1), limit);
        QCOMPARE(c.isOver(), over);
    }

    void limitsComeFromOneTable()
    {
        QCOMPARE(CharacterCounter::limitOf(PlatformKind::Mastodon).value_or(-1), 500);
        QCOMPARE(CharacterCounter::limitOf(PlatformKind::Bluesky).value_or(-1), 300);
        QVERIFY(!CharacterCounter::limitOf(PlatformKind::Webhook).has_value());
    }
};

QTEST_GUILESS_MAIN(TestCharacterCounter)
#include "tst_charactercounter.moc"
