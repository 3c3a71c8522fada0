// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/sequencealignment.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <vector>

using quire::shared::SequenceAlignment;
using Fallback = quire::shared::SequenceAlignment::Fallback;

namespace {

// "abc" as the sequence "a", "b", "c".
QStringList elements(const QString &s)
{
    QStringList out;
    for (const QChar c : s)
        out << QString(c);
    return out;
}

// A match as text: the partner's index per element of `a`, "-" for none.
QString render(const std::vector<qsizetype> &match)
{
    QStringList out;
    for (const qsizetype m : match)
        out << (m < 0 ? QStringLiteral("-") : QString::number(m));
    return out.join(QLatin1Char(' '));
}

// A longest common subsequence's length, the textbook way.
template<typename T> qsizetype lcsLength(const std::vector<T> &a, const std::vector<T> &b)
{
    std::vector<qsizetype> row(b.size() + 1, 0);
    for (size_t i = 0; i < a.size(); ++i) {
        qsizetype diagonal = 0;
        for (size_t j = 0; j < b.size(); ++j) {
            const qsizetype above = row[j + 1];
            row[j + 1] = a[i] == b[j] ? diagonal + 1 : std::max(row[j], row[j + 1]);
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Whether `match` pairs equal elements in increasing order, and how many.
template<typename T>
qsizetype checkedLength(const std::vector<qsizetype> &match, const std::vector<T> &a, const std::vector<T> &b)
{
    if (match.size() != a.size())
        return -1;
    qsizetype last = -1;
    qsizetype count = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        if (match[i] < 0)
            continue;
        if (match[i] <= last || match[i] >= qsizetype(b.size()) || !(a[i] == b[size_t(match[i])]))
            return -1;
        last = match[i];
        ++count;
    }
    return count;
}

std::vector<int> range(int from, int count, int step = 1)
{
    std::vector<int> out;
    for (int k = 0; k < count; ++k)
        out.push_back(from + k * step);
    return out;
}

} // namespace

// One longest-common-subsequence alignment for the text diff, the Markdown
// merge and the editor's kept blocks.
class TestSequenceAlignment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void align_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("expected");
        QTest::newRow("both empty") << ""
                                    << ""
                                    << "";
        QTest::newRow("a empty") << ""
                                 << "abc"
                                 << "";
        QTest::newRow("b empty") << "abc"
                                 << ""
                                 << "- - -";
        QTest::newRow("equal") << "abc"
                               << "abc"
                               << "0 1 2";
        QTest::newRow("nothing common") << "abc"
                                        << "xyz"
                                        << "- - -";
        QTest::newRow("inserted at start") << "bc"
                                           << "abc"
                                           << "1 2";
        QTest::newRow("inserted in the middle") << "ac"
                                                << "abbc"
                                                << "0 3";
        QTest::newRow("inserted at end") << "ab"
                                         << "abc"
                                         << "0 1";
        QTest::newRow("deleted at start") << "abc"
                                          << "bc"
                                          << "- 0 1";
        QTest::newRow("deleted in the middle") << "abcd"
                                               << "ad"
                                               << "0 - - 1";
        QTest::newRow("deleted at end") << "abc"
                                        << "ab"
                                        << "0 1 -";
        QTest::newRow("replaced") << "abc"
                                  << "axc"
                                  << "0 - 2";
        // A move is a deletion and an insertion; which of the two stays is
        // the longer common run.
        QTest::newRow("moved to the end") << "abcd"
                                          << "bcda"
                                          << "- 0 1 2";
        QTest::newRow("moved to the start") << "abcd"
                                            << "dabc"
                                            << "1 2 3 -";
        QTest::newRow("swapped") << "ab"
                                 << "ba"
                                 << "- 0";
        // Repeated elements: the common head and tail are taken as they are,
        // and ties skip an element of `a` first.
        QTest::newRow("repeated, one removed") << "aaa"
                                               << "aa"
                                               << "0 1 -";
        QTest::newRow("repeated, one added") << "aa"
                                             << "aaa"
                                             << "0 1";
        QTest::newRow("repeated around a change") << "abab"
                                                  << "abxab"
                                                  << "0 1 3 4";
        QTest::newRow("repeated, ties") << "xaby"
                                        << "xbay"
                                        << "0 - 1 3";
        QTest::newRow("repeated, interleaved") << "abcabc"
                                               << "cbacba"
                                               << "- - 0 - 1 3";
    }
    void align()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, expected);
        const QStringList as = elements(a);
        const QStringList bs = elements(b);
        for (const Fallback fallback : { Fallback::Unmatched, Fallback::Greedy }) {
            const SequenceAlignment r = SequenceAlignment::align<QString>(as, bs, fallback);
            QVERIFY(r.exact);
            QCOMPARE(render(r.match), expected);
        }
    }

    // Against the textbook length, on many small random inputs over few
    // letters (so that repeats are common).
    void matchesALongestCommonSubsequence()
    {
        QRandomGenerator random(20240611);
        for (int round = 0; round < 2000; ++round) {
            std::vector<int> a(random.bounded(12));
            std::vector<int> b(random.bounded(12));
            for (int &x : a)
                x = int(random.bounded(4));
            for (int &x : b)
                x = int(random.bounded(4));
            const SequenceAlignment r = SequenceAlignment::align<int>(a, b, Fallback::Unmatched);
            QVERIFY(r.exact);
            QCOMPARE(checkedLength(r.match, a, b), lcsLength(a, b));
        }
    }

    // A large input with a small change: the common head and tail leave a
    // middle small enough for the table.
    void largeInputWithSmallChangeIsExact()
    {
        std::vector<int> a = range(0, 100'000);
        std::vector<int> b = a;
        b[50'000] = -1;
        b.insert(b.begin() + 50'010, -2);
        const SequenceAlignment r = SequenceAlignment::align<int>(a, b, Fallback::Unmatched);
        QVERIFY(r.exact);
        QCOMPARE(checkedLength(r.match, a, b), qsizetype(a.size() - 1));
        QCOMPARE(r.match[50'000], qsizetype(-1));
        QCOMPARE(r.match[50'009], qsizetype(50'009));
        QCOMPARE(r.match[50'010], qsizetype(50'011));
        QCOMPARE(r.match.back(), qsizetype(b.size() - 1));
    }

    void fallbackAboveTheCap_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("m");
        QTest::addColumn<bool>("exact");
        QTest::newRow("at the cap") << 2000 << 2000 << true;
        QTest::newRow("just above") << 2000 << 2001 << false;
        QTest::newRow("one long side") << 4 << 1'000'001 << false;
    }
    // Middles of n and m elements with nothing in common but the middle
    // elements of each, in reverse order: the table finds one pair, the
    // greedy pass finds one too, the unmatched fallback none.
    void fallbackAboveTheCap()
    {
        QFETCH(int, n);
        QFETCH(int, m);
        QFETCH(bool, exact);
        QCOMPARE(qsizetype(n) * m <= SequenceAlignment::kMaxCells, exact);
        const std::vector<int> a = range(0, n);
        std::vector<int> b = range(-1, m, -1); // -1, -2, …: nothing in common
        b[size_t(m / 2)] = n / 2;
        const SequenceAlignment unmatched = SequenceAlignment::align<int>(a, b, Fallback::Unmatched);
        QCOMPARE(unmatched.exact, exact);
        QCOMPARE(checkedLength(unmatched.match, a, b), qsizetype(exact ? 1 : 0));
        const SequenceAlignment greedy = SequenceAlignment::align<int>(a, b, Fallback::Greedy);
        QCOMPARE(greedy.exact, exact);
        QCOMPARE(checkedLength(greedy.match, a, b), qsizetype(1));
        QCOMPARE(greedy.match[size_t(n / 2)], qsizetype(m / 2));
    }

    // The greedy pass: each element takes the first equal one after the
    // last taken, so a reversal keeps only its first element; the common
    // ends are still matched exactly around it.
    void greedyFallback()
    {
        std::vector<int> a = range(0, 3000);
        std::vector<int> b = range(2999, 3000, -1);
        a.insert(a.begin(), { -10, -11 });
        b.insert(b.begin(), { -10, -11 });
        a.push_back(-12);
        b.push_back(-12);
        const SequenceAlignment greedy = SequenceAlignment::align<int>(a, b, Fallback::Greedy);
        QVERIFY(!greedy.exact);
        QCOMPARE(checkedLength(greedy.match, a, b), qsizetype(4));
        QCOMPARE(greedy.match[0], qsizetype(0));
        QCOMPARE(greedy.match[1], qsizetype(1));
        QCOMPARE(greedy.match[2], qsizetype(b.size() - 2)); // 0, at the end of the reversal
        QCOMPARE(greedy.match.back(), qsizetype(b.size() - 1));
        const SequenceAlignment unmatched = SequenceAlignment::align<int>(a, b, Fallback::Unmatched);
        QVERIFY(!unmatched.exact);
        QCOMPARE(render(unmatched.match).count(QLatin1Char('-')), qsizetype(3000));
        QCOMPARE(checkedLength(unmatched.match, a, b), qsizetype(3));
    }
};

QTEST_GUILESS_MAIN(TestSequenceAlignment)
#include "tst_sequencealignment.moc"
