// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowndocument.h"
#include "desktop/core/markdowninlinewriter.h"
#include "tests/desktop/randomedits.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

#include <functional>

using quire::desktop::MarkdownDocument;
using quire::desktop::MarkdownInlineWriter;
using Edit = std::function<void(QTextDocument &, int block)>;
Q_DECLARE_METATYPE(Edit)

namespace {

QString resource(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// Sources to edit: the Markdown corpus (every construct the editor
// supports), the CommonMark spec's examples, and places where kept bytes
// meet new ones in ways that read differently.
QStringList sources()
{
    QStringList out;
    for (const QString &name :
         QDir(QStringLiteral(":/corpus")).entryList({ QStringLiteral("*.md") }, QDir::Files, QDir::Name)) {
        out << resource(QStringLiteral(":/corpus/") + name);
    }
    const QJsonArray spec
        = QJsonDocument::fromJson(resource(QStringLiteral(":/commonmark/spec.json")).toUtf8()).array();
    for (const QJsonValue &example : spec)
        out << example.toObject().value(QStringLiteral("markdown")).toString();
    out << QStringLiteral("* a\n\nbetween\n\n- b\n") << QStringLiteral("1. one\n\nmiddle\n\n1) two\n")
        << QStringLiteral("See [the docs][d] and [more][e].\n\nOther.\n\n[d]: https://example.org/docs\n\nLast.\n\n"
                          "[e]: /e \"E\"\n")
        << QStringLiteral("[d]: /one\n\nSee [d].\n\n> [q]: /quoted\n\nAnd [q] and [d].\n")
        << QStringLiteral("[x]: /first\n\nText [x].\n\n[x]: /second\n")
        << QStringLiteral("Para\n\n    indented code\n\nPara\n\n```\nunclosed fence\n")
        << QStringLiteral("Title\n\n---\n\nText\n===\n\n| a | b |\n| --- | :-: |\n| 1 | 2 |\n\nAfter\n")
        << QStringLiteral("> quote\n\nlazy\n\n- item\n\n      code in item\n\nend\r\n\r\nCRLF\r\n");
    return out;
}

// The block numbers an edit is tried at: the first, the last and three
// between.
QList<int> places(const QTextDocument &document)
{
    const int n = document.blockCount();
    QList<int> out;
    for (const int at : { 0, n / 4, n / 2, 3 * n / 4, n - 1 }) {
        if (at >= 0 && (out.isEmpty() || at > out.back()))
            out << at;
    }
    return out;
}

QTextCursor endOf(QTextDocument &document, int block)
{
    QTextCursor c(document.findBlockByNumber(block));
    c.movePosition(QTextCursor::EndOfBlock);
    return c;
}

} // namespace

// MarkdownDocument::markdown() takes shortcuts for long documents: blocks
// written before are not written again, and only the stretches around new
// blocks are read back. Whatever the edits, it gives what working it all
// out from scratch gives.
class TestMarkdownIncremental : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsFromScratch_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::newRow("type a word") << Edit(
            [](QTextDocument &d, int b) { endOf(d, b).insertText(QStringLiteral(" x")); });
        QTest::newRow("type and delete") << Edit([](QTextDocument &d, int b) {
            QTextCursor c = endOf(d, b);
            c.insertText(QStringLiteral("y"));
            c.deletePreviousChar();
        });
        QTest::newRow("type Markdown syntax") << Edit([](QTextDocument &d, int b) {
            QTextCursor(d.findBlockByNumber(b)).insertText(QStringLiteral("[d]: /x *a* - "));
        });
        QTest::newRow("delete the block") << Edit([](QTextDocument &d, int b) {
            QTextCursor c(d.findBlockByNumber(b));
            c.select(QTextCursor::BlockUnderCursor);
            c.removeSelectedText();
        });
        QTest::newRow("new paragraph after") << Edit([](QTextDocument &d, int b) {
            QTextCursor c = endOf(d, b);
            c.insertBlock(QTextBlockFormat(), QTextCharFormat());
            c.insertText(QStringLiteral("New"));
        });
        QTest::newRow("split the block") << Edit([](QTextDocument &d, int b) {
            QTextCursor c(d.findBlockByNumber(b));
            c.movePosition(QTextCursor::NextCharacter, QTextCursor::MoveAnchor, c.block().length() / 2);
            c.insertBlock();
        });
        QTest::newRow("join with the next") << Edit([](QTextDocument &d, int b) { endOf(d, b).deleteChar(); });
        QTest::newRow("bold the block") << Edit([](QTextDocument &d, int b) {
            QTextCursor c(d.findBlockByNumber(b));
            c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            QTextCharFormat bold;
            bold.setFontWeight(QFont::Bold);
            c.mergeCharFormat(bold);
        });
        QTest::newRow("make it a list item") << Edit(
            [](QTextDocument &d, int b) { QTextCursor(d.findBlockByNumber(b)).createList(QTextListFormat::ListDisc); });
        QTest::newRow("make it a heading") << Edit([](QTextDocument &d, int b) {
            QTextBlockFormat f;
            f.setHeadingLevel(2);
            QTextCursor(d.findBlockByNumber(b)).mergeBlockFormat(f);
        });
    }

    void sameAsFromScratch()
    {
        QFETCH(Edit, edit);
        int compared = 0;
        for (const QString &source : sources()) {
            QTextDocument document;
            MarkdownDocument md(&document);
            md.setMarkdown(source);
            // Edits pile up, and are then undone step by step: the shortcuts
            // see blocks come, go and come back.
            int edits = 0;
            for (const int block : places(document)) {
                if (block >= document.blockCount())
                    continue;
                edit(document, block);
                ++edits;
                const QString fast = md.markdown();
                const QString slow = md.markdownFromScratch();
                QVERIFY2(fast == slow,
                         qPrintable(QStringLiteral("source «%1», edit at block %2:\n«%3»\nfrom scratch:\n«%4»")
                                        .arg(source)
                                        .arg(block)
                                        .arg(fast, slow)));
                ++compared;
            }
            QVERIFY(edits > 0);
            while (document.isUndoAvailable()) {
                document.undo();
                QCOMPARE(md.markdown(), md.markdownFromScratch());
                ++compared;
            }
            QCOMPARE(md.markdown(), source);
        }
        QVERIFY(compared > 650);
    }

    void randomEditsSameAsFromScratch_data()
    {
        QTest::addColumn<QString>("source");
        const QStringList all = sources();
        for (qsizetype i = 0; i<all.size(); i += all.size()> 40 && i >= 8 ? 37 : 1)
            QTest::newRow(qPrintable(QStringLiteral("source %1").arg(i))) << all[i];
    }

    void randomEditsSameAsFromScratch()
    {
        QFETCH(QString, source);
        QTextDocument document;
        MarkdownDocument md(&document);
        md.setMarkdown(source);
        QRandomGenerator rng(uint(qHash(source)));
        const QString alphabet = QStringLiteral("abc XY*_`#>-|[]:!<&\\1.");
        using E = quire::test::RandomEdit;
        for (int step = 1; step <= 60; ++step) {
            quire::test::randomEdit(document, rng, { E::Insert, E::Delete, E::Split, E::RemoveBlock, E::Undo },
                                    alphabet);
            if (step % 3 == 0)
                QCOMPARE(md.markdown(), md.markdownFromScratch());
        }
    }

    void onlyTheEditedBlockIsWritten()
    {
        // A long guide: after typing into one paragraph, that paragraph is
        // the only block written again.
        QString guide;
        for (int part = 1; part <= 20; ++part)
            guide += resource(QStringLiteral(":/corpus/guide.md"))
                         .replace(QStringLiteral("Quire"), QStringLiteral("Quire %1").arg(part))
                + QLatin1Char('\n');
        QTextDocument document;
        MarkdownDocument md(&document);
        md.setMarkdown(guide);
        QTextBlock middle = document.findBlockByNumber(document.blockCount() / 2);
        while (middle.isValid() && (middle.text().size() < 40 || middle.textList()))
            middle = middle.next();
        QVERIFY(middle.isValid());
        QTextCursor c(middle);
        c.movePosition(QTextCursor::EndOfBlock);
        c.insertText(QStringLiteral(" EDITED"));
        const QString out = md.markdown();
        QCOMPARE(md.blocksWritten(), 1);
        QVERIFY(out.contains(QLatin1String(" EDITED")));
        QCOMPARE(out, md.markdownFromScratch());
        c.insertText(QStringLiteral(" AGAIN"));
        QVERIFY(md.markdown().contains(QLatin1String(" EDITED AGAIN")));
        QCOMPARE(md.blocksWritten(), 1);
        // Undone, it is the source again; the block as loaded is found.
        document.undo();
        document.undo();
        QCOMPARE(md.markdown(), guide);
        QCOMPARE(md.blocksWritten(), 0);

        // Another replica's change merged in: loading the merged text
        // writes only the block that came in; then an edit is written as
        // from scratch.
        QString remote = guide;
        // At the start of a paragraph.
        const qsizetype at
            = remote.indexOf(QRegularExpression(QStringLiteral("\n\n[A-Z][a-z]")), remote.size() / 3) + 2;
        remote.insert(at, QStringLiteral("Remote "));
        QVERIFY(md.mergeMarkdown(remote));
        QCOMPARE(md.blocksWritten(), 1);
        QCOMPARE(md.markdown(), remote);
        c = QTextCursor(document.findBlockByNumber(document.blockCount() / 3));
        c.insertText(QStringLiteral("Local "));
        QCOMPARE(md.markdown(), md.markdownFromScratch());
        QVERIFY(md.markdown().contains(QLatin1String("Local ")));
    }

    void aMergeWritesOnlyWhatCameIn_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("a paragraph's start")
            << QStringLiteral("Quire then downloads") << QStringLiteral("Remote. Quire then downloads");
        QTest::newRow("a new paragraph") << QStringLiteral("## Writing an article\n")
                                         << QStringLiteral("## Writing an article\n\nRemote.\n");
        QTest::newRow("a heading") << QStringLiteral("## Setting up a profile")
                                   << QStringLiteral("## Setting up a remote profile");
        QTest::newRow("a list item") << QStringLiteral("3. About twenty minutes.")
                                     << QStringLiteral("3. About thirty minutes.");
        QTest::newRow("a table cell") << QStringLiteral("Lists your profiles")
                                      << QStringLiteral("Lists your remote profiles");
    }

    void aMergeWritesOnlyWhatCameIn()
    {
        // Another replica's change merged into a long open guide: loading
        // its text and checking that the patch gave it write only the
        // block that came in; every other block was written before.
        QFETCH(QString, from);
        QFETCH(QString, to);
        QString guide;
        for (int part = 1; part <= 5; ++part)
            guide += resource(QStringLiteral(":/corpus/guide.md"))
                         .replace(QStringLiteral("Quire"), QStringLiteral("Quire %1").arg(part))
                + QLatin1Char('\n');
        from.replace(QStringLiteral("Quire"), QStringLiteral("Quire 3"));
        to.replace(QStringLiteral("Quire"), QStringLiteral("Quire 3"));
        QTextDocument document;
        MarkdownDocument md(&document);
        md.setMarkdown(guide);
        QString remote = guide;
        QVERIFY(remote.contains(from));
        remote.replace(remote.indexOf(from), from.size(), to);
        const qint64 before = MarkdownInlineWriter::blocksWritten();
        QVERIFY(md.mergeMarkdown(remote));
        QCOMPARE(MarkdownInlineWriter::blocksWritten() - before, 1);
        QCOMPARE(md.blocksWritten(), 1);
        QCOMPARE(md.markdown(), remote);
        QCOMPARE(md.markdownFromScratch(), remote);
    }
};

int main(int argc, char *argv[])
{
    // Fonts and formats need a GUI application; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestMarkdownIncremental test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_markdownincremental.moc"
