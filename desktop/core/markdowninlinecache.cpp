// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowninlinecache.h"

#include <QTextBlock>

#include <algorithm>
#include <utility>

namespace quire::desktop {

QString MarkdownInlineCache::write(const QTextBlock &block, MarkdownInlineWriter::Context context)
{
    // The text from the fragments, not block.text(): one walk over them.
    QString text;
    text.reserve(block.length());
    std::vector<std::pair<int, QTextCharFormat>> fragments;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        text += fragment.text();
        fragments.emplace_back(fragment.length(), fragment.charFormat());
    }
    std::vector<Entry> &entries = m_entries[text];
    for (Entry &e : entries) {
        if (e.context == context && e.fragments == fragments) {
            e.used = true;
            return e.markdown;
        }
    }
    ++m_misses;
    Entry e { context, std::move(fragments), MarkdownInlineWriter::write(block, context) };
    entries.push_back(std::move(e));
    return entries.back().markdown;
}

void MarkdownInlineCache::sweep(bool keep)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        std::vector<Entry> &entries = it.value();
        entries.erase(std::remove_if(entries.begin(), entries.end(),
                                     [keep](const Entry &e) { return !e.used && (keep || !e.kept); }),
                      entries.end());
        for (Entry &e : entries) {
            e.kept = keep || e.kept;
            e.used = false;
        }
        it = entries.empty() ? m_entries.erase(it) : std::next(it);
    }
    m_written = std::exchange(m_misses, 0);
}

} // namespace quire::desktop
