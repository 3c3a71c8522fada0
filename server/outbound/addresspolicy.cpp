// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/outbound/addresspolicy.h"

#include <array>
#include <vector>

namespace quire::server {
namespace {

using shared::Error;
using shared::ErrorCode;

// What a matching range means for the address inside it.
enum class Embedded {
    None, // refused outright
    Low32, // IPv4 in the last 32 bits (mapped, compatible, NAT64): that IPv4 decides
    SixToFour, // 2002:AABB:CCDD::/48 carries AA.BB.CC.DD: that IPv4 decides
};

struct Range
{
    const char *cidr;
    Embedded embedded;
    const char *reason;
};

// Every range the server never contacts unless the allow-list names it
// (IANA's special-purpose registries, RFC 6890 and successors). The first
// matching row decides, so narrower rows come before the rows that hold
// them. An address no row matches is public.
constexpr std::array kRanges = std::to_array<Range>({
    // IPv4
    { "0.0.0.0/8", Embedded::None, "this network (0.0.0.0 reaches this host)" },
    { "10.0.0.0/8", Embedded::None, "private network" },
    { "100.64.0.0/10", Embedded::None, "carrier-grade NAT" },
    { "127.0.0.0/8", Embedded::None, "loopback" },
    { "169.254.169.254/32", Embedded::None, "cloud metadata service" },
    { "169.254.0.0/16", Embedded::None, "link-local" },
    { "172.16.0.0/12", Embedded::None, "private network" },
    { "192.0.0.0/24", Embedded::None, "IETF protocol assignments" },
    { "192.0.2.0/24", Embedded::None, "documentation" },
    { "192.88.99.0/24", Embedded::None, "6to4 relay anycast" },
    { "192.168.0.0/16", Embedded::None, "private network" },
    { "198.18.0.0/15", Embedded::None, "benchmarking" },
    { "198.51.100.0/24", Embedded::None, "documentation" },
    { "203.0.113.0/24", Embedded::None, "documentation" },
    { "224.0.0.0/4", Embedded::None, "multicast" },
    { "255.255.255.255/32", Embedded::None, "broadcast" },
    { "240.0.0.0/4", Embedded::None, "reserved" },
    // IPv6
    { "::/128", Embedded::None, "unspecified" },
    { "::1/128", Embedded::None, "loopback" },
    { "::ffff:0:0/96", Embedded::Low32, "IPv4-mapped" },
    { "::/96", Embedded::Low32, "IPv4-compatible" },
    { "64:ff9b::/96", Embedded::Low32, "NAT64" },
    { "64:ff9b:1::/48", Embedded::None, "local-use NAT64" },
    { "100::/64", Embedded::None, "discard-only" },
    { "2001:db8::/32", Embedded::None, "documentation" },
    // Teredo, ORCHID, benchmarking: tunnels whose far end cannot be checked.
    { "2001::/23", Embedded::None, "IETF protocol assignments" },
    { "2002::/16", Embedded::SixToFour, "6to4" },
    { "3fff::/20", Embedded::None, "documentation" },
    { "fc00::/7", Embedded::None, "unique local (private network)" },
    { "fe80::/10", Embedded::None, "link-local" },
    { "fec0::/10", Embedded::None, "site-local" },
    { "ff00::/8", Embedded::None, "multicast" },
    // Outside 2000::/3 nothing is global unicast today.
    { "::/3", Embedded::None, "reserved" },
    { "4000::/2", Embedded::None, "reserved" },
    { "8000::/1", Embedded::None, "reserved" },
});

struct ParsedRange
{
    std::pair<QHostAddress, int> subnet;
    const Range *row;
};

const std::vector<ParsedRange> &parsedRanges()
{
    static const std::vector<ParsedRange> parsed = [] {
        std::vector<ParsedRange> ranges;
        for (const Range &row : kRanges)
            ranges.push_back({ QHostAddress::parseSubnet(QString::fromLatin1(row.cidr)), &row });
        return ranges;
    }();
    return parsed;
}

QHostAddress embeddedIpv4(const QHostAddress &address, Embedded embedded)
{
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    const int at = embedded == Embedded::SixToFour ? 2 : 12;
    return QHostAddress(quint32(bytes[at]) << 24 | quint32(bytes[at + 1]) << 16 | quint32(bytes[at + 2]) << 8
                        | quint32(bytes[at + 3]));
}

// An IPv4-mapped address is its IPv4 for the allow-list.
QHostAddress plain(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 0; i < 10; ++i) {
        if (bytes[i] != 0)
            return address;
    }
    if (bytes[10] != 0xff || bytes[11] != 0xff)
        return address;
    return embeddedIpv4(address, Embedded::Low32);
}

QString normalName(const QString &host)
{
    QString name = host.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    return name;
}

std::optional<int> readPort(QStringView text)
{
    bool ok = false;
    const uint port = text.toUInt(&ok, 10);
    if (!ok || port == 0 || port > 65535 || text.startsWith(u'+'))
        return std::nullopt;
    return int(port);
}

} // namespace

