// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QHostAddress>
#include <QString>
#include <QStringView>
#include <QUrl>

#include <optional>

namespace quire::server {

class AddressPolicy;

// An outgoing URL that passed every check that needs no DNS: https (plain
// http only to a host:port the allow-list names), no user info, a port in
// range, and a host that is either a name to resolve or an address, read in
// whichever notation the OS would read it (127.1, 0x7f000001, 0177.0.0.1,
// 2130706433) so the address check sees the address actually dialled.
class OutboundUrl
{
public:
    static shared::Result<OutboundUrl> parse(const QString &text, const AddressPolicy &policy);
    static shared::Result<OutboundUrl> fromUrl(const QUrl &url, const AddressPolicy &policy);

    // A redirect's Location, read against this URL and checked alike.
    shared::Result<OutboundUrl> redirected(const QString &location, const AddressPolicy &policy) const;

    const QUrl &url() const { return m_url; }
    // Lower case, IDNA-encoded: what DNS, the Host header and TLS see.
    const QString &host() const { return m_host; }
    quint16 port() const { return m_port; }
    bool secure() const { return m_secure; }
    // Set when the host already is an address: nothing to resolve.
    const std::optional<QHostAddress> &literal() const { return m_literal; }
    // scheme://host:port, to tell a redirect that leaves the origin.
    QString origin() const;
    // The Host header's value: the host, and the port unless the default.
    QByteArray hostHeader() const;
    // The URL with its host replaced by the checked address, so the
    // connection goes where the check looked (no second DNS lookup).
    QUrl pinnedTo(const QHostAddress &address) const;
    // For logs: scheme, host, port and path; no query, which may hold a token.
    QString forLog() const;

    // How the OS reads a host whose last label is a number (inet_aton's
    // forms, as the WHATWG URL standard does): nullopt when the host is not
    // numeric, a null address when it is but cannot be read (refused).
    static std::optional<QHostAddress> numericHost(QStringView host);

private:
    QUrl m_url;
    QString m_host;
    quint16 m_port = 0;
    bool m_secure = true;
    std::optional<QHostAddress> m_literal;
};

} // namespace quire::server
