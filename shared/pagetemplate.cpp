// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/pagetemplate.h"

#include "shared/htmlescape.h"

#include <QFile>

namespace quire::shared {

QByteArray PageTemplate::escape(const QString &text)
{
    return HtmlEscape::escape(text);
}

QString PageTemplate::pageTitle(const QString &heading, const QString &siteName)
{
    if (heading.trimmed().isEmpty() || heading.trimmed() == siteName.trimmed())
        return siteName;
    return heading + QStringLiteral(" · ") + siteName;
}

Result<PageTemplate> PageTemplate::parse(const QByteArray &text)
{
    return parse(text, 0);
}

Result<PageTemplate> PageTemplate::parse(const QByteArray &text, int depth)
{
    PageTemplate t;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf("{{", pos);
        if (open < 0) {
            t.m_parts.append({ text.mid(pos), {}, false });
            break;
        }
        if (open > pos)
            t.m_parts.append({ text.mid(pos, open - pos), {}, false });
        const bool raw = text.mid(open, 3) == "{{{";
        const QByteArray closing = raw ? QByteArray("}}}") : QByteArray("}}");
        const qsizetype start = open + (raw ? 3 : 2);
        const qsizetype close = text.indexOf(closing, start);
        QByteArray name = close < 0 ? QByteArray() : text.mid(start, close - start).trimmed();
        // `{{> name}}` includes the built-in partial of that name: the parts
        // every page shares (head, site header) are written once.
        const bool partial = !raw && name.startsWith('>');
        if (partial)
            name = name.mid(1).trimmed();
        bool valid = !name.isEmpty();
        for (const char c : name)
            valid = valid && (std::isalnum(uchar(c)) || c == '_' || (partial && c == '-'));
        if (!valid) {
            return Error::make(ErrorCode::TemplateInvalid,
                               QStringLiteral("malformed template tag at byte %1").arg(open));
        }
        if (partial) {
            if (depth >= 4)
                return Error::make(ErrorCode::TemplateInvalid, QStringLiteral("partials nested too deep"));
            QFile file(QStringLiteral(":/quire/templates/%1.html").arg(QString::fromLatin1(name)));
            if (!file.open(QIODevice::ReadOnly))
                return Error::make(ErrorCode::TemplateMissing,
                                   QStringLiteral("no partial %1").arg(QString::fromLatin1(name)));
            Result<PageTemplate> included = parse(file.readAll(), depth + 1);
            if (!included)
                return included.error();
            t.m_parts.append(included->m_parts);
        } else {
            t.m_parts.append({ {}, name, raw });
        }
        pos = close + closing.size();
    }
    return t;
}

Result<PageTemplate> PageTemplate::builtin(const QString &name)
{
    QFile file(QStringLiteral(":/quire/templates/%1.html").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::TemplateMissing, QStringLiteral("no template %1").arg(name));
    return parse(file.readAll());
}

Result<QByteArray> PageTemplate::render(const QHash<QByteArray, QString> &values,
                                        const QHash<QByteArray, QByteArray> &trustedHtml) const
{
    QByteArray out;
    out.reserve(4096);
    for (const Part &p : m_parts) {
        if (p.name.isEmpty()) {
            out.append(p.literal);
        } else if (p.raw) {
            const auto it = trustedHtml.find(p.name);
            if (it == trustedHtml.end())
                return Error::make(ErrorCode::TemplateValueMissing, QString::fromLatin1(p.name));
            out.append(*it);
        } else {
            const auto it = values.find(p.name);
            if (it == values.end())
                return Error::make(ErrorCode::TemplateValueMissing, QString::fromLatin1(p.name));
            out.append(escape(*it));
        }
    }
    return out;
}

} // namespace quire::shared
