// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/outbound/addresspolicy.h"
#include "server/outbound/outboundurl.h"

#include <QTest>

using namespace quire::server;

// The SSRF guard without the network: which URLs and addresses the server
// may contact, whatever notation the host is written in.
class TestAddressPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A URL whose host is an address (in any notation) goes through the
    // same path the client takes: parse, then check the address it names.
    void url_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("allowList");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason"); // part of the refusal's reason

        const QStringList none;
        const QStringList fake { QStringLiteral("127.0.0.1:8443") };
        auto row = [](const char *name, const char *url, const QStringList &allowList, bool allowed,
                      const char *reason = "") {
            QTest::newRow(name) << QString::fromLatin1(url) << allowList << allowed << QString::fromLatin1(reason);
        };
        row("loopback", "https://127.0.0.1/", none, false, "loopback");
        row("loopback elsewhere in 127/8", "https://127.10.20.30/", none, false, "loopback");
        row("ipv4-mapped loopback", "https://[::ffff:127.0.0.1]/", none, false, "IPv4-mapped");
        row("ipv4-mapped loopback, hex form", "https://[::ffff:7f00:1]/", none, false, "loopback");
        row("hex", "https://0x7f000001/", none, false, "loopback");
        row("decimal", "https://2130706433/", none, false, "loopback");
        row("octal", "https://0177.0.0.1/", none, false, "loopback");
        row("short form", "https://127.1/", none, false, "loopback");
        row("mixed hex short form", "https://0x7f.1/", none, false, "loopback");
        row("percent-encoded dots", "https://127%2e0.0.1/", none, false, "loopback");
        row("trailing dot", "https://127.0.0.1./", none, false, "loopback");
        row("metadata", "https://169.254.169.254/latest/meta-data/", none, false, "metadata");
        row("metadata, decimal", "https://2852039166/", none, false, "metadata");
        row("link-local", "https://169.254.1.1/", none, false, "link-local");
        row("private 10/8", "https://10.1.2.3/", none, false, "private");
        row("private 172.16/12", "https://172.31.255.255/", none, false, "private");
        row("private 192.168/16", "https://192.168.1.1/", none, false, "private");
        row("cgnat", "https://100.64.0.1/", none, false, "carrier-grade NAT");
        row("this network", "https://0.0.0.0/", none, false, "this network");
        row("zero, short", "https://0/", none, false, "this network");
        row("multicast", "https://224.0.0.1/", none, false, "multicast");
        row("broadcast", "https://255.255.255.255/", none, false, "broadcast");
        row("reserved", "https://240.0.0.1/", none, false, "reserved");
        row("documentation", "https://192.0.2.1/", none, false, "documentation");
        row("unique local", "https://[fd00::1]/", none, false, "unique local");
        row("link-local v6", "https://[fe80::1]/", none, false, "link-local");
        row("loopback v6", "https://[::1]/", none, false, "loopback");
        row("unspecified v6", "https://[::]/", none, false, "unspecified");
        row("ipv4-compatible loopback", "https://[::127.0.0.1]/", none, false, "IPv4-compatible");
        row("nat64 of loopback", "https://[64:ff9b::7f00:1]/", none, false, "NAT64");
        row("nat64 of metadata", "https://[64:ff9b::a9fe:a9fe]/", none, false, "metadata");
        row("6to4 of loopback", "https://[2002:7f00:1::1]/", none, false, "6to4");
        row("6to4 of private", "https://[2002:a00:1::1]/", none, false, "private");
        row("mapped metadata", "https://[::ffff:169.254.169.254]/", none, false, "metadata");
        row("teredo", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", none, false, "IETF");
        row("multicast v6", "https://[ff02::1]/", none, false, "multicast");
        row("site-local v6", "https://[fec0::1]/", none, false, "site-local");
        row("unreadable number", "https://999.1.1.1/", none, false);
        row("bad octal", "https://08.1.1.1/", none, false);
        row("five parts", "https://1.2.3.4.5/", none, false);
        row("short form out of range", "https://1.16777216/", none, false);

        row("public", "https://93.184.216.34/", none, true);
        row("public 172.32", "https://172.32.0.1/", none, true);
        row("public 100.128", "https://100.128.0.1/", none, true);
        row("public v6", "https://[2606:4700:4700::1111]/", none, true);
        row("mapped public", "https://[::ffff:8.8.8.8]/", none, true);
        row("nat64 of public", "https://[64:ff9b::808:808]/", none, true);
        row("6to4 of public", "https://[2002:808:808::1]/", none, true);
        row("public, decimal", "https://134744072/", none, true);
        row("a name (resolved later)", "https://example.com/", none, true);

        row("allow-listed port", "https://127.0.0.1:8443/", fake, true);
        row("allow-listed port, mapped", "https://[::ffff:127.0.0.1]:8443/", fake, true);
        row("allow-listed port, short form", "https://127.1:8443/", fake, true);
        row("another port", "https://127.0.0.1:8444/", fake, false, "loopback");
        row("default port", "https://127.0.0.1/", fake, false, "loopback");
        row("another loopback", "https://127.0.0.2:8443/", fake, false, "loopback");
        row("v6 loopback not named", "https://[::1]:8443/", fake, false, "loopback");
        row("allow-listed range", "https://10.1.2.3/", { QStringLiteral("10.0.0.0/8") }, true);
        row("outside the range", "https://192.168.1.1/", { QStringLiteral("10.0.0.0/8") }, false, "private");
        row("allow-listed v6", "https://[::1]:9000/", { QStringLiteral("[::1]:9000") }, true);

        row("http", "http://93.184.216.34/", none, false);
        row("http allow-listed", "http://127.0.0.1:8443/", fake, true);
        row("http, not that port", "http://127.0.0.1:8444/", fake, false);
        row("user info", "https://user:secret@93.184.216.34/", none, false);
        row("user only", "https://user@93.184.216.34/", none, false);
        row("ftp", "ftp://93.184.216.34/", none, false);
        row("file", "file:///etc/passwd", none, false);
        row("port 0", "https://93.184.216.34:0/", none, false);
        row("port too high", "https://93.184.216.34:65536/", none, false);
        row("no host", "https:///path", none, false);
        row("relative", "/just/a/path", none, false);
    }

    void url()
    {
        QFETCH(QString, url);
        QFETCH(QStringList, allowList);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);

        const auto policy = AddressPolicy::fromAllowList(allowList);
        QVERIFY2(policy.ok(), qPrintable(policy.ok() ? QString() : policy.error().message));
        const auto parsed = OutboundUrl::parse(url, *policy);
        if (!parsed) {
            QVERIFY2(!allowed, qPrintable(parsed.error().message));
            QVERIFY(!reason.isEmpty() || !parsed.error().message.isEmpty());
            return;
        }
        if (!parsed->literal()) {
            QVERIFY2(allowed, "a name is checked once resolved");
            return;
        }
        const AddressPolicy::Verdict verdict = policy->check(parsed->host(), *parsed->literal(), parsed->port());
        QVERIFY2(verdict.allowed == allowed, qPrintable(parsed->literal()->toString() + u' ' + verdict.reason));
        if (!reason.isEmpty())
            QVERIFY2(verdict.reason.contains(reason), qPrintable(verdict.reason));
    }

    // The notations inet_aton reads, read alike without QUrl's help.
    void numericHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("address"); // empty: not numeric; "-": numeric but refused
        QTest::newRow("dotted") << "127.0.0.1"
                                << "127.0.0.1";
        QTest::newRow("decimal") << "2130706433"
                                 << "127.0.0.1";
        QTest::newRow("hex") << "0x7f000001"
                             << "127.0.0.1";
        QTest::newRow("hex upper") << "0X7F000001"
                                   << "127.0.0.1";
        QTest::newRow("octal") << "0177.0.0.1"
                               << "127.0.0.1";
        QTest::newRow("short") << "127.1"
                               << "127.0.0.1";
        QTest::newRow("three parts") << "10.1.515"
                                     << "10.1.2.3";
        QTest::newRow("mixed") << "0x7f.0.0.01"
                               << "127.0.0.1";
        QTest::newRow("trailing dot") << "127.0.0.1."
                                      << "127.0.0.1";
        QTest::newRow("bare 0x") << "0x"
                                 << "0.0.0.0";
        QTest::newRow("name") << "example.com"
                              << "";
        QTest::newRow("name ending in hex-ish") << "example.0xg"
                                                << "";
        QTest::newRow("digit name") << "1example.com"
                                    << "";
        QTest::newRow("part over 255") << "256.0.0.1"
                                       << "-";
        QTest::newRow("last part too big") << "1.2.3.256"
                                           << "-";
        QTest::newRow("decimal over 32 bits") << "4294967296"
                                              << "-";
        QTest::newRow("bad octal digit") << "09.0.0.1"
                                         << "-";
        QTest::newRow("empty part") << "1..2.3"
                                    << "-";
        QTest::newRow("five parts") << "1.2.3.4.5"
                                    << "-";
        QTest::newRow("name then number") << "evil.127"
                                          << "-";
    }

    void numericHost()
    {
        QFETCH(QString, host);
        QFETCH(QString, address);
        const std::optional<QHostAddress> read = OutboundUrl::numericHost(host);
        if (address.isEmpty()) {
            QVERIFY2(!read, qPrintable(read ? read->toString() : QString()));
        } else if (address == u"-") {
            QVERIFY(read);
            QVERIFY2(read->isNull(), qPrintable(read->toString()));
        } else {
            QVERIFY(read);
            QCOMPARE(read->toString(), address);
        }
    }

    // A name entry lets that name through on its port, whatever it
    // resolves to, and nothing else.
    void nameEntry()
    {
        const auto policy = AddressPolicy::fromAllowList({ QStringLiteral("Fake.Test:8443") });
        QVERIFY(policy.ok());
        const QHostAddress loopback(QHostAddress::LocalHost);
        QVERIFY(policy->check(QStringLiteral("fake.test"), loopback, 8443).allowed);
        QVERIFY(policy->check(QStringLiteral("fake.test."), loopback, 8443).allowed);
        QVERIFY(!policy->check(QStringLiteral("fake.test"), loopback, 8444).allowed);
        QVERIFY(!policy->check(QStringLiteral("other.test"), loopback, 8443).allowed);
        QVERIFY(!policy->check(QStringLiteral("127.0.0.1"), loopback, 8443).allowed);
        QVERIFY(policy->listsHost(QStringLiteral("fake.test"), 8443));
        QVERIFY(!policy->listsHost(QStringLiteral("fake.test"), 443));
    }

    void badEntries_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::newRow("name without port") << "fake.test";
        QTest::newRow("port 0") << "127.0.0.1:0";
        QTest::newRow("port too high") << "127.0.0.1:70000";
        QTest::newRow("port not a number") << "127.0.0.1:https";
        QTest::newRow("bad cidr") << "10.0.0.0/33";
        QTest::newRow("cidr of a name") << "fake.test/8";
        QTest::newRow("unclosed bracket") << "[::1:8443";
        QTest::newRow("junk after bracket") << "[::1]8443";
    }

    void badEntries()
    {
        QFETCH(QString, entry);
        const auto policy = AddressPolicy::fromAllowList({ entry });
        QVERIFY(!policy.ok());
        QVERIFY2(policy.error().message.contains(entry), qPrintable(policy.error().message));
    }

    // The table alone: what the allow-list cannot change is how each
    // range reads.
    void refusedRange_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("refused");
        QTest::newRow("public") << "8.8.8.8" << false;
        QTest::newRow("loopback") << "127.0.0.1" << true;
        QTest::newRow("edge of private 172") << "172.15.255.255" << false;
        QTest::newRow("edge of cgnat") << "100.127.255.255" << true;
        QTest::newRow("just past cgnat") << "100.128.0.0" << false;
        QTest::newRow("global v6") << "2a00:1450:4001:80b::200e" << false;
        QTest::newRow("reserved v6") << "4000::1" << true;
        QTest::newRow("documentation v6") << "2001:db8::1" << true;
        QTest::newRow("null") << "" << true;
    }

    void refusedRange()
    {
        QFETCH(QString, address);
        QFETCH(bool, refused);
        QCOMPARE(AddressPolicy::refusedRange(QHostAddress(address)).has_value(), refused);
    }
};

QTEST_GUILESS_MAIN(TestAddressPolicy)
#include "tst_addresspolicy.moc"
