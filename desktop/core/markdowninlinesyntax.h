// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace quire::desktop {

// How inline Markdown spells what cannot stand as it is.
//
// Link and image targets and titles, code spans, and `&` that would start
// an entity.
struct MarkdownInlineSyntax
{
    // `&` that would start an entity.
    static bool startsEntity(const QString &s, qsizetype i);
    // A link or image target.
    static QString destination(const QString &url);
    // A link's or image's title, with the space before it; empty for none.
    static QString titlePart(const QString &title);
    // `content` as a code span, in a fence of backticks it does not hold.
    static QString codeSpan(const QString &content);
    // A link to `href` with the text `text` as an autolink (`<https://…>`),
    // when it can be one.
    static std::optional<QString> autolink(const QString &href, const QString &text);
    // Whether `out` ends with `c` not escaped.
    static bool endsWithUnescaped(const QString &out, QChar c);
};

} // namespace quire::desktop
