// SPDX-License-Identifier: GPL-3.0-or-later
// How much an editing session changed, as the history list shows it: words
// added and removed by a word diff of the changed lines, not the changed
// lines' every word.
#include "server/collections/revisionsessions.h"

#include <QTest>

using quire::server::RevisionSessions;

class TestRevisionSessions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wordsAddedAndRemoved_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("removed");
        QTest::newRow("one word changed")
            << QStringLiteral("one two three four five\n") << QStringLiteral("one 2 three four five\n") << 1 << 1;
        QTest::newRow("a word appended") << QStringLiteral("one two three\n") << QStringLiteral("one two three four\n")
                                         << 1 << 0;
        QTest::newRow("a word deleted") << QStringLiteral("one two three\n") << QStringLiteral("one three\n") << 0 << 1;
        QTest::newRow("a line inserted") << QStringLiteral("alpha\nbeta\n")
                                         << QStringLiteral("alpha\na new line\nbeta\n") << 3 << 0;
        QTest::newRow("a line removed") << QStringLiteral("alpha\na new line\nbeta\n")
                                        << QStringLiteral("alpha\nbeta\n") << 0 << 3;
        QTest::newRow("words reordered") << QStringLiteral("one two three\n") << QStringLiteral("three two one\n") << 2
                                         << 2;
        QTest::newRow("from nothing") << QString() << QStringLiteral("# Title\n\nSome text.\n") << 4 << 0;
        QTest::newRow("two changes apart")
            << QStringLiteral("a b\nsame line\nc d\n") << QStringLiteral("a x\nsame line\nc y\n") << 2 << 2;
        QTest::newRow("spacing only") << QStringLiteral("one  two\n") << QStringLiteral("one two\n") << 0 << 0;
        QTest::newRow("a paragraph split")
            << QStringLiteral("one two three four\n") << QStringLiteral("one two\n\nthree four\n") << 0 << 0;
        QTest::newRow("a list item reworded")
            << QStringLiteral("- Rinse the beans\n- Grind them\n")
            << QStringLiteral("- Rinse the dried beans\n- Grind them fine\n") << 2 << 0;
        QTest::newRow("unchanged") << QStringLiteral("same\n") << QStringLiteral("same\n") << 0 << 0;
    }
    void wordsAddedAndRemoved()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(int, added);
        QFETCH(int, removed);
        const QDateTime start(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
        // Two sessions by one author, an hour apart: the newer one is
        // measured against the older one's text.
        const QList<RevisionSessions::Revision> revisions {
            { 1, start, QStringLiteral("u1"), QString(), before, false },
            { 2, start.addSecs(3600), QStringLiteral("u1"), QString(), after, false },
        };
        const QList<RevisionSessions::Session> sessions = RevisionSessions::group(revisions);
        QCOMPARE(sessions.size(), 2);
        QCOMPARE(sessions[0].lastRev, 2);
        QCOMPARE(sessions[0].wordsAdded, added);
        QCOMPARE(sessions[0].wordsRemoved, removed);
    }
};

QTEST_GUILESS_MAIN(TestRevisionSessions)
#include "tst_revisionsessions.moc"
