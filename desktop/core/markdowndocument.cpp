// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowndocument.h"

#include "desktop/core/markdownblocksplitter.h"
#include "desktop/core/markdowndocumentbuilder.h"
#include "desktop/core/markdownfingerprinter.h"
#include "desktop/core/markdownserializer.h"
#include "shared/sequencealignment.h"

#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTextDocument>

#include <algorithm>
#include <optional>

namespace quire::desktop {

namespace {

Q_LOGGING_CATEGORY(lcMarkdown, "quire.markdown", QtInfoMsg)

using HouseBlock = MarkdownSerializer::HouseBlock;

QString joinHouse(const std::vector<HouseBlock> &blocks)
{
    QString out;
    for (const HouseBlock &b : blocks) {
        if (!out.isEmpty())
            out += QStringLiteral("\n\n");
        out += b.text;
    }
    if (!out.isEmpty())
        out += QLatin1Char('\n');
    return out;
}

} // namespace

// What a load learnt about its source: the house text each top-level block
// had when loaded (its key: the same text now means the block is unchanged)
// and, worked out on the first save after an edit, the source cut into
// chunks of whole top-level blocks.
struct MarkdownDocument::Source
{
    struct Chunk
    {
        qsizetype begin = 0;
        qsizetype end = 0; // the source's bytes, without the last line ending
        int firstBlock = 0;
        int endBlock = 0; // the top-level blocks they hold; none for link definitions

        bool isDefinitions() const { return firstBlock == endBlock; }
    };

    std::vector<QString> keys; // per top-level block; null when it has none
    bool prepared = false;
    std::vector<Chunk> chunks;
    bool complete = false; // the chunks hold every top-level block
    // Whether the output may be read back only around new pieces
    // (definitionsAreLocal()).
    bool localCheck = false;
    std::vector<QString> fingerprints; // per top-level block
    // An id per distinct key, and the chunks' blocks as ids, for matching
    // the source's blocks with the document's.
    bool idsReady = false;
    QHash<QString, int> keyIds;
    std::vector<int> before;
    QString lineEnding = QStringLiteral("\n");
    // The source's link reference definitions, for blocks read alone, and
    // each alone.
    QString definitions;
    QStringList definitionTexts;

    void prepare(const QString &source)
    {
        prepared = true;
        fingerprints = MarkdownFingerprinter::of(source);
        if (fingerprints.size() != keys.size())
            return;
        const qsizetype crlf = source.indexOf(QStringLiteral("\r\n"));
        const qsizetype lf = source.indexOf(QLatin1Char('\n'));
        if (crlf >= 0 && crlf + 1 == lf)
            lineEnding = QStringLiteral("\r\n");
        else if (lf < 0 && source.contains(QLatin1Char('\r')))
            lineEnding = QStringLiteral("\r");
        const std::vector<MarkdownBlockSplitter::Span> spans
            = splitDefinitions(source, MarkdownBlockSplitter::split(source));
        std::vector<std::vector<QString>> alone;
        alone.reserve(spans.size());
        for (const MarkdownBlockSplitter::Span &s : spans) {
            alone.push_back(MarkdownFingerprinter::of(source.mid(s.begin, s.end - s.begin)));
            if (alone.back().empty()) {
                definitions += source.mid(s.begin, s.end - s.begin) + QStringLiteral("\n\n");
                definitionTexts += source.mid(s.begin, s.end - s.begin);
            }
        }
        const auto fits = [&](const std::vector<QString> &f, size_t at) {
            return !f.empty() && at + f.size() <= fingerprints.size()
                && std::equal(f.begin(), f.end(), fingerprints.begin() + qsizetype(at));
        };
        // Every piece must read alone as it reads in the whole (with the
        // definitions its links may use); where the splitter cut wrong,
        // pieces are joined. Reading again is bounded, so a source cut wrong
        // everywhere costs a few parses, not a quadratic number.
        qsizetype budget = 4 * source.size() + 4096;
        size_t block = 0;
        size_t i = 0;
        while (i < spans.size()) {
            MarkdownBlockSplitter::Span cur = spans[i];
            std::vector<QString> f = alone[i];
            size_t next = i + 1;
            if (f.empty()) {
                chunks.push_back({ cur.begin, cur.end, int(block), int(block) });
                i = next;
                continue;
            }
            bool ok = false;
            while (true) {
                if (fits(f, block)) {
                    ok = true;
                    break;
                }
                if (!definitions.isEmpty()) {
                    const QString text = source.mid(cur.begin, cur.end - cur.begin);
                    const std::vector<QString> withDefinitions
                        = MarkdownFingerprinter::of(text + QStringLiteral("\n\n") + definitions);
                    budget -= text.size() + definitions.size();
                    if (fits(withDefinitions, block)) {
                        f = withDefinitions;
                        ok = true;
                        break;
                    }
                }
                if (next >= spans.size() || budget < 0)
                    break;
                cur.end = spans[next++].end;
                budget -= cur.end - cur.begin;
                f = MarkdownFingerprinter::of(source.mid(cur.begin, cur.end - cur.begin));
            }
            if (!ok) {
                qCDebug(lcMarkdown) << "source blocks from" << block << "could not be told apart";
                break; // the rest is written as the document holds it
            }
            chunks.push_back({ cur.begin, cur.end, int(block), int(block + f.size()) });
            block += f.size();
            i = next;
        }
        if (block != fingerprints.size()) {
            // Without every block accounted for, the source's end cannot be
            // put back: keep what was found, but nothing after it.
            while (!chunks.empty() && chunks.back().isDefinitions())
                chunks.pop_back();
            complete = false;
        } else {
            complete = true;
        }
        localCheck = complete && definitionsAreLocal(source);
    }

