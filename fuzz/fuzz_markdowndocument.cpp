// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the desktop's Markdown document (desktop/core/markdowndocument):
// loading any text into the editor's document and saving it again. What it
// promises is checked: untouched, and touched but unchanged, the text comes
// back byte for byte; the house style is a fixed point (loaded and saved
// twice it stays the same); and saving after a real edit neither crashes
// nor writes text that changes when loaded and saved again.
#include "desktop/core/markdowndocument.h"

#include <QByteArray>
#include <QGuiApplication>
#include <QString>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using quire::desktop::MarkdownDocument;

void require(bool condition, const char *what, const QString &source, const QString &got)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_markdowndocument: %s\n--- source ---\n%s\n--- got ---\n%s\n", what,
                 qPrintable(source), qPrintable(got));
    std::abort();
}

// Makes the document count as edited without changing what it holds.
void touch(QTextDocument &document)
{
    QTextCursor c(&document);
    c.insertText(QStringLiteral("x"));
    c.deletePreviousChar();
}

QString loadTouchAndSave(const QString &markdown)
{
    QTextDocument document;
    MarkdownDocument md(&document);
    md.setMarkdown(markdown);
    touch(document);
    return md.markdown();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Fonts and formats need a GUI application; no display is needed.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QTextDocument document;
    MarkdownDocument md(&document);
    md.setMarkdown(source);
    require(md.markdown() == source, "an untouched document is not its source", source, md.markdown());
    touch(document);
    require(md.markdown() == source, "a document touched but unchanged is not its source", source, md.markdown());

    const QString house = md.houseMarkdown();
    {
        QTextDocument again;
        MarkdownDocument md2(&again);
        md2.setMarkdown(house);
        require(md2.houseMarkdown() == house, "the house style is not a fixed point", source, md2.houseMarkdown());
    }
    require(loadTouchAndSave(house) == house, "the house style does not load and save as it is", source,
            loadTouchAndSave(house));

    // A real edit at a place the input picks: typed text at the end of a block.
    if (document.blockCount() > 0 && size > 0) {
        QTextBlock block = document.findBlockByNumber(int(data[0]) % document.blockCount());
        QTextCursor c(block);
        c.movePosition(QTextCursor::EndOfBlock);
        c.insertText(QStringLiteral("Z"));
        const QString edited = md.markdown();
        require(loadTouchAndSave(edited) == edited, "an edited document does not load and save as it was saved",
                source, loadTouchAndSave(edited));
    }
    return 0;
}
