// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/tlscredentials.h"
#include "tests/support/testfiles.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::server;

// The server's certificate: generated once, loaded, and refused when wrong.
class TestTlsCredentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void generatesOnceAndReuses()
    {
        QTemporaryDir dir;
        const QStringList hosts { QStringLiteral("localhost"), QStringLiteral("127.0.0.1") };
        auto first = TlsCredentials::loadOrGenerate(dir.path(), hosts);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        auto second = TlsCredentials::loadOrGenerate(dir.path(), hosts);
        QVERIFY(second.ok());
        QCOMPARE(second->fingerprint(), first->fingerprint());
        QCOMPARE(first->fingerprint().size(), 95); // 32 bytes as XX: pairs

        const QSslCertificate &cert = first->certificate();
        QCOMPARE(cert.issuerDisplayName(), cert.subjectDisplayName()); // self-signed
        QVERIFY(cert.expiryDate() > QDateTime::currentDateTimeUtc().addDays(365));
        const auto sans = cert.subjectAlternativeNames();
        QVERIFY(sans.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(sans.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        // The key is readable by its owner only.
        const QFile::Permissions perms = QFile::permissions(dir.filePath(QStringLiteral("tls/key.pem")));
        QVERIFY(perms & QFile::ReadOwner);
        QVERIFY(!(perms & (QFile::ReadGroup | QFile::ReadOther)));
        QCOMPARE(first->serverConfiguration().protocol(), QSsl::TlsV1_2OrLater);
    }

    void refusesMismatchedKey()
    {
        QTemporaryDir dir;
        const QString c1 = dir.filePath(QStringLiteral("c1.pem")), k1 = dir.filePath(QStringLiteral("k1.pem"));
        const QString c2 = dir.filePath(QStringLiteral("c2.pem")), k2 = dir.filePath(QStringLiteral("k2.pem"));
        QVERIFY(TlsCredentials::generate(c1, k1, { QStringLiteral("localhost") }).ok());
        QVERIFY(TlsCredentials::generate(c2, k2, { QStringLiteral("localhost") }).ok());
        QVERIFY(TlsCredentials::load(c1, k1).ok());
        auto mixed = TlsCredentials::load(c1, k2);
        QVERIFY(!mixed.ok());
        QVERIFY(mixed.error().message.contains(QStringLiteral("does not belong")));
    }

    void refusesUnreadableOrJunk()
    {
        QTemporaryDir dir;
        auto missing
            = TlsCredentials::load(dir.filePath(QStringLiteral("no.pem")), dir.filePath(QStringLiteral("no-key.pem")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("cannot read TLS certificate")));
        const QString junk = dir.filePath(QStringLiteral("junk.pem"));
        QVERIFY(quire::test::writeFile(junk, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"));
        auto bad = TlsCredentials::load(junk, junk);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("no PEM certificate")));
    }

    void refusesHalfAPair()
    {
        QTemporaryDir dir;
        QVERIFY(TlsCredentials::loadOrGenerate(dir.path(), { QStringLiteral("localhost") }).ok());
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("tls/key.pem"))));
        auto half = TlsCredentials::loadOrGenerate(dir.path(), { QStringLiteral("localhost") });
        QVERIFY(!half.ok());
        QVERIFY(half.error().message.contains(QStringLiteral("only one of")));
        // The certificate that is left was not overwritten.
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("tls/cert.pem"))));
    }
};

QTEST_GUILESS_MAIN(TestTlsCredentials)
#include "tst_tlscredentials.moc"
