// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/documentpatcher.h"

#include "desktop/core/blockspacing.h"
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
// groups, containers' numbers, the loaded source's block numbers) or only
// shows on hover: what is left says how the block looks and what Markdown
// it stands for.
QTextFormat comparable(QTextFormat f)
{
    f.clearProperty(QTextFormat::ObjectIndex);
    // Only a link's tooltip is Markdown (its title), not the alt text an
    // inserted image shows on hover; and text typed after an image takes
    // over the image's properties, which say nothing about text.
    if (!f.boolProperty(QTextFormat::IsAnchor))
        f.clearProperty(QTextFormat::TextToolTip);
    if (f.objectType() != QTextFormat::ImageObject) {
        for (const int p : { QTextFormat::ImageName, QTextFormat::ImageTitle, QTextFormat::ImageAltText,
                             QTextFormat::ImageWidth, QTextFormat::ImageHeight, QTextFormat::ImageQuality })
            f.clearProperty(p);
    }
    f.clearProperty(MarkdownFormat::SourceBlockProperty);
    f.clearProperty(MarkdownFormat::CodeGroupProperty);
    // The space around blocks is the view's rhythm, not what the text says.
    BlockSpacing::clear(f);
    if (f.hasProperty(MarkdownFormat::ContainersProperty)) {
        static const QRegularExpression number(QStringLiteral("[0-9]+"));
        f.setProperty(MarkdownFormat::ContainersProperty,
                      f.stringProperty(MarkdownFormat::ContainersProperty).remove(number));
    }
    return f;
}

// `inTable`: a cell's text; its block's look comes from the table, and a
// table the user inserted looks so until it is loaded from Markdown again.
bool sameBlock(const QTextBlock &a, const QTextBlock &b, bool inTable = false)
{
    if (a.text() != b.text() || bool(a.textList()) != bool(b.textList()))
        return false;
    if (!inTable
        && (comparable(a.blockFormat()) != comparable(b.blockFormat())
            || comparable(a.charFormat()) != comparable(b.charFormat())))
        return false;
    if (a.textList() && comparable(a.textList()->format()) != comparable(b.textList()->format()))
        return false;
    auto i = a.begin();
    auto j = b.begin();
    for (; !i.atEnd() && !j.atEnd(); ++i, ++j) {
        const QTextFragment fa = i.fragment();
        const QTextFragment fb = j.fragment();
        // A table's first row is its header in Markdown, bold or not.
        const auto look = [inTable](QTextFormat f) {
            if (inTable) {
                f.clearProperty(QTextFormat::FontWeight);
                f.clearProperty(MarkdownFormat::StyleWeightProperty);
            }
            return comparable(f);
        };
        if (fa.length() != fb.length() || look(fa.charFormat()) != look(fb.charFormat())) {
            return false;
        }
    }
    return i.atEnd() && j.atEnd();
}

bool isBlank(const Unit &u);

