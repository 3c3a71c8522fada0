// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/jsontext.h"

#include <QByteArray>

namespace quire::server {

void JsonText::appendString(std::string &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    const char *p = utf8.constData();
    const char *const end = p + utf8.size();
    const char *run = p; // bytes that need no escape are copied in runs
    for (; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, std::size_t(p - run));
        run = p + 1;
        out += '\\';
        switch (c) {
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '\n':
            out += 'n';
            break;
        case '\r':
            out += 'r';
            break;
        case '\t':
            out += 't';
            break;
        case '\b':
            out += 'b';
            break;
        case '\f':
            out += 'f';
            break;
        default:
            out += "u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    out.append(run, std::size_t(end - run));
    out += '"';
}

} // namespace quire::server
