// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/mail/mailmessage.h"

#include <QLocale>

namespace quire::server {

namespace {

// RFC 2047 encoded-word when the text is not plain ASCII.
QByteArray encodeHeader(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    bool ascii = true;
    for (char c : utf8)
        ascii = ascii && uchar(c) >= 0x20 && uchar(c) < 0x7f;
    if (ascii)
        return utf8;
    return "=?UTF-8?B?" + utf8.toBase64() + "?=";
}

// Header values come from our own code, but never let one smuggle in a new header line.
QByteArray singleLine(const QString &text)
{
    QString t = text;
    t.remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
    return t.toUtf8();
}

} // namespace

QByteArray MailMessage::toRfc5322(const QDateTime &date, const QString &messageId) const
{
    QByteArray out;
    const QString when
        = QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) + QStringLiteral(" +0000");
    out += "From: " + singleLine(from) + "\r\n";
    out += "To: " + singleLine(to) + "\r\n";
    out += "Subject: " + encodeHeader(subject.simplified()) + "\r\n";
    out += "Date: " + when.toLatin1() + "\r\n";
    out += "Message-ID: <" + singleLine(messageId) + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    const QByteArray body = text.toUtf8().toBase64();
    for (qsizetype i = 0; i < body.size(); i += 76)
        out += body.mid(i, 76) + "\r\n";
    return out;
}

} // namespace quire::server