bool sameUnit(const Unit &a, const Unit &b)
{
    if (isBlank(a) && isBlank(b))
        return true; // an empty paragraph's formats leave no trace in Markdown
    if (bool(a.frame) != bool(b.frame))
        return false;
    if (!a.frame)
        return sameBlock(a.block, b.block);
    const auto *ta = qobject_cast<const QTextTable *>(a.frame);
    const auto *tb = qobject_cast<const QTextTable *>(b.frame);
    if (bool(ta) != bool(tb) || (ta && (ta->rows() != tb->rows() || ta->columns() != tb->columns())))
        return false;
    // The alignments the delimiter row shows: a table the user inserted
    // has no loaded source's alignments ("--"), only its cells' (none).
    if (ta && MarkdownSerializer::columnAlignments(ta) != MarkdownSerializer::columnAlignments(tb))
        return false;
    QTextBlock x = a.block;
    QTextBlock y = b.block;
    for (; x.isValid() && x.position() <= a.frame->lastPosition(); x = x.next(), y = y.next()) {
        if (!y.isValid() || y.position() > b.frame->lastPosition() || !sameBlock(x, y, true))
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

// An empty paragraph: the editor shows it, Markdown has no place for it.
bool isBlank(const Unit &u)
{
    return !u.frame && u.block.length() == 1 && !u.block.textList() && !grouped(u);
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

// The same Markdown, block for block (which list or quote a block belongs
// to included); empty paragraphs, which Markdown does not keep, aside.
// Both are written with `cache`, where given: the blocks the patch left
// and the ones it brought are the target's, written when it was loaded.
bool sameDocument(const QTextDocument &a, const QTextDocument &b, MarkdownInlineCache *cache)
{
    const auto house = [cache](const QTextDocument &d) {
        QStringList texts;
        for (const MarkdownSerializer::HouseBlock &block : MarkdownSerializer(&d, cache).blocks())
            texts << block.text;
        return texts;
    };
    return house(a) == house(b);
}

} // namespace

DocumentPatcher::Change DocumentPatcher::narrow(int at, const QString &before, const QString &after)
{
    const qsizetype common = std::min(before.size(), after.size());
    qsizetype prefix = 0;
    while (prefix < common && before[prefix] == after[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < common - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    return { at + int(prefix), int(before.size() - prefix - suffix), int(after.size() - prefix - suffix) };
}

bool DocumentPatcher::patch(QTextDocument *document, const QTextDocument &target, Change *change,
                            MarkdownInlineCache *cache)
{
    const std::vector<Unit> live = unitsOf(*document);
    const std::vector<Unit> want = unitsOf(target);
    // The units both have at the start and at the end, as pairs (live,
    // target); an empty paragraph only the editor has (Markdown keeps none,
    // the user may have left one below a list) is stepped over and stays.
    std::vector<std::pair<size_t, size_t>> head;
    std::vector<std::pair<size_t, size_t>> tail;
    size_t i = 0;
    size_t j = 0;
    while (i < live.size() && j < want.size()) {
        if (sameUnit(live[i], want[j]))
            head.emplace_back(i++, j++);
        else if (isBlank(live[i]) && i + 1 < live.size())
            ++i;
        else
            break;
    }
    if (i == live.size() && j == want.size()) {
        if (change)
            *change = {};
        return true; // nothing differs
    }
    size_t k = live.size();
    size_t l = want.size();
    const auto headEnd = [&] {
        return head.empty() ? std::pair<size_t, size_t> { 0, 0 }
                            : std::pair { head.back().first + 1, head.back().second + 1 };
    };
    while (k > headEnd().first && l > headEnd().second) {
        if (sameUnit(live[k - 1], want[l - 1]))
            tail.emplace_back(--k, --l);
        else if (isBlank(live[k - 1]) && k - 1 > headEnd().first)
            --k;
        else
            break;
    }
    // Both sides replace at least one unit (an insertion replaces its
    // neighbour), and never part of a list, quote or code block.
    const auto tailStart = [&] { return tail.empty() ? std::pair { live.size(), want.size() } : tail.back(); };
    while (true) {
        const auto [hl, hw] = headEnd();
        const auto [tl, tw] = tailStart();
        const bool empty = hl >= tl || hw >= tw;
        if (empty && !head.empty())
            head.pop_back();
        else if (empty && !tail.empty())
            tail.pop_back();
        else if (!head.empty() && (splitsGroup(live, hl) || splitsGroup(want, hw)))
            head.pop_back();
        else if (!tail.empty() && (splitsGroup(live, tl) || splitsGroup(want, tw)))
            tail.pop_back();
        else
            break;
    }
    auto [prefix, wantFirst] = headEnd();
    auto [liveEnd, wantEnd] = tailStart();
    // Empty paragraphs at either end of what is replaced stay too, as those
    // stepped over above (one the user left before a table they inserted).
    while (liveEnd - prefix > 1 && isBlank(live[prefix]))
        ++prefix;
    while (liveEnd - prefix > 1 && isBlank(live[liveEnd - 1]))
        --liveEnd;
    const size_t lastLive = liveEnd - 1;
    const size_t lastWant = wantEnd - 1;
    const int from = live[prefix].start();
    const int to = live[lastLive].end();
    // The target is only read; a cursor needs a document it could write.
    QTextCursor source(const_cast<QTextDocument *>(&target));
    source.setPosition(want[wantFirst].start());
    source.setPosition(want[lastWant].end(), QTextCursor::KeepAnchor);
    const QTextDocumentFragment fragment(source);

    // What the cursors see changed: the characters between what the
    // document's text shares at both ends before and after (a heading put
    // above the paragraph being written moves its cursor, no more).
    const QString before = document->toPlainText();
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
        - blocksBetween(target, want[wantFirst].start(), want[lastWant].end());
    for (int i = 0; i < extra && document->findBlock(from).length() == 1; ++i) {
        QTextCursor empty(document);
        empty.setPosition(from);
        empty.deleteChar();
    }
    alignBlocks(document, from, target, want[wantFirst].start(), want[lastWant].end());
    cursor.endEditBlock();

    if (!sameDocument(*document, target, cache)) {
        qCDebug(lcPatch) << "the patched document differs from the target; it is loaded whole";
        if (document->isUndoRedoEnabled())
            document->undo();
        return false;
    }
    if (change)
        *change = narrow(0, before, document->toPlainText());
    return true;
}

DocumentPatcher::Change DocumentPatcher::patchText(QTextDocument *document, const QString &text)
{
    const Change change = narrow(0, document->toPlainText(), text);
    if (change.removed == 0 && change.inserted == 0)
        return change;
    QTextCursor cursor(document);
    cursor.setPosition(change.position);
    cursor.setPosition(change.position + change.removed, QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(change.position, change.inserted));
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
