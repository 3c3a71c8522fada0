// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <md4c.h>
#include <vector>

namespace quire::desktop {

// Reads a text into its fingerprints.
//
// Fingerprints: what md4c makes of a text, one string per top-level block,
// holding exactly what a loaded document keeps (structure, text as loaded,
// link targets, alignments …). Two texts with equal fingerprints load into
// the same document; the check that kept bytes still mean what the
// document holds.
class MarkdownFingerprinter
{
public:
    // One fingerprint per top-level block; none when md4c gave up.
    static std::vector<QString> of(const QString &markdown);

    // md4c's events, through MarkdownFormat::parse().
    int enterBlock(MD_BLOCKTYPE type, void *detail);
    int leaveBlock(MD_BLOCKTYPE type, void *);
    int enterSpan(MD_SPANTYPE type, void *detail);
    int leaveSpan(MD_SPANTYPE type, void *);
    int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size);

private:
    MarkdownFingerprinter() = default;

    std::vector<QString> m_blocks;
    int m_depth = 0;
    int m_imageDepth = 0;
    bool m_afterNullChar = false; // for MarkdownFormat::textOf
};

} // namespace quire::desktop
