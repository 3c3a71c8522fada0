// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the SSRF guard's reading of outgoing URLs and addresses
// (server/outbound): no crash on any bytes; a URL it accepts with an
// address for a host is allowed only when that address is nowhere inside
// (checked against Qt's own classification and a plain list of the IPv4
// ranges, embedded IPv4 included); a host inet_aton reads as a number is
// read as the same address; and raw 4- or 16-byte addresses the table lets
// through pass the same outside check.
#include "server/outbound/addresspolicy.h"
#include "server/outbound/outboundurl.h"

#include <QHostAddress>
#include <QString>

#include <arpa/inet.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

using quire::server::AddressPolicy;
using quire::server::OutboundUrl;

[[noreturn]] void fail(const char *what, const QString &input, const QHostAddress &address = {})
{
    std::fprintf(stderr, "fuzz_outboundurl: %s\n--- input ---\n%s\n--- address ---\n%s\n", what,
                 input.toUtf8().constData(), address.toString().toUtf8().constData());
    std::abort();
}

bool insideIpv4(quint32 a)
{
    const auto in = [a](quint32 network, int bits) { return (a >> (32 - bits)) == (network >> (32 - bits)); };
    return in(0x00000000, 8) || in(0x0a000000, 8) || in(0x7f000000, 8) || in(0xa9fe0000, 16) || in(0xac100000, 12)
        || in(0xc0a80000, 16) || in(0x64400000, 10) || in(0xe0000000, 4) || in(0xf0000000, 4);
}

// Independent of the table: Qt's classification, the IPv4 ranges by hand,
// and the IPv4 inside mapped, compatible, NAT64 and 6to4 forms.
bool inside(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return insideIpv4(address.toIPv4Address());
    if (address.isLoopback() || address.isLinkLocal() || address.isSiteLocal() || address.isUniqueLocalUnicast()
        || address.isMulticast() || !address.isGlobal())
        return true;
    const Q_IPV6ADDR b = address.toIPv6Address();
    const auto v4 = [&b](int at) {
        return quint32(b[at]) << 24 | quint32(b[at + 1]) << 16 | quint32(b[at + 2]) << 8 | quint32(b[at + 3]);
    };
    bool zero80 = true;
    for (int i = 0; i < 10; ++i)
        zero80 = zero80 && b[i] == 0;
    const bool mapped = zero80 && b[10] == 0xff && b[11] == 0xff;
    const bool compatible = zero80 && b[10] == 0 && b[11] == 0;
    const bool nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b;
    if ((mapped || compatible || nat64) && insideIpv4(v4(12)))
        return true;
    return b[0] == 0x20 && b[1] == 0x02 && insideIpv4(v4(2));
}

void checkUrl(const QString &text)
{
    static const AddressPolicy policy;
    const auto url = OutboundUrl::parse(text, policy);
    if (!url)
        return;
    if (!url->secure())
        fail("plain http accepted without an allow-list", text);
    if (url->host().isEmpty() || url->port() == 0)
        fail("a URL without host or port accepted", text);
    if (!url->literal())
        return; // a name: the client checks what it resolves to
    const QHostAddress &address = *url->literal();
    if (policy.check(url->host(), address, url->port()).allowed && inside(address))
        fail("an inside address allowed", text, address);
    // Pinning keeps the address: the URL dialled names the same one.
    if (QHostAddress(url->pinnedTo(address).host()) != address)
        fail("the pinned URL names another address", text, address);
}

void checkNumeric(const QString &text, const std::string &bytes)
{
    const std::optional<QHostAddress> read = OutboundUrl::numericHost(text);
    // Only the characters a number may have: inet_aton would also take
    // trailing junk after a space, which a URL's host cannot hold.
    if (bytes.empty() || bytes.find_first_not_of("0123456789abcdefABCDEFxX.") != std::string::npos)
        return;
    in_addr os {};
    if (inet_aton(bytes.c_str(), &os) == 0)
        return;
    const QHostAddress expected(quint32(ntohl(os.s_addr)));
    if (!read || read->isNull() || *read != expected)
        fail("a number inet_aton reads is read differently", text, expected);
}

void checkRaw(const std::uint8_t *bytes, std::size_t size)
{
    QHostAddress address;
    if (size >= 16) {
        Q_IPV6ADDR raw;
        std::memcpy(raw.c, bytes, 16);
        address = QHostAddress(raw);
    } else if (size >= 4) {
        address = QHostAddress(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 | quint32(bytes[2]) << 8 | bytes[3]);
    } else {
        return;
    }
    if (!AddressPolicy::refusedRange(address) && inside(address))
        fail("the table lets an inside address through", address.toString(), address);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    const std::string data(reinterpret_cast<const char *>(bytes), size);
    const QString text = QString::fromUtf8(data.data(), qsizetype(data.size()));
    checkUrl(text);
    checkUrl(QStringLiteral("https://") + text + u'/');
    checkNumeric(text, data);
    checkRaw(bytes, size);
    return 0;
}