std::optional<QString> AddressPolicy::refusedRange(const QHostAddress &address)
{
    if (address.isNull())
        return QStringLiteral("not an address");
    for (const ParsedRange &range : parsedRanges()) {
        if (range.subnet.first.protocol() != address.protocol() || !address.isInSubnet(range.subnet))
            continue;
        const QString where
            = QStringLiteral("%1 (%2)").arg(QLatin1String(range.row->reason), QLatin1String(range.row->cidr));
        if (range.row->embedded == Embedded::None)
            return where;
        const std::optional<QString> inner = refusedRange(embeddedIpv4(address, range.row->embedded));
        if (!inner)
            return std::nullopt; // a public IPv4 in IPv6 dress
        return QStringLiteral("%1 of %2").arg(where, *inner);
    }
    return std::nullopt;
}

shared::Result<AddressPolicy> AddressPolicy::fromAllowList(const QStringList &entries)
{
    AddressPolicy policy;
    for (const QString &raw : entries) {
        const QString text = raw.trimmed();
        if (text.isEmpty())
            continue;
        const Error unreadable = Error::make(
            ErrorCode::ValidationFailed,
            QStringLiteral("Outbound allow-list entry \"%1\" is neither host:port nor an address or CIDR range.")
                .arg(text));
        Entry entry;
        entry.text = text;
        if (text.contains(u'/')) {
            entry.subnet = QHostAddress::parseSubnet(text);
            if (entry.subnet.first.isNull())
                return unreadable;
            policy.m_entries << entry;
            continue;
        }
        QString host = text;
        if (text.startsWith(u'[')) {
            const qsizetype close = text.indexOf(u']');
            if (close < 0)
                return unreadable;
            host = text.mid(1, close - 1);
            const QStringView rest = QStringView(text).mid(close + 1);
            if (!rest.isEmpty()) {
                const std::optional<int> port = rest.startsWith(u':') ? readPort(rest.mid(1)) : std::nullopt;
                if (!port)
                    return unreadable;
                entry.port = *port;
            }
        } else if (text.count(u':') == 1) {
            const qsizetype colon = text.indexOf(u':');
            host = text.left(colon);
            const std::optional<int> port = readPort(QStringView(text).mid(colon + 1));
            if (!port)
                return unreadable;
            entry.port = *port;
        }
        const QHostAddress address(host);
        if (!address.isNull()) {
            const QHostAddress address4 = plain(address);
            entry.subnet = { address4, address4.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128 };
        } else if (entry.port < 0 || host.isEmpty() || host.contains(u':')) {
            return unreadable; // a name needs its port: an allowed name is one service, not a machine
        } else {
            entry.name = normalName(host);
        }
        policy.m_entries << entry;
    }
    return policy;
}

std::optional<QString> AddressPolicy::matchingEntry(const QString &host, const QHostAddress &address,
                                                    quint16 port) const
{
    const QHostAddress address4 = plain(address);
    const QString name = normalName(host);
    for (const Entry &entry : m_entries) {
        if (entry.port >= 0 && entry.port != port)
            continue;
        const bool matches
            = entry.name.isEmpty() ? !address4.isNull() && address4.isInSubnet(entry.subnet) : entry.name == name;
        if (matches)
            return entry.text;
    }
    return std::nullopt;
}

AddressPolicy::Verdict AddressPolicy::check(const QString &host, const QHostAddress &address, quint16 port) const
{
    if (const std::optional<QString> entry = matchingEntry(host, address, port))
        return { true, QStringLiteral("allow-listed %1").arg(*entry) };
    if (const std::optional<QString> why = refusedRange(address))
        return { false, *why };
    return { true, QString() };
}

bool AddressPolicy::listed(const QString &host, const QHostAddress &address, quint16 port) const
{
    return matchingEntry(host, address, port).has_value();
}

bool AddressPolicy::listsHost(const QString &host, quint16 port) const
{
    return matchingEntry(host, QHostAddress(host), port).has_value();
}

} // namespace quire::server
