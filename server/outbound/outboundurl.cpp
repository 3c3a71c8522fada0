// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/outbound/outboundurl.h"

#include "server/outbound/addresspolicy.h"

#include <QList>

namespace quire::server {
namespace {

using shared::Error;
using shared::ErrorCode;

bool isNumericLabel(QStringView label)
{
    if (label.startsWith(u"0x", Qt::CaseInsensitive)) {
        for (const QChar c : label.mid(2)) {
            if (!c.isDigit() && !(c.toLower() >= u'a' && c.toLower() <= u'f'))
                return false;
        }
        return true;
    }
    if (label.isEmpty())
        return false;
    for (const QChar c : label) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// One part of a numeric host: 0x hex, 0 octal, or decimal; nullopt when
// unreadable or above 2^32 (a longer value is never a valid part).
std::optional<quint64> readPart(QStringView part)
{
    if (part.isEmpty())
        return std::nullopt;
    int base = 10;
    if (part.startsWith(u"0x", Qt::CaseInsensitive)) {
        base = 16;
        part = part.mid(2);
        if (part.isEmpty())
            return 0; // "0x" is zero to inet_aton and to WHATWG alike
    } else if (part.size() > 1 && part.startsWith(u'0')) {
        base = 8;
        part = part.mid(1);
    }
    quint64 value = 0;
    for (const QChar c : part) {
        const int digit = c.isDigit()                      ? c.digitValue()
            : (c.toLower() >= u'a' && c.toLower() <= u'f') ? c.toLower().unicode() - u'a' + 10
                                                           : -1;
        if (digit < 0 || digit >= base)
            return std::nullopt;
        value = value * quint64(base) + quint64(digit);
        if (value > 0xffffffffULL)
            return std::nullopt;
    }
    return value;
}

Error invalid(const QString &text, const QString &why)
{
    return Error::make(ErrorCode::UrlInvalid, QStringLiteral("Outgoing URL \"%1\" is refused: %2.").arg(text, why));
}

} // namespace

std::optional<QHostAddress> OutboundUrl::numericHost(QStringView host)
{
    QList<QStringView> labels = host.split(u'.');
    if (labels.size() > 1 && labels.last().isEmpty())
        labels.removeLast(); // a trailing dot, as in "127.0.0.1."
    if (labels.isEmpty() || !isNumericLabel(labels.last()))
        return std::nullopt;
    if (labels.size() > 4)
        return QHostAddress();
    quint32 address = 0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const std::optional<quint64> part = readPart(labels[i]);
        const bool last = i == labels.size() - 1;
        // The last part fills the bytes that are left (127.1 is 127.0.0.1).
        const quint64 limit = last ? (quint64(1) << (8 * (5 - labels.size()))) : 256;
        if (!part || *part >= limit)
            return QHostAddress();
        address = last ? address | quint32(*part) : address | quint32(*part) << (8 * (3 - i));
    }
    return QHostAddress(address);
}

shared::Result<OutboundUrl> OutboundUrl::parse(const QString &text, const AddressPolicy &policy)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return invalid(text, QStringLiteral("not a URL (%1)").arg(url.errorString()));
    return fromUrl(url, policy);
}

shared::Result<OutboundUrl> OutboundUrl::fromUrl(const QUrl &url, const AddressPolicy &policy)
{
    const QString shown = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!url.isValid() || url.isRelative())
        return invalid(shown, QStringLiteral("not an absolute URL"));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return invalid(shown, QStringLiteral("only https is allowed"));
    if (!url.userInfo().isEmpty() || url.authority(QUrl::FullyEncoded).contains(u'@'))
        return invalid(shown, QStringLiteral("user names and passwords do not belong in the URL"));

    OutboundUrl out;
    out.m_secure = scheme == u"https";
    out.m_host = url.host(QUrl::FullyEncoded).toLower();
    if (out.m_host.isEmpty())
        return invalid(shown, QStringLiteral("it names no host"));
    const int port = url.port(out.m_secure ? 443 : 80);
    if (port <= 0 || port > 65535)
        return invalid(shown, QStringLiteral("port %1 is out of range").arg(port));
    out.m_port = quint16(port);

    const QHostAddress literal(out.m_host);
    if (!literal.isNull()) {
        out.m_literal = literal;
    } else if (const std::optional<QHostAddress> numeric = numericHost(out.m_host)) {
        if (numeric->isNull())
            return invalid(shown, QStringLiteral("its host looks like an address but is not one"));
        out.m_literal = numeric;
    }

    if (!out.m_secure && !policy.listed(out.m_host, out.m_literal.value_or(QHostAddress()), out.m_port))
        return Error::make(ErrorCode::UrlInsecure,
                           QStringLiteral("Outgoing URL \"%1\" is refused: only https is allowed (plain http only "
                                          "to a host:port the outbound allow-list names).")
                               .arg(shown));

    out.m_url = url.adjusted(QUrl::RemoveFragment);
    out.m_url.setScheme(scheme);
    if (out.m_url.path().isEmpty())
        out.m_url.setPath(QStringLiteral("/"));
    return out;
}

shared::Result<OutboundUrl> OutboundUrl::redirected(const QString &location, const AddressPolicy &policy) const
{
    const QUrl target(location.trimmed(), QUrl::StrictMode);
    if (!target.isValid())
        return invalid(location, QStringLiteral("the redirect's Location is not a URL"));
    return fromUrl(m_url.resolved(target), policy);
}

QString OutboundUrl::origin() const
{
    return QStringLiteral("%1://%2:%3").arg(m_url.scheme(), m_host).arg(m_port);
}

QByteArray OutboundUrl::hostHeader() const
{
    QByteArray host = m_host.contains(u':') ? '[' + m_host.toLatin1() + ']' : m_host.toLatin1();
    if (m_port != (m_secure ? 443 : 80))
        host += ':' + QByteArray::number(m_port);
    return host;
}

QUrl OutboundUrl::pinnedTo(const QHostAddress &address) const
{
    QUrl pinned = m_url;
    pinned.setHost(address.toString());
    pinned.setPort(m_port);
    return pinned;
}

QString OutboundUrl::forLog() const
{
    return m_url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace quire::server
