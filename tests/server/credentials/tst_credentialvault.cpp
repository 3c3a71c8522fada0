// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/credentials/credentialkeys.h"
#include "server/credentials/credentialvault.h"
#include "server/credentials/sealedvalue.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace quire::server;
using quire::shared::ErrorCode;
using quire::shared::Result;

namespace {

// Key lines with fixed bytes, so a failure reproduces.
QByteArray keyLine(const char *id, char fill)
{
    return QByteArray(id) + ':' + QByteArray(CredentialKey::kSize, fill).toBase64() + '\n';
}

CredentialVault vaultOf(const QByteArray &lines)
{
    Result<CredentialKeys> keys = CredentialKeys::parse(lines, QStringLiteral("test keys"));
    if (!keys)
        qFatal("test keys do not parse: %s", qPrintable(keys.error().message));
    return CredentialVault(std::move(*keys));
}

const AssociatedData kHere { QStringLiteral("platform_credentials"), QStringLiteral("0190a1b2-row-1"),
                             QStringLiteral("access_token") };

QByteArray binaryOfEveryByte()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

} // namespace

Q_DECLARE_METATYPE(AssociatedData)

// Platform credentials sealed with AES-256-GCM: they open only where they
// were sealed, with the key they name, unaltered; keys rotate without a
// secret ever becoming unreadable.
class TestCredentialVault : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("token") << QByteArray("mastodon-bearer-3f9a1c0e");
        QTest::newRow("every byte value") << binaryOfEveryByte();
        QTest::newRow("NUL bytes") << QByteArray(64, '\0');
        QTest::newRow("UTF-8") << QStringLiteral("pässwörd ✓ 密码").toUtf8();
        QTest::newRow("10 KB random") << [] {
            QByteArray bytes(10 * 1024, Qt::Uninitialized);
            QRandomGenerator generator(17);
            for (char &c : bytes)
                c = char(generator.bounded(256));
            return bytes;
        }();
        QTest::newRow("largest allowed") << QByteArray(SealedValue::kMaxPlaintext, 'z');
    }

    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        const CredentialVault vault = vaultOf(keyLine("k1", 'a'));
        Result<QString> sealed = vault.encrypt(plaintext, kHere);
        QVERIFY2(sealed, sealed ? "" : qPrintable(sealed.error().message));
        QVERIFY(sealed->startsWith(QLatin1StringView("v1:k1:")));
        // Text-safe: printable ASCII, no separator but the three colons.
        for (QChar c : *sealed)
            QVERIFY(c.unicode() > 0x20 && c.unicode() < 0x7f);
        QCOMPARE(sealed->count(u':'), 3);
        if (!plaintext.isEmpty())
            QVERIFY(!sealed->toLatin1().contains(plaintext.toBase64(QByteArray::Base64UrlEncoding)));
        Result<QByteArray> opened = vault.decrypt(*sealed, kHere);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QCOMPARE(*opened, plaintext);
        QVERIFY(vault.isSealedWithCurrentKey(*sealed));
    }

    void refusesOversizedPlaintext()
    {
        const CredentialVault vault = vaultOf(keyLine("k1", 'a'));
        Result<QString> sealed = vault.encrypt(QByteArray(SealedValue::kMaxPlaintext + 1, 'z'), kHere);
        QVERIFY(!sealed);
        QVERIFY(sealed.error().is(ErrorCode::PayloadTooLarge));
    }

    // The same secret sealed twice looks different, and over many sealings
    // no nonce comes back (under GCM a repeat would expose the key's
    // authentication and the two plaintexts' XOR).
    void nonceNeverRepeats()
    {
        const CredentialVault vault = vaultOf(keyLine("k1", 'a'));
        constexpr int kCount = 100'000;
        QSet<QByteArray> nonces;
        nonces.reserve(kCount);
        QSet<QString> sealedValues;
        for (int i = 0; i < kCount; ++i) {
            Result<QString> sealed = vault.encrypt("same secret every time", kHere);
            QVERIFY(sealed);
            Result<SealedValue> value = SealedValue::parse(*sealed);
            QVERIFY(value);
            QCOMPARE(value->nonce.size(), SealedValue::kNonceSize);
            nonces.insert(value->nonce);
            if (i < 1000)
                sealedValues.insert(*sealed);
        }
        QCOMPARE(nonces.size(), kCount);
        QCOMPARE(sealedValues.size(), 1000);
    }

    void movedValueFails_data()
    {
        QTest::addColumn<AssociatedData>("elsewhere");
        QTest::newRow("another row") << AssociatedData { kHere.table, QStringLiteral("0190a1b2-row-2"), kHere.column };
        QTest::newRow("another column") << AssociatedData { kHere.table, kHere.rowId, QStringLiteral("refresh_token") };
        QTest::newRow("another table") << AssociatedData { QStringLiteral("webhooks"), kHere.rowId, kHere.column };
        QTest::newRow("empty place") << AssociatedData {};
        // Length-prefixed parts: moving characters between them is another place.
        QTest::newRow("shifted boundary")
            << AssociatedData { kHere.table + QStringLiteral("0190a1b2"), QStringLiteral("-row-1"), kHere.column };
        QTest::newRow("case of the column")
            << AssociatedData { kHere.table, kHere.rowId, QStringLiteral("Access_token") };
    }

    void movedValueFails()
    {
        QFETCH(AssociatedData, elsewhere);
        const CredentialVault vault = vaultOf(keyLine("k1", 'a'));
        Result<QString> sealed = vault.encrypt("token of row 1", kHere);
        QVERIFY(sealed);
        Result<QByteArray> opened = vault.decrypt(*sealed, elsewhere);
        QVERIFY(!opened);
        QVERIFY(opened.error().is(ErrorCode::Corrupt));
        QVERIFY(opened.error().message.contains(QStringLiteral("does not open")));
        QVERIFY(!opened.error().message.contains(QStringLiteral("token of row 1")));
        // Still opens where it belongs.
        QVERIFY(vault.decrypt(*sealed, kHere));
    }

    // Every bit of the text, and every bit of the bytes it encodes.
    void flippedBitFails_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("token") << QByteArray("secret-token");
    }

    void flippedBitFails()
    {
        QFETCH(QByteArray, plaintext);
        const CredentialVault vault = vaultOf(keyLine("k1", 'a') + keyLine("k2", 'b'));
        Result<QString> sealed = vault.encrypt(plaintext, kHere);
        QVERIFY(sealed);
        const QByteArray text = sealed->toLatin1();
        int tried = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            for (int bit = 0; bit < 8; ++bit) {
                QByteArray changed = text;
                changed[i] = char(changed[i] ^ (1 << bit));
                Result<QByteArray> opened = vault.decrypt(QString::fromLatin1(changed), kHere);
                QVERIFY2(!opened,
                         qPrintable(QStringLiteral("opened with bit %1 of character %2 flipped: %3")
                                        .arg(bit)
                                        .arg(i)
                                        .arg(QString::fromLatin1(changed))));
                ++tried;
            }
        }
        Result<SealedValue> value = SealedValue::parse(*sealed);
        QVERIFY(value);
        for (QByteArray SealedValue::*field : { &SealedValue::nonce, &SealedValue::ciphertext }) {
            for (qsizetype i = 0; i < ((*value).*field).size(); ++i) {
                for (int bit = 0; bit < 8; ++bit) {
                    SealedValue changed = *value;
                    (changed.*field)[i] = char((changed.*field)[i] ^ (1 << bit));
                    QVERIFY(!vault.decrypt(changed.toString(), kHere));
                    ++tried;
                }
            }
        }
        QCOMPARE(tried, 8 * int(text.size() + value->nonce.size() + value->ciphertext.size()));
        QVERIFY(vault.decrypt(*sealed, kHere));
    }

    void truncatedOrExtendedFails()
    {
        const CredentialVault vault = vaultOf(keyLine("k1", 'a'));
        Result<QString> sealed = vault.encrypt("secret-token", kHere);
        QVERIFY(sealed);
        for (qsizetype length = 0; length < sealed->size(); ++length)
            QVERIFY(!vault.decrypt(QStringView(*sealed).first(length), kHere));
        QVERIFY(!vault.decrypt(*sealed + QStringLiteral("A"), kHere));
        QVERIFY(!vault.decrypt(*sealed + QStringLiteral(":"), kHere));
        QVERIFY(!vault.decrypt(QStringLiteral(" ") + *sealed, kHere));
    }

    void malformedValueSaysWhy_data()
    {
        QTest::addColumn<QString>("sealed");
        QTest::addColumn<QString>("reason");
        const QString nonce = QStringLiteral("AAAAAAAAAAAAAAAA");
        const QString tag = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("empty") << QString() << "empty";
        QTest::newRow("plain text") << QStringLiteral("hunter2") << "4 fields";
        QTest::newRow("version") << QStringLiteral("v2:k1:%1:%2").arg(nonce, tag) << "version";
        QTest::newRow("key id") << QStringLiteral("v1:k/1:%1:%2").arg(nonce, tag) << "key id";
        QTest::newRow("short nonce") << QStringLiteral("v1:k1:AAAA:%1").arg(tag) << "nonce";
        QTest::newRow("padded nonce") << QStringLiteral("v1:k1:%1==:%2").arg(nonce, tag) << "nonce";
        QTest::newRow("no tag") << QStringLiteral("v1:k1:%1:AAAA").arg(nonce) << "ciphertext";
        QTest::newRow("standard base64") << QStringLiteral("v1:k1:%1:%2+/").arg(nonce, tag) << "ciphertext";
        QTest::newRow("huge") << QStringLiteral("v1:k1:%1:%2").arg(nonce, QString(200'000, u'A')) << "long";
    }

    void malformedValueSaysWhy()
    {
        QFETCH(QString, sealed);
        QFETCH(QString, reason);
        const CredentialVault vault = vaultOf(keyLine("k1", 'a'));
        Result<QByteArray> opened = vault.decrypt(sealed, kHere);
        QVERIFY(!opened);
        QVERIFY(opened.error().is(ErrorCode::Corrupt));
        QVERIFY2(opened.error().message.contains(reason), qPrintable(opened.error().message));
        QVERIFY(!vault.isSealedWithCurrentKey(sealed));
    }

    void unknownKeyIdFailsClearly()
    {
        const CredentialVault sealer = vaultOf(keyLine("old-key", 'a'));
        const CredentialVault other = vaultOf(keyLine("new-key", 'b'));
        Result<QString> sealed = sealer.encrypt("secret-token", kHere);
        QVERIFY(sealed);
        Result<QByteArray> opened = other.decrypt(*sealed, kHere);
        QVERIFY(!opened);
        QVERIFY(opened.error().is(ErrorCode::CredentialsUnreadable));
        QVERIFY2(opened.error().message.contains(QStringLiteral("sealed with the key old-key, which is not among")),
                 qPrintable(opened.error().message));
        QVERIFY(!opened.error().message.contains(QString::fromLatin1(QByteArray(32, 'a').toBase64())));
    }

    // Same id, other bytes (a key file edited by hand): refused, not garbage.
    void wrongKeyUnderSameIdFails()
    {
        Result<QString> sealed = vaultOf(keyLine("k1", 'a')).encrypt("secret-token", kHere);
        QVERIFY(sealed);
        Result<QByteArray> opened = vaultOf(keyLine("k1", 'c')).decrypt(*sealed, kHere);
        QVERIFY(!opened);
        QVERIFY(opened.error().is(ErrorCode::Corrupt));
    }

    // A rotates to B: what A sealed still opens, re-encryption moves it to
    // B, and once A is gone every value still opens.
    void rotationKeepsEverySecretReadable()
    {
        const QByteArray keyA = keyLine("A", 'a');
        const QByteArray keyB = keyLine("B", 'b');
        const CredentialVault onlyA = vaultOf(keyA);
        QList<QPair<AssociatedData, QByteArray>> secrets;
        QStringList column;
        for (int row = 0; row < 20; ++row) {
            const AssociatedData where { kHere.table, QStringLiteral("row-%1").arg(row), kHere.column };
            const QByteArray secret = "secret of row " + QByteArray::number(row);
            secrets.append({ where, secret });
            Result<QString> sealed = onlyA.encrypt(secret, where);
            QVERIFY(sealed);
            column.append(*sealed);
        }

        // B becomes current; A stays for reading.
        const CredentialVault bThenA = vaultOf(keyB + keyA);
        QCOMPARE(bThenA.currentKeyId(), QStringLiteral("B"));
        for (qsizetype i = 0; i < column.size(); ++i) {
            QVERIFY(!bThenA.isSealedWithCurrentKey(column[i]));
            Result<QByteArray> opened = bThenA.decrypt(column[i], secrets[i].first);
            QVERIFY(opened);
            QCOMPARE(*opened, secrets[i].second);
        }
        // New values are sealed with B.
        Result<QString> fresh = bThenA.encrypt("new secret", kHere);
        QVERIFY(fresh && fresh->startsWith(QLatin1StringView("v1:B:")));

        // rotate-key: every value re-encrypted under B.
        for (qsizetype i = 0; i < column.size(); ++i) {
            Result<QString> resealed = bThenA.reencrypt(column[i], secrets[i].first);
            QVERIFY(resealed);
            QVERIFY(resealed->startsWith(QLatin1StringView("v1:B:")));
            QVERIFY(bThenA.isSealedWithCurrentKey(*resealed));
            column[i] = *resealed;
        }
        // A re-encrypted value is still bound to its place.
        QVERIFY(!bThenA.decrypt(column[0], secrets[1].first));

        // A removed: everything still opens; A alone opens nothing.
        const CredentialVault onlyB = vaultOf(keyB);
        for (qsizetype i = 0; i < column.size(); ++i) {
            Result<QByteArray> opened = onlyB.decrypt(column[i], secrets[i].first);
            QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
            QCOMPARE(*opened, secrets[i].second);
            QVERIFY(!onlyA.decrypt(column[i], secrets[i].first));
        }
    }

    void reencryptRefusesWhatDoesNotOpen()
    {
        const CredentialVault vault = vaultOf(keyLine("B", 'b') + keyLine("A", 'a'));
        Result<QString> sealed = vaultOf(keyLine("A", 'a')).encrypt("secret-token", kHere);
        QVERIFY(sealed);
        const AssociatedData elsewhere { kHere.table, QStringLiteral("other-row"), kHere.column };
        Result<QString> moved = vault.reencrypt(*sealed, elsewhere);
        QVERIFY(!moved);
        QVERIFY(moved.error().is(ErrorCode::Corrupt));
        Result<QString> unknown = vaultOf(keyLine("C", 'c')).reencrypt(*sealed, kHere);
        QVERIFY(!unknown);
        QVERIFY(unknown.error().is(ErrorCode::CredentialsUnreadable));
    }

    // A value sealed by another AES-256-GCM implementation (Python's
    // cryptography, nonce 00..0b, key 32 x 'a') with the documented
    // additional data: the format stored rows rely on cannot drift unnoticed.
    void opensKnownAnswer()
    {
        const QString sealed = QStringLiteral("v1:k1:AAECAwQFBgcICQoL:3HSLlz6vI_usvkpFBrwIfPEdU4v-fW7npLjegw");
        const CredentialVault vault = vaultOf(keyLine("k1", 'a'));
        Result<QByteArray> opened = vault.decrypt(sealed, kHere);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QCOMPARE(*opened, QByteArray("known answer"));
    }

    // The text form reads back to itself, so a stored value never changes shape.
    void sealedValueIsCanonical()
    {
        const CredentialVault vault = vaultOf(keyLine("k1", 'a'));
        for (int size : { 0, 1, 2, 3, 17, 100 }) {
            Result<QString> sealed = vault.encrypt(QByteArray(size, 's'), kHere);
            QVERIFY(sealed);
            Result<SealedValue> value = SealedValue::parse(*sealed);
            QVERIFY(value);
            QCOMPARE(value->keyId, QStringLiteral("k1"));
            QCOMPARE(value->ciphertext.size(), size + SealedValue::kTagSize);
            QCOMPARE(value->toString(), *sealed);
        }
    }
};

QTEST_GUILESS_MAIN(TestCredentialVault)
#include "tst_credentialvault.moc"