    // Whether reading a stretch of the output with the link definitions
    // after it reads its links as the whole does: every definition in a
    // piece of its own, each label once (so their order cannot matter).
    // Guessed from the text, erring on the side of no.
    bool definitionsAreLocal(const QString &source) const
    {
        static const QRegularExpression label(QStringLiteral("^ {0,3}\\[((?:[^\\[\\]\\\\]|\\\\.)+)\\]:"));
        QSet<QString> labels;
        for (const Chunk &c : chunks) {
            const QStringView text = QStringView(source).mid(c.begin, c.end - c.begin);
            if (!c.isDefinitions()) {
                if (text.contains(QStringLiteral("]:")))
                    return false; // perhaps a definition in a quote or a list
                continue;
            }
            for (const QStringView line : text.split(QLatin1Char('\n'))) {
                if (!line.trimmed().startsWith(QLatin1Char('[')))
                    continue; // a title or an address on a line of its own
                const QRegularExpressionMatch m = label.match(line);
                if (!m.hasMatch())
                    return false;
                const QString key = m.captured(1).simplified().toCaseFolded();
                if (labels.contains(key))
                    return false;
                labels.insert(key);
            }
        }
        return true;
    }

    // Link reference definitions on the first lines of a block (`[foo]: /url`
    // over a paragraph) cut off into a piece of their own, so that an edit
    // of the paragraph leaves them.
    static std::vector<MarkdownBlockSplitter::Span> splitDefinitions(const QString &source,
                                                                     std::vector<MarkdownBlockSplitter::Span> spans)
    {
        std::vector<MarkdownBlockSplitter::Span> out;
        for (const MarkdownBlockSplitter::Span &s : spans) {
            const QString text = source.mid(s.begin, s.end - s.begin);
            qsizetype cut = -1; // after the last line of definitions
            if (text.trimmed().startsWith(QLatin1Char('['))) {
                qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
                for (int lines = 0; lineEnd >= 0 && lines < 20; ++lines) {
                    if (MarkdownFingerprinter::of(text.left(lineEnd)).empty())
                        cut = lineEnd;
                    lineEnd = text.indexOf(QLatin1Char('\n'), lineEnd + 1);
                }
            }
            if (cut <= 0) {
                out.push_back(s);
                continue;
            }
            qsizetype definitionsEnd = s.begin + cut;
            if (definitionsEnd > s.begin && source[definitionsEnd - 1] == QLatin1Char('\r'))
                --definitionsEnd;
            out.push_back({ s.begin, definitionsEnd });
            out.push_back({ s.begin + cut + 1, s.end });
        }
        return out;
    }

    // The house style's text with the source's link definitions after it,
    // where its references still find them.
    QString withDefinitions(const QString &source, QString house)
    {
        if (!prepared)
            prepare(source);
        if (definitionTexts.isEmpty())
            return house;
        if (!house.isEmpty())
            house += QLatin1Char('\n');
        // One a line, as the house style writes them.
        return house + definitionTexts.join(QLatin1Char('\n')).replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
            + QLatin1Char('\n');
    }

    bool usable() const
    {
        return std::any_of(chunks.begin(), chunks.end(), [](const Chunk &c) { return !c.isDefinitions(); });
    }

