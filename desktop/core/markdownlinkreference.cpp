// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdownlinkreference.h"

#include "desktop/core/markdowninlinesyntax.h"

#include <QStringList>

#include <algorithm>

namespace quire::desktop {

namespace {

// Delimiters that may stand between a link's text and its brackets.
bool isDelimiter(char c)
{
    return c == '*' || c == '_' || c == '`' || c == '~';
}

// The end of a bracketed label starting at `open` (the `[`): the index of
// its `]`, or -1. Labels hold no unescaped brackets.
qsizetype labelEnd(const QByteArray &s, qsizetype open)
{
    for (qsizetype i = open + 1; i < s.size() && i - open <= 1000; ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == '[')
            return -1;
        else if (s[i] == ']')
            return i;
    }
    return -1;
}

} // namespace

std::optional<MarkdownLinkReference> MarkdownLinkReference::find(const QByteArray &utf8, qsizetype first, qsizetype end,
                                                                 const QString &href, const QString &title)
{
    if (first < 0 || end <= first || end > utf8.size())
        return std::nullopt;
    qsizetype open = first - 1;
    while (open >= 0 && isDelimiter(utf8[open]))
        --open;
    qsizetype close = end;
    while (close < utf8.size() && isDelimiter(utf8[close]))
        ++close;
    if (open < 0 || utf8[open] != '[' || close >= utf8.size() || utf8[close] != ']')
        return std::nullopt;
    MarkdownLinkReference r;
    r.href = href;
    r.title = title;
    const QString text = QString::fromUtf8(utf8.mid(open + 1, close - open - 1));
    const qsizetype after = close + 1;
    if (after < utf8.size() && utf8[after] == '(')
        return std::nullopt; // inline
    if (after < utf8.size() && utf8[after] == '[') {
        const qsizetype labelClose = labelEnd(utf8, after);
        if (labelClose < 0)
            return std::nullopt;
        r.label = QString::fromUtf8(utf8.mid(after + 1, labelClose - after - 1));
        r.form = r.label.isEmpty() ? Form::Collapsed : Form::Full;
        if (r.label.isEmpty())
            r.label = text;
    } else {
        r.label = text;
        r.form = Form::Shortcut;
    }
    if (r.label.trimmed().isEmpty())
        return std::nullopt;
    return r;
}

QVariant MarkdownLinkReference::toProperty() const
{
    return QStringList { label, QString::number(int(form)), href, title };
}

std::optional<MarkdownLinkReference> MarkdownLinkReference::fromProperty(const QVariant &v)
{
    const QStringList parts = v.toStringList();
    if (parts.size() != 4 || parts[0].isEmpty())
        return std::nullopt;
    MarkdownLinkReference r;
    r.label = parts[0];
    r.form = Form(std::clamp(parts[1].toInt(), 0, 2));
    r.href = parts[2];
    r.title = parts[3];
    return r;
}

QString MarkdownLinkReference::closer(const QString &written) const
{
    if (form != Form::Full && written == label)
        return form == Form::Collapsed ? QStringLiteral("][]") : QStringLiteral("]");
    return QStringLiteral("][") + label + QLatin1Char(']');
}

QString MarkdownLinkReference::definition() const
{
    return QLatin1Char('[') + label + QStringLiteral("]: ") + MarkdownInlineSyntax::destination(href)
        + MarkdownInlineSyntax::titlePart(title);
}

} // namespace quire::desktop
