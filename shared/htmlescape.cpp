// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/htmlescape.h"

namespace quire::shared::HtmlEscape {

void appendTo(QByteArray &out, const char *utf8, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        const char c = utf8[i];
        switch (c) {
        case '&':
            out.append("&amp;");
            break;
        case '<':
            out.append("&lt;");
            break;
        case '>':
            out.append("&gt;");
            break;
        case '"':
            out.append("&quot;");
            break;
        case '\'':
            out.append("&#39;");
            break;
        default:
            out.append(c);
        }
    }
}

QByteArray escape(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 16);
    appendTo(out, utf8.constData(), utf8.size());
    return out;
}

} // namespace quire::shared::HtmlEscape
