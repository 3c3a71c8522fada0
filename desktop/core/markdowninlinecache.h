// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/markdowninlinewriter.h"

#include <QHash>
#include <QString>
#include <QTextFormat>

#include <utility>
#include <vector>

class QTextBlock;

namespace quire::desktop {

// Remembers what MarkdownInlineWriter wrote for a block, so that writing a
// long document again after a small edit writes only the blocks that changed.
//
// The writer reads nothing but the block's text and its fragments'
// character formats, so an entry is keyed by exactly those (formats
// compared by value, not by their index in a document's collection): a
// hit gives what the writer would write, whatever document the block is
// in and whatever happened to it in between.
class MarkdownInlineCache
{
public:
    // What MarkdownInlineWriter::write(block, context) gives.
    QString write(const QTextBlock &block, MarkdownInlineWriter::Context context);
    // Forgets what was not asked for since the last sweep, so the cache
    // holds about one document's blocks however long the editing goes on.
    // With `keep` (after a load), what was asked for is kept until the next
    // sweep with `keep`, everything else goes: the blocks as loaded, which
    // an undo brings back.
    void sweep(bool keep = false);
    void clear()
    {
        m_entries.clear();
        m_misses = 0;
    }

    // How many blocks were written, not found, between the last two sweeps.
    int written() const { return m_written; }

private:
    struct Entry
    {
        MarkdownInlineWriter::Context context;
        std::vector<std::pair<int, QTextCharFormat>> fragments; // length, format
        QString markdown;
        bool used = true;
        bool kept = false;
    };

    QHash<QString, std::vector<Entry>> m_entries; // by the block's text
    int m_misses = 0;
    int m_written = 0;
};

} // namespace quire::desktop
