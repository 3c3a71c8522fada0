// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/documentpatcher.h"

#include "desktop/core/markdownformat.h"
#include "desktop/core/markdownserializer.h"

#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <algorithm>
#include <vector>

namespace quire::desktop {

namespace {

Q_LOGGING_CATEGORY(lcPatch, "quire.documentpatch", QtInfoMsg)

// A top-level unit of a document: one block of the root frame, or one
// frame (a table) with the blocks in it.
struct Unit
{
    QTextBlock block; // the first block
    QTextFrame *frame = nullptr;

    int start() const { return frame ? frame->firstPosition() - 1 : block.position(); }
    int end() const { return frame ? frame->lastPosition() + 1 : block.position() + block.length() - 1; }
};

std::vector<Unit> unitsOf(const QTextDocument &document)
{
    std::vector<Unit> units;
    for (auto it = document.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (QTextFrame *f = it.currentFrame())
            units.push_back({ document.findBlock(f->firstPosition()), f });
        else
            units.push_back({ it.currentBlock(), nullptr });
    }
    return units;
}

// A format without what names objects of its own document (lists, code
// groups, containers' numbers, the loaded source's block numbers): what is
// left says how the block looks and what Markdown it stands for.
QTextFormat comparable(QTextFormat f)
{
    f.clearProperty(QTextFormat::ObjectIndex);
    f.clearProperty(MarkdownFormat::SourceBlockProperty);
    f.clearProperty(MarkdownFormat::CodeGroupProperty);
    if (f.hasProperty(MarkdownFormat::ContainersProperty)) {
        static const QRegularExpression number(QStringLiteral("[0-9]+"));
        f.setProperty(MarkdownFormat::ContainersProperty,
                      f.stringProperty(MarkdownFormat::ContainersProperty).remove(number));
    }
    return f;
}

bool sameBlock(const QTextBlock &a, const QTextBlock &b)
{
    if (a.text() != b.text() || comparable(a.blockFormat()) != comparable(b.blockFormat())
        || comparable(a.charFormat()) != comparable(b.charFormat()) || bool(a.textList()) != bool(b.textList()))
        return false;
    if (a.textList() && comparable(a.textList()->format()) != comparable(b.textList()->format()))
        return false;
    auto i = a.begin();
    auto j = b.begin();
    for (; !i.atEnd() && !j.atEnd(); ++i, ++j) {
        const QTextFragment fa = i.fragment();
        const QTextFragment fb = j.fragment();
        if (fa.length() != fb.length() || comparable(fa.charFormat()) != comparable(fb.charFormat()))
            return false;
    }
    return i.atEnd() && j.atEnd();
}

bool sameUnit(const Unit &a, const Unit &b)
{
    if (bool(a.frame) != bool(b.frame))
        return false;
    if (!a.frame)
        return sameBlock(a.block, b.block);
    if (comparable(a.frame->frameFormat()) != comparable(b.frame->frameFormat()))
        return false;
    const auto *ta = qobject_cast<const QTextTable *>(a.frame);
    const auto *tb = qobject_cast<const QTextTable *>(b.frame);
    if (bool(ta) != bool(tb) || (ta && (ta->rows() != tb->rows() || ta->columns() != tb->columns())))
        return false;
    QTextBlock x = a.block;
    QTextBlock y = b.block;
    for (; x.isValid() && x.position() <= a.frame->lastPosition(); x = x.next(), y = y.next()) {
        if (!y.isValid() || y.position() > b.frame->lastPosition() || !sameBlock(x, y))
            return false;
    }
    return !y.isValid() || y.position() > b.frame->lastPosition();
}

// Part of a Markdown block that spans units: a list item, a quoted block,
// a code line, a table inside a list or quote.
bool grouped(const Unit &u)
{
    const QTextFormat f = u.frame ? QTextFormat(u.frame->frameFormat()) : QTextFormat(u.block.blockFormat());
    return (!u.frame && u.block.textList()) || !f.stringProperty(MarkdownFormat::ContainersProperty).isEmpty()
        || f.hasProperty(MarkdownFormat::CodeGroupProperty);
}

// Whether cutting before unit `at` could split a Markdown block.
bool splitsGroup(const std::vector<Unit> &units, size_t at)
{
    return at > 0 && at < units.size() && grouped(units[at - 1]) && grouped(units[at]);
}

// A fragment keeps the block formats and lists of its own blocks but not
// of the block it goes into, and starts lists of its own: the blocks from
// `from` on take the formats and list memberships the target's blocks from
// `wantFrom` to `wantTo` have.
void alignBlocks(QTextDocument *document, int from, const QTextDocument &target, int wantFrom, int wantTo)
{
    QHash<const QTextList *, QTextList *> lists; // the target's -> the document's
    QSet<const QTextList *> used;
    QTextBlock live = document->findBlock(from);
    for (QTextBlock want = target.findBlock(wantFrom); want.isValid() && want.position() <= wantTo && live.isValid();
         want = want.next(), live = live.next()) {
        if (want.blockFormat().hasProperty(QTextFormat::ObjectIndex) && !want.textList())
            continue; // a table cell's block: the fragment brought the table whole
        QTextCursor c(live);
        QTextList *now = live.textList();
        if (const QTextList *w = want.textList()) {
            QTextList *&mine = lists[w];
            if (!mine && now && !used.contains(now))
                mine = now;
            if (!mine)
                mine = c.createList(w->format());
            used.insert(mine);
            QTextBlockFormat f = want.blockFormat();
            f.setObjectIndex(mine->objectIndex());
            c.setBlockFormat(f);
        } else {
            if (now)
                now->remove(live);
            QTextBlockFormat f = want.blockFormat();
            f.clearProperty(QTextFormat::ObjectIndex);
            c.setBlockFormat(f);
        }
        c.setBlockCharFormat(want.charFormat());
    }
}

bool sameDocument(const QTextDocument &a, const QTextDocument &b)
{
    const std::vector<Unit> ua = unitsOf(a);
    const std::vector<Unit> ub = unitsOf(b);
    if (ua.size() != ub.size() || !std::equal(ua.begin(), ua.end(), ub.begin(), sameUnit))
        return false;
    // Which list or quote a block belongs to is what Markdown writes.
    const auto house = [](const QTextDocument &d) {
        QStringList texts;
        for (const MarkdownSerializer::HouseBlock &b : MarkdownSerializer(&d).blocks())
            texts << b.text;
        return texts;
    };
    return house(a) == house(b);
}

} // namespace

bool DocumentPatcher::patch(QTextDocument *document, const QTextDocument &target, Change *change)
{
    const std::vector<Unit> live = unitsOf(*document);
    const std::vector<Unit> want = unitsOf(target);
    const size_t common = std::min(live.size(), want.size());
    size_t prefix = 0;
    while (prefix < common && sameUnit(live[prefix], want[prefix]))
        ++prefix;
    size_t suffix = 0;
    while (suffix < common - prefix && sameUnit(live[live.size() - 1 - suffix], want[want.size() - 1 - suffix]))
        ++suffix;
    if (prefix == live.size() && prefix == want.size()) {
        if (change)
            *change = {};
        return true; // nothing differs
    }
    // Both sides replace at least one unit (an insertion replaces its
    // neighbour), and never part of a list, quote or code block.
    while (true) {
        const bool empty = prefix + suffix >= live.size() || prefix + suffix >= want.size();
        if (empty && prefix > 0)
            --prefix;
        else if (empty && suffix > 0)
            --suffix;
        else if (splitsGroup(live, prefix) || splitsGroup(want, prefix))
            --prefix;
        else if (splitsGroup(live, live.size() - suffix) || splitsGroup(want, want.size() - suffix))
            --suffix;
        else
            break;
    }
    const int from = live[prefix].start();
    const int to = live[live.size() - 1 - suffix].end();
    // The target is only read; a cursor needs a document it could write.
    QTextCursor source(const_cast<QTextDocument *>(&target));
    source.setPosition(want[prefix].start());
    source.setPosition(want[want.size() - 1 - suffix].end(), QTextCursor::KeepAnchor);
    const int inserted = source.selectionEnd() - source.selectionStart();
    const QTextDocumentFragment fragment(source);

    QTextCursor cursor(document);
    cursor.beginEditBlock();
    cursor.setPosition(from);
    cursor.setPosition(to, QTextCursor::KeepAnchor);
    cursor.insertFragment(fragment);
    // Put at a block's start, a fragment that starts with a list item
    // leaves an empty block before it.
    const auto blocksBetween = [](const QTextDocument &d, int a, int b) {
        return d.findBlock(b).blockNumber() - d.findBlock(a).blockNumber();
    };
    const int extra = blocksBetween(*document, from, cursor.position())
        - blocksBetween(target, want[prefix].start(), want[want.size() - 1 - suffix].end());
    for (int i = 0; i < extra && document->findBlock(from).length() == 1; ++i) {
        QTextCursor empty(document);
        empty.setPosition(from);
        empty.deleteChar();
    }
    alignBlocks(document, from, target, want[prefix].start(), want[want.size() - 1 - suffix].end());
    cursor.endEditBlock();

    if (!sameDocument(*document, target)) {
        qCDebug(lcPatch) << "the patched document differs from the target; it is loaded whole";
        if (document->isUndoRedoEnabled())
            document->undo();
        return false;
    }
    if (change)
        *change = { from, to - from, inserted };
    return true;
}

DocumentPatcher::Change DocumentPatcher::patchText(QTextDocument *document, const QString &text)
{
    const QString now = document->toPlainText();
    const qsizetype common = std::min(now.size(), text.size());
    qsizetype prefix = 0;
    while (prefix < common && now[prefix] == text[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < common - prefix && now[now.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    const Change change { int(prefix), int(now.size() - prefix - suffix), int(text.size() - prefix - suffix) };
    if (change.removed == 0 && change.inserted == 0)
        return change;
    QTextCursor cursor(document);
    cursor.setPosition(change.position);
    cursor.setPosition(change.position + change.removed, QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, change.inserted));
    return change;
}

int DocumentPatcher::map(const Change &change, int position)
{
    if (position <= change.position)
        return position;
    if (position >= change.position + change.removed)
        return position - change.removed + change.inserted;
    return change.position + std::min(position - change.position, change.inserted);
}

} // namespace quire::desktop
