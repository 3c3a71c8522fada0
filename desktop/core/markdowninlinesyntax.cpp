// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdowninlinesyntax.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace quire::desktop {

namespace {

QString escapeEntities(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == QLatin1Char('&') && MarkdownInlineSyntax::startsEntity(s, i))
            out += QLatin1Char('\\');
        out += s[i];
    }
    return out;
}

} // namespace

bool MarkdownInlineSyntax::startsEntity(const QString &s, qsizetype i)
{
    qsizetype j = i + 1;
    if (j < s.size() && s[j] == QLatin1Char('#')) {
        ++j;
        const bool hex = j < s.size() && (s[j] == QLatin1Char('x') || s[j] == QLatin1Char('X'));
        j += hex ? 1 : 0;
        const qsizetype digits = j;
        while (j < s.size() && j - digits < 8
               && (hex ? isxdigit(s[j].unicode()) && s[j].unicode() < 128 : s[j].isDigit() && s[j].unicode() < 128))
            ++j;
        return j > digits && j < s.size() && s[j] == QLatin1Char(';');
    }
    const qsizetype name = j;
    while (j < s.size() && s[j].unicode() < 128 && (s[j].isLetterOrNumber()))
        ++j;
    return j > name && s[name].isLetter() && j < s.size() && s[j] == QLatin1Char(';');
}

QString MarkdownInlineSyntax::destination(const QString &url)
{
    if (url.isEmpty())
        return QStringLiteral("<>");
    int depth = 0;
    bool angle = false;
    for (const QChar c : url) {
        if (c.unicode() <= 0x20 || c == QLatin1Char('<') || c == QLatin1Char('>') || c.isSpace())
            angle = true;
        depth += c == QLatin1Char('(') ? 1 : c == QLatin1Char(')') ? -1 : 0;
        if (depth < 0)
            angle = true;
    }
    angle = angle || depth != 0;
    QString out;
    for (qsizetype i = 0; i < url.size(); ++i) {
        const QChar c = url[i];
        if (c == QLatin1Char('\\') || (angle && (c == QLatin1Char('<') || c == QLatin1Char('>'))))
            out += QLatin1Char('\\');
        out += c;
    }
    out = escapeEntities(out);
    return angle ? QLatin1Char('<') + out + QLatin1Char('>') : out;
}

QString MarkdownInlineSyntax::titlePart(const QString &title)
{
    if (title.isEmpty())
        return {};
    QString out;
    for (const QChar c : title) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\');
        out += c;
    }
    return QStringLiteral(" \"") + escapeEntities(out) + QLatin1Char('"');
}

QString MarkdownInlineSyntax::codeSpan(const QString &content)
{
    int longest = 0;
    std::vector<bool> runs;
    for (qsizetype i = 0; i < content.size();) {
        if (content[i] != QLatin1Char('`')) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < content.size() && content[j] == QLatin1Char('`'))
            ++j;
        const int n = int(j - i);
        if (size_t(n) >= runs.size())
            runs.resize(n + 1, false);
        runs[n] = true;
        longest = std::max(longest, n);
        i = j;
    }
    int fence = 1;
    while (size_t(fence) < runs.size() && runs[fence])
        ++fence;
    const bool allSpaces = std::all_of(content.begin(), content.end(), [](QChar c) { return c == QLatin1Char(' '); });
    const bool pad = content.startsWith(QLatin1Char('`')) || content.endsWith(QLatin1Char('`'))
        || (!allSpaces && content.startsWith(QLatin1Char(' ')) && content.endsWith(QLatin1Char(' ')));
    const QString ticks(fence, QLatin1Char('`'));
    return ticks + (pad ? QStringLiteral(" ") : QString()) + content + (pad ? QStringLiteral(" ") : QString()) + ticks;
}

std::optional<QString> MarkdownInlineSyntax::autolink(const QString &href, const QString &text)
{
    for (const QChar c : href) {
        if (c.unicode() <= 0x20 || c == QLatin1Char('<') || c == QLatin1Char('>') || c.isSpace())
            return std::nullopt;
    }
    if (text == href) {
        const qsizetype colon = href.indexOf(QLatin1Char(':'));
        if (colon < 2 || colon > 32 || !href[0].isLetter())
            return std::nullopt;
        for (qsizetype k = 1; k < colon; ++k) {
            const QChar c = href[k];
            if (c.unicode() >= 128
                || !(c.isLetterOrNumber() || c == QLatin1Char('+') || c == QLatin1Char('.') || c == QLatin1Char('-')))
                return std::nullopt;
        }
        return QLatin1Char('<') + href + QLatin1Char('>');
    }
    if (href == QLatin1String("mailto:") + text && text.contains(QLatin1Char('@')) && !text.contains(QLatin1Char('\\')))
        return QLatin1Char('<') + text + QLatin1Char('>');
    return std::nullopt;
}

// Whether `out` ends with `c` not escaped.
bool MarkdownInlineSyntax::endsWithUnescaped(const QString &out, QChar c)
{
    if (!out.endsWith(c))
        return false;
    qsizetype slashes = 0;
    while (slashes + 1 < out.size() && out[out.size() - 2 - slashes] == QLatin1Char('\\'))
        ++slashes;
    return slashes % 2 == 0;
}

} // namespace quire::desktop
