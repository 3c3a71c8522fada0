// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/markdownformat.h"

#include <QFont>
#include <QHash>
#include <QTextBlock>
#include <QTextDocumentFragment>

#include <utility>

namespace quire::desktop {

namespace {

// An entity as the pages' browsers read it; one Qt does not know stays text.
QString decodeEntity(const QString &entity)
{
    if (entity.startsWith(QLatin1String("&#"))) {
        const bool hex = entity.size() > 3 && (entity[2] == QLatin1Char('x') || entity[2] == QLatin1Char('X'));
        bool ok = false;
        const uint code = entity.mid(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)).toUInt(&ok, hex ? 16 : 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return QString(QChar(QChar::ReplacementCharacter));
        const char32_t c = char32_t(code);
        return QString::fromUcs4(&c, 1);
    }
    static thread_local QHash<QString, QString> cache;
    const auto it = cache.constFind(entity);
    if (it != cache.constEnd())
        return *it;
    QString decoded = QTextDocumentFragment::fromHtml(entity).toRawText();
    if (decoded.isEmpty())
        decoded = entity;
    cache.insert(entity, decoded);
    return decoded;
}

} // namespace

QString MarkdownFormat::decodeAttribute(const MD_ATTRIBUTE &a)
{
    QString out;
    if (!a.text)
        return out;
    for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
        const MD_OFFSET begin = a.substr_offsets[i];
        const MD_OFFSET end = a.substr_offsets[i + 1];
        const QString part = QString::fromUtf8(a.text + begin, qsizetype(end - begin));
        switch (a.substr_types[i]) {
        case MD_TEXT_NULLCHAR:
            out += QChar(QChar::ReplacementCharacter);
            break;
        case MD_TEXT_ENTITY:
            out += decodeEntity(part);
            break;
        default:
            out += part;
        }
    }
    return out;
}

QString MarkdownFormat::textOf(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, bool &afterNullChar)
{
    const bool echo = std::exchange(afterNullChar, type == MD_TEXT_NULLCHAR);
    switch (type) {
    case MD_TEXT_NULLCHAR:
        return QString(QChar(QChar::ReplacementCharacter));
    case MD_TEXT_BR:
        return QString(QChar(QChar::LineSeparator));
    case MD_TEXT_SOFTBR:
        return QStringLiteral(" ");
    case MD_TEXT_ENTITY:
        return decodeEntity(QString::fromUtf8(text, qsizetype(size)));
    default:
        if (echo && size > 0 && text[0] == '\0') {
            ++text;
            --size;
        }
        return QString::fromUtf8(text, qsizetype(size)).replace(QChar(0), QChar(QChar::ReplacementCharacter));
    }
}

bool MarkdownFormat::isCodeFont(const QTextCharFormat &f)
{
    if (f.fontFixedPitch())
        return true;
    const QStringList families = f.fontFamilies().toStringList();
    for (const QString &family : families) {
        const QString lower = family.toLower();
        if (lower.contains(QLatin1String("mono")) || lower.contains(QLatin1String("courier"))
            || lower.contains(QLatin1String("consolas")))
            return true;
    }
    return false;
}

bool MarkdownFormat::isCodeBlock(const QTextBlock &block)
{
    const QTextBlockFormat f = block.blockFormat();
    if (f.hasProperty(QTextFormat::BlockCodeFence) || f.hasProperty(QTextFormat::BlockCodeLanguage))
        return true;
    const bool blockFont = isCodeFont(block.charFormat());
    if (!f.nonBreakableLines() && !blockFont)
        return false;
    bool any = false;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (!isCodeFont(it.fragment().charFormat()))
            return false;
        any = true;
    }
    return any || (blockFont && f.nonBreakableLines());
}

bool MarkdownFormat::isStrong(const QTextCharFormat &f, bool styledWeight)
{
    return f.fontWeight() >= QFont::DemiBold && !(styledWeight && f.boolProperty(StyleWeightProperty));
}

} // namespace quire::desktop
