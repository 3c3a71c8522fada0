// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/markdownmerge.h"

#include <QTest>

using quire::shared::MarkdownMerge;

// Three-way Markdown merge: what merges cleanly and what must be refused.
class TestMarkdownMerge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void identicalSidesMerge()
    {
        const MarkdownMerge m = MarkdownMerge::merge(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("b"));
        QVERIFY(m.clean);
        QCOMPARE(m.text, QStringLiteral("b"));
    }
};

QTEST_GUILESS_MAIN(TestMarkdownMerge)
#include "tst_markdownmerge.moc"