    // The source's bytes between chunks `c` and `c + 1`: a line ending and
    // blank lines.
    QString separatorAfter(const QString &source, size_t c) const
    {
        if (c + 1 >= chunks.size())
            return lineEnding + lineEnding;
        return source.mid(chunks[c].end, chunks[c + 1].begin - chunks[c].end);
    }
};

MarkdownDocument::MarkdownDocument(QTextDocument *document)
    : m_document(document)
{
    // contentsChanged(), not contentsChange(): the latter only comes from a
    // document that has a layout, that is one shown in an editor.
    m_changeConnection = QObject::connect(document, &QTextDocument::contentsChanged, [this] { m_changed = true; });
}

MarkdownDocument::~MarkdownDocument()
{
    QObject::disconnect(m_changeConnection);
}

void MarkdownDocument::setMarkdown(const QString &markdown)
{
    m_source = markdown;
    m_loaded.reset();
    const bool undo = m_document->isUndoRedoEnabled();
    m_document->setUndoRedoEnabled(false);
    m_document->clear();
    MarkdownDocumentBuilder builder(m_document);
    const int blocks = builder.build(markdown);
    m_document->setUndoRedoEnabled(undo);
    m_document->setModified(false);
    // The cache stays: what it holds is keyed by the blocks' text and
    // formats, whichever document they were in (mergeMarkdown() lends it
    // to the target).
    const std::vector<HouseBlock> house = MarkdownSerializer(m_document, &m_inlineCache).blocks();
    m_inlineCache.sweep(true);
    m_loadedHouse = joinHouse(house);
    if (blocks > 0) {
        // The house text of every block as loaded: the keys that tell later
        // which blocks are still the same.
        auto loaded = std::make_unique<Source>();
        loaded->keys.resize(size_t(blocks));
        std::vector<int> seen(size_t(blocks), 0);
        int last = -1;
        for (const HouseBlock &b : house) {
            if (b.sourceBlock < 0 || b.sourceBlock >= blocks || b.sourceBlock <= last) {
                last = blocks; // out of order: nothing after it can be trusted
                continue;
            }
            last = b.sourceBlock;
            loaded->keys[size_t(b.sourceBlock)] = b.text;
            ++seen[size_t(b.sourceBlock)];
        }
        for (size_t k = 0; k < seen.size(); ++k) {
            if (seen[k] != 1)
                loaded->keys[k] = QString();
        }
        m_loaded = std::move(loaded);
    }
    m_changed = false;
}

bool MarkdownDocument::mergeMarkdown(const QString &markdown, DocumentPatcher::Change *change)
{
    QTextDocument scratch;
    scratch.setDefaultFont(m_document->defaultFont());
    MarkdownDocument target(&scratch);
    // Most of the target's blocks are the document's: written already.
    target.m_inlineCache = std::move(m_inlineCache);
    target.setMarkdown(markdown);
    // The check that the patch gave the target's Markdown writes both
    // documents: with the cache, only blocks the target did not hold.
    if (!DocumentPatcher::patch(m_document, scratch, change, &target.m_inlineCache)) {
        m_inlineCache = std::move(target.m_inlineCache);
        return false;
    }
    // The document now holds what the target loaded: its source and keys
    // apply as they are.
    m_source = std::move(target.m_source);
    m_loaded = std::move(target.m_loaded);
    m_loadedHouse = std::move(target.m_loadedHouse);
    // The target's blocks are the document's now, with the same texts and
    // formats.
    m_inlineCache = std::move(target.m_inlineCache);
    m_changed = false;
    return true;
}

QString MarkdownDocument::houseMarkdown() const
{
    const QString house = joinHouse(MarkdownSerializer(m_document, &m_inlineCache).blocks());
    return m_loaded ? m_loaded->withDefinitions(m_source, house) : house;
}

QString MarkdownDocument::markdown() const
{
    return write(true);
}

QString MarkdownDocument::markdownFromScratch() const
{
    return write(false);
}

QString MarkdownDocument::write(bool shortcuts) const
{
    if (!m_changed)
        return m_source;
    const std::vector<HouseBlock> house = MarkdownSerializer(m_document, shortcuts ? &m_inlineCache : nullptr).blocks();
    if (shortcuts)
        m_inlineCache.sweep();
    // A change taken back (typed and undone, typed and deleted) leaves the
    // document as loaded: it is its source, whatever a rewrite would make
    // of blocks the house style cannot write as they were.
    // (A blank source holds nothing worth keeping.)
    if (joinHouse(house) == m_loadedHouse && !m_source.trimmed().isEmpty())
        return m_source;
    if (!m_loaded || house.empty())
        return joinHouse(house);
    Source &src = *m_loaded;
    if (!src.prepared)
        src.prepare(m_source);
    if (!src.usable())
        return src.withDefinitions(m_source, joinHouse(house));

    // Which chunks of the source are still in the document, unchanged: a
    // longest common subsequence over the blocks' house texts.
    // The source's side is the same on every call: worked out once.
    if (!src.idsReady) {
        src.idsReady = true;
        int unmatched = -1;
        for (const Source::Chunk &c : src.chunks) {
            for (int b = c.firstBlock; b < c.endBlock; ++b) {
                const QString &key = src.keys[size_t(b)];
                if (key.isNull()) {
                    src.before.push_back(unmatched--);
                    continue;
                }
                const auto it = src.keyIds.constFind(key);
                src.before.push_back(it != src.keyIds.constEnd() ? *it : int(src.keyIds.size()));
                if (it == src.keyIds.constEnd())
                    src.keyIds.insert(key, src.before.back());
            }
        }
    }
    QHash<QString, int> newIds; // texts the source has not
    const auto idOf = [&](const QString &s) {
        if (const auto it = src.keyIds.constFind(s); it != src.keyIds.constEnd())
            return *it;
        if (const auto it = newIds.constFind(s); it != newIds.constEnd())
            return *it;
        const int id = int(src.keyIds.size() + newIds.size());
        newIds.insert(s, id);
        return id;
    };
    const std::vector<int> &before = src.before;
    std::vector<int> now;
    now.reserve(house.size());
    for (const HouseBlock &b : house)
        now.push_back(idOf(b.text));
    // Common ends first; a middle too large for a table is matched greedily.
    const std::vector<qsizetype> match
        = shared::SequenceAlignment::align<int>(before, now, shared::SequenceAlignment::Fallback::Greedy).match;
    // keptAt[j]: the chunk kept at house block j, when one starts there
    std::vector<qsizetype> keptAt(house.size(), -1);
    size_t k = 0;
    for (size_t c = 0; c < src.chunks.size(); ++c) {
        const Source::Chunk &chunk = src.chunks[c];
        const qsizetype count = chunk.endBlock - chunk.firstBlock;
        if (count == 0)
            continue;
        const qsizetype start = match[k];
        bool kept = start >= 0;
        for (qsizetype b = 1; kept && b < count; ++b)
            kept = match[k + size_t(b)] == start + b;
        if (kept)
            keptAt[size_t(start)] = qsizetype(c);
        k += size_t(count);
    }

    std::vector<std::optional<QString>> houseFingerprints(house.size());
    for (int attempt = 0; attempt < 8; ++attempt) {
        // The output as pieces: kept chunks (with the link definitions that
        // followed them) and blocks in house style.
        struct Piece
        {
            qsizetype chunk = -1; // -1: house block `block`
            size_t block = 0;
        };
        std::vector<Piece> pieces;
        std::vector<bool> placed(src.chunks.size(), false);
        const auto placeDefinitionsAfter = [&](qsizetype c) {
            for (size_t d = size_t(c + 1); d < src.chunks.size() && src.chunks[d].isDefinitions(); ++d) {
                pieces.push_back({ qsizetype(d), 0 });
                placed[d] = true;
            }
        };
        placeDefinitionsAfter(-1);
        for (size_t j = 0; j < house.size();) {
            const qsizetype c = keptAt[j];
            if (c >= 0) {
                pieces.push_back({ c, j });
                placeDefinitionsAfter(c);
                j += size_t(src.chunks[size_t(c)].endBlock - src.chunks[size_t(c)].firstBlock);
            } else {
                pieces.push_back({ -1, j });
                ++j;
            }
        }
        // Definitions whose neighbour went: at the end, where links still
        // find them.
        for (size_t d = 0; d < src.chunks.size(); ++d) {
            if (src.chunks[d].isDefinitions() && !placed[d])
                pieces.push_back({ qsizetype(d), 0 });
        }

        QString out;
        std::vector<QString> expected;
        // Where each piece's own text starts and ends in `out`, and its
        // first block in `expected`.
        std::vector<qsizetype> textBegin(pieces.size());
        std::vector<qsizetype> textEnd(pieces.size());
        std::vector<size_t> expectedBegin(pieces.size() + 1);
        bool houseOk = true;
        for (size_t p = 0; p < pieces.size(); ++p) {
            const Piece &piece = pieces[p];
            expectedBegin[p] = expected.size();
            // Between pieces: what the source had next to a kept chunk.
            if (p == 0)
                out += piece.chunk == 0 ? m_source.left(src.chunks.front().begin) : QString();
            else if (pieces[p - 1].chunk >= 0)
                out += src.separatorAfter(m_source, size_t(pieces[p - 1].chunk));
            else if (piece.chunk > 0)
                out += src.separatorAfter(m_source, size_t(piece.chunk - 1));
            else
                out += src.lineEnding + src.lineEnding;
            textBegin[p] = out.size();
            if (piece.chunk >= 0) {
                const Source::Chunk &c = src.chunks[size_t(piece.chunk)];
                out += m_source.mid(c.begin, c.end - c.begin);
                textEnd[p] = out.size();
                expected.insert(expected.end(), src.fingerprints.begin() + c.firstBlock,
                                src.fingerprints.begin() + c.endBlock);
                continue;
            }
            QString text = house[piece.block].text;
            std::optional<QString> &f = houseFingerprints[piece.block];
            if (!f) {
                const std::vector<QString> alone = MarkdownFingerprinter::of(
                    src.definitions.isEmpty() ? text : text + QStringLiteral("\n\n") + src.definitions);
                f = alone.size() == 1 ? alone.front() : QString();
            }
            houseOk = houseOk && !f->isNull();
            expected.push_back(*f);
            if (src.lineEnding != QLatin1String("\n"))
                text.replace(QLatin1Char('\n'), src.lineEnding);
            out += text;
            textEnd[p] = out.size();
        }
        expectedBegin[pieces.size()] = expected.size();
        if (!houseOk) {
            qCWarning(lcMarkdown) << "a block in house style does not read back as one block";
            return src.withDefinitions(m_source, joinHouse(house));
        }
        // After the source's last block, kept, the source's own ending
        // (blank lines, or none); after a changed or new one, one line
        // ending.
        if (src.complete && pieces.back().chunk == qsizetype(src.chunks.size()) - 1)
            out += m_source.mid(src.chunks.back().end);
        else
            out += src.lineEnding;

        // Kept bytes next to new ones could read differently (two lists
        // becoming one): check, and write the blocks around a difference in
        // house style.
        // Two pieces next to each other as they were in the source read as
        // they did there; only the stretches around the other seams need
        // reading back (usually the edited block and its neighbours).
        if (shortcuts && src.localCheck) {
            bool same = true;
            for (size_t p = 0; same && p + 1 < pieces.size(); ++p) {
                if (pieces[p].chunk >= 0 && pieces[p + 1].chunk == pieces[p].chunk + 1)
                    continue;
                size_t last = p + 1;
                while (last + 1 < pieces.size()
                       && !(pieces[last].chunk >= 0 && pieces[last + 1].chunk == pieces[last].chunk + 1))
                    ++last;
                const qsizetype begin = p == 0 ? 0 : textBegin[p];
                const qsizetype end = last + 1 == pieces.size() ? out.size() : textEnd[last];
                QString stretch = out.mid(begin, end - begin);
                if (!src.definitions.isEmpty())
                    stretch += QStringLiteral("\n\n") + src.definitions;
                const std::vector<QString> read = MarkdownFingerprinter::of(stretch);
                same = std::equal(read.begin(), read.end(), expected.begin() + qsizetype(expectedBegin[p]),
                                  expected.begin() + qsizetype(expectedBegin[last + 1]));
                p = last - 1; // the loop's ++p: on to the seam after `last`
            }
            if (same)
                return out;
        }
        const std::vector<QString> got = MarkdownFingerprinter::of(out);
        size_t diff = 0;
        while (diff < got.size() && diff < expected.size() && got[diff] == expected[diff])
            ++diff;
        if (diff == got.size() && diff == expected.size())
            return out;
        size_t seen = 0;
        size_t at = 0;
        for (; at < pieces.size(); ++at) {
            const Piece &piece = pieces[at];
            seen += piece.chunk >= 0
                ? size_t(src.chunks[size_t(piece.chunk)].endBlock - src.chunks[size_t(piece.chunk)].firstBlock)
                : 1;
            if (seen > diff)
                break;
        }
        at = std::min(at, pieces.size() - 1);
        bool changed = false;
        for (size_t q = at > 0 ? at - 1 : 0; q <= std::min(at + 1, pieces.size() - 1); ++q) {
            const Piece &piece = pieces[q];
            if (piece.chunk >= 0 && !src.chunks[size_t(piece.chunk)].isDefinitions()) {
                keptAt[piece.block] = -1;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    qCDebug(lcMarkdown) << "kept source blocks did not read back the same; writing house style";
    return src.withDefinitions(m_source, joinHouse(house));
}

} // namespace quire::desktop
