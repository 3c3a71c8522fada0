// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace quire::server {

// The SSRF guard's one decision: may the server open a connection to this
// resolved address and port? One table of refused ranges (loopback,
// private, link-local and metadata, CGNAT, multicast, reserved, and IPv6
// forms that embed such an IPv4) decides, unless the operator's allow-list
// names the address (the tests' local fakes, an intranet webhook).
class AddressPolicy
{
public:
    struct Verdict
    {
        bool allowed = false;
        // Why it was refused ("loopback (127.0.0.0/8)"), or why it was let
        // through ("allow-listed 127.0.0.1:8443"); for messages and logs.
        QString reason;
    };

    // No allow-list: every refused range is refused.
    AddressPolicy() = default;

    // Entries, each one of:
    //   host:port      a name or address (IPv6 in brackets) on one port,
    //                  e.g. "127.0.0.1:8443", "[::1]:8443", "fake.test:443";
    //   address[/len]  an address or CIDR range on any port, e.g. "10.0.0.0/8".
    // Refuses an entry it cannot read, naming it.
    static shared::Result<AddressPolicy> fromAllowList(const QStringList &entries);

    // `host` is the name the URL gave (a name entry matches only it); the
    // address is what it resolved to. IPv4-mapped IPv6 addresses match
    // allow-list entries of their IPv4.
    Verdict check(const QString &host, const QHostAddress &address, quint16 port) const;

    // Whether the allow-list itself names this host (or address) and port;
    // plain http is allowed only then.
    bool listed(const QString &host, const QHostAddress &address, quint16 port) const;
    bool listsHost(const QString &host, quint16 port) const;

    // The table alone, without the allow-list: why `address` is refused,
    // or nothing for an address the public internet routes.
    static std::optional<QString> refusedRange(const QHostAddress &address);

private:
    struct Entry
    {
        QString name; // a host name entry, lower case; empty for addresses
        std::pair<QHostAddress, int> subnet; // address entries
        int port = -1; // -1: any port
        QString text;
    };

    std::optional<QString> matchingEntry(const QString &host, const QHostAddress &address, quint16 port) const;

    QList<Entry> m_entries;
};

} // namespace quire::server
