// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/credentials/credentialkeys.h"
#include "server/credentials/credentialvault.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace quire::server;
using quire::shared::ErrorCode;
using quire::shared::Result;

namespace {

const QByteArray kKeyA = QByteArray(CredentialKey::kSize, 'a').toBase64();
const QByteArray kKeyB = QByteArray(CredentialKey::kSize, 'b').toBase64();

bool writeFile(const QString &path, const QByteArray &content, mode_t mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

mode_t modeOf(const QString &path)
{
    struct stat info = {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info.st_mode & 07777;
}

// Sets QUIRE_CREDENTIAL_KEYS for one test and restores it after.
class EnvironmentKeys
{
public:
    explicit EnvironmentKeys(const QByteArray &value)
        : m_old(qgetenv(CredentialKeys::kEnvironmentVariable))
        , m_had(qEnvironmentVariableIsSet(CredentialKeys::kEnvironmentVariable))
    {
        if (value.isNull())
            qunsetenv(CredentialKeys::kEnvironmentVariable);
        else
            qputenv(CredentialKeys::kEnvironmentVariable, value);
    }
    ~EnvironmentKeys()
    {
        if (m_had)
            qputenv(CredentialKeys::kEnvironmentVariable, m_old);
        else
            qunsetenv(CredentialKeys::kEnvironmentVariable);
    }

private:
    QByteArray m_old;
    bool m_had;
};

} // namespace

// The master keys: read from a private key file or the environment, every
// malformed line refused by number, and new keys made for rotation.
class TestCredentialKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesKeyLines()
    {
        const QByteArray text = "# Quire credential keys\n\n  new : " + kKeyB + "  \r\nold:" + kKeyA + "\n# retired\n";
        Result<CredentialKeys> keys = CredentialKeys::parse(text, QStringLiteral("keys"));
        QVERIFY2(keys, keys ? "" : qPrintable(keys.error().message));
        QCOMPARE(keys->keys().size(), size_t(2));
        QCOMPARE(keys->current().id(), QStringLiteral("new"));
        QVERIFY(keys->find(QStringLiteral("old")));
        QVERIFY(!keys->find(QStringLiteral("gone")));
        QVERIFY(std::equal(keys->current().bytes(), keys->current().bytes() + CredentialKey::kSize,
                           QByteArray(CredentialKey::kSize, 'b').constData(),
                           [](unsigned char a, char b) { return a == static_cast<unsigned char>(b); }));
    }

    void refusesMalformedLinesByNumber_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        const QByteArray good = "k1:" + kKeyA + "\n";
        QTest::newRow("empty") << QByteArray() << "keys holds no credential key";
        QTest::newRow("only comments") << QByteArray("# nothing\n\n") << "keys holds no credential key";
        QTest::newRow("no colon") << good + "k2 " + kKeyB + "\n"
                                  << "keys line 2: expected <key id>:<base64 key>";
        QTest::newRow("empty id") << good + "\n:" + kKeyB << "keys line 3: the key id must be";
        QTest::newRow("id with space") << "k 1:" + kKeyA << "keys line 1: the key id must be";
        QTest::newRow("id too long") << QByteArray(65, 'k') + ':' + kKeyA << "keys line 1: the key id must be";
        QTest::newRow("duplicate id") << good + "# c\nk1:" + kKeyB
                                      << "keys line 3: the key id k1 is already used on line 1";
        QTest::newRow("short key") << good + "k2:" + QByteArray(31, 'b').toBase64()
                                   << "keys line 2: the key of k2 is not base64 of exactly 32 bytes";
        QTest::newRow("long key") << "k2:" + QByteArray(33, 'b').toBase64()
                                  << "keys line 1: the key of k2 is not base64 of exactly 32 bytes";
        QTest::newRow("not base64") << good + "k3:!!!!" + kKeyB.mid(4) << "keys line 2: the key of k3 is not base64";
        QTest::newRow("empty key") << good + "k2:"
                                   << "keys line 2: the key of k2 is not base64";
        QTest::newRow("hex key") << "k2:" + QByteArray(32, 'b').toHex() << "keys line 1: the key of k2 is not base64";
    }

    void refusesMalformedLinesByNumber()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        Result<CredentialKeys> keys = CredentialKeys::parse(text, QStringLiteral("keys"));
        QVERIFY(!keys);
        QVERIFY(keys.error().is(ErrorCode::CredentialsUnreadable));
        QVERIFY2(keys.error().message.startsWith(message), qPrintable(keys.error().message));
        // A message names the line, never a key.
        QVERIFY(!keys.error().message.contains(QString::fromLatin1(kKeyA)));
        QVERIFY(!keys.error().message.contains(QString::fromLatin1(kKeyB.mid(4, 20))));
    }

    void keyFileByPermissions_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("0600") << 0600 << true;
        QTest::newRow("0400") << 0400 << true;
        QTest::newRow("0700") << 0700 << true;
        QTest::newRow("0640 group reads") << 0640 << false;
        QTest::newRow("0620 group writes") << 0620 << false;
        QTest::newRow("0604 others read") << 0604 << false;
        QTest::newRow("0602 others write") << 0602 << false;
        QTest::newRow("0644") << 0644 << false;
        QTest::newRow("0666") << 0666 << false;
    }

    void keyFileByPermissions()
    {
        QFETCH(int, mode);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credential-keys"));
        QVERIFY(writeFile(path, "k1:" + kKeyA + "\n", mode_t(mode)));
        Result<CredentialKeys> keys = CredentialKeys::fromFile(path);
        QCOMPARE(keys.ok(), accepted);
        if (accepted) {
            QCOMPARE(keys->current().id(), QStringLiteral("k1"));
            return;
        }
        QVERIFY(keys.error().is(ErrorCode::CredentialsUnreadable));
        const QString expected = QStringLiteral("permissions %1 for the credential key file %2 are too open")
                                     .arg(QString::number(mode, 8).rightJustified(4, u'0'), path);
        QVERIFY2(keys.error().message.startsWith(expected), qPrintable(keys.error().message));
        QVERIFY(keys.error().message.contains(QStringLiteral("chmod 600")));
    }

    void keyFileErrorsNameTheFile()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("missing"));
        Result<CredentialKeys> none = CredentialKeys::fromFile(missing);
        QVERIFY(!none);
        QVERIFY(none.error().message.startsWith(QStringLiteral("cannot read the credential key file ") + missing));

        QVERIFY(!CredentialKeys::fromFile(dir.path())); // a directory

        const QString bad = dir.filePath(QStringLiteral("bad"));
        QVERIFY(writeFile(bad, "k1:" + kKeyA + "\nk2:short\n", 0600));
        Result<CredentialKeys> malformed = CredentialKeys::fromFile(bad);
        QVERIFY(!malformed);
        QVERIFY2(malformed.error().message.startsWith(bad + QStringLiteral(" line 2: the key of k2")),
                 qPrintable(malformed.error().message));
    }

    void fromEnvironment_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("current");
        QTest::addColumn<int>("count");
        QTest::newRow("one") << "k1:" + kKeyA << "k1" << 1;
        QTest::newRow("lines") << "k2:" + kKeyB + "\nk1:" + kKeyA + "\n"
                               << "k2" << 2;
        QTest::newRow("commas") << "k2:" + kKeyB + ",k1:" + kKeyA << "k2" << 2;
    }

    void fromEnvironment()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, current);
        QFETCH(int, count);
        const EnvironmentKeys environment(value);
        Result<CredentialKeys> keys = CredentialKeys::fromEnvironment();
        QVERIFY2(keys, keys ? "" : qPrintable(keys.error().message));
        QCOMPARE(keys->current().id(), current);
        QCOMPARE(int(keys->keys().size()), count);
        // load() without a file reads the environment.
        Result<CredentialKeys> loaded = CredentialKeys::load(QString());
        QVERIFY(loaded);
        QCOMPARE(loaded->current().id(), current);
    }

    void environmentErrors()
    {
        {
            const EnvironmentKeys environment("k1:" + kKeyA + ",k1:" + kKeyB);
            Result<CredentialKeys> keys = CredentialKeys::fromEnvironment();
            QVERIFY(!keys);
            QVERIFY2(keys.error().message.startsWith(QStringLiteral("QUIRE_CREDENTIAL_KEYS line 2: the key id k1")),
                     qPrintable(keys.error().message));
        }
        {
            const EnvironmentKeys environment { QByteArray() };
            Result<CredentialKeys> keys = CredentialKeys::load(QString());
            QVERIFY(!keys);
            QCOMPARE(keys.error().message,
                     QStringLiteral("no credential keys: name a key file or set QUIRE_CREDENTIAL_KEYS"));
        }
    }

    // A named file wins over the environment.
    void fileBeforeEnvironment()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys"));
        QVERIFY(writeFile(path, "from-file:" + kKeyA, 0600));
        const EnvironmentKeys environment("from-env:" + kKeyB);
        Result<CredentialKeys> keys = CredentialKeys::load(path);
        QVERIFY(keys);
        QCOMPARE(keys->current().id(), QStringLiteral("from-file"));
    }

    void newKeyLinesAreFreshKeys()
    {
        const QString id = CredentialKeys::newKeyId();
        QVERIFY2(QRegularExpression(QStringLiteral("^k\\d{8}-[0-9a-f]{6}$")).match(id).hasMatch(), qPrintable(id));
        QVERIFY(CredentialKeys::newKeyId() != id);
        Result<QByteArray> first = CredentialKeys::newKeyLine(QStringLiteral("one"));
        Result<QByteArray> second = CredentialKeys::newKeyLine(QStringLiteral("two"));
        QVERIFY(first && second);
        QVERIFY(first->startsWith("one:") && first->endsWith('\n'));
        QCOMPARE(first->size(), 4 + 44 + 1);
        QVERIFY(first->mid(4) != second->mid(4));
        Result<CredentialKeys> keys = CredentialKeys::parse(*first + *second, QStringLiteral("new"));
        QVERIFY2(keys, keys ? "" : qPrintable(keys.error().message));
        QCOMPARE(keys->current().id(), QStringLiteral("one"));

        Result<QByteArray> badId = CredentialKeys::newKeyLine(QStringLiteral("no:colons"));
        QVERIFY(!badId);
        QVERIFY(badId.error().message.startsWith(QStringLiteral("a key id must be")));
    }

    void createsPrivateKeyFileOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credential-keys"));
        Result<QString> id = CredentialKeys::createKeyFile(path);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        QCOMPARE(modeOf(path), mode_t(0600));
        Result<CredentialKeys> keys = CredentialKeys::fromFile(path);
        QVERIFY2(keys, keys ? "" : qPrintable(keys.error().message));
        QCOMPARE(keys->current().id(), *id);
        QCOMPARE(keys->keys().size(), size_t(1));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        Result<QString> again = CredentialKeys::createKeyFile(path);
        QVERIFY(!again);
        QVERIFY(again.error().is(ErrorCode::Exists));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    // The rotation's first step: a fresh key first, the old ones kept, and
    // what the old key sealed still opens with the file's keys.
    void addCurrentKeyKeepsOldKeys()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credential-keys"));
        Result<QString> first = CredentialKeys::createKeyFile(path);
        QVERIFY(first);
        Result<CredentialKeys> before = CredentialKeys::fromFile(path);
        QVERIFY(before);
        const AssociatedData where { QStringLiteral("platform_credentials"), QStringLiteral("r1"),
                                     QStringLiteral("secret") };
        Result<QString> sealed = CredentialVault(*before).encrypt("old secret", where);
        QVERIFY(sealed);

        Result<QString> second = CredentialKeys::addCurrentKey(path);
        QVERIFY2(second, second ? "" : qPrintable(second.error().message));
        QVERIFY(*second != *first);
        QCOMPARE(modeOf(path), mode_t(0600));
        Result<CredentialKeys> after = CredentialKeys::fromFile(path);
        QVERIFY2(after, after ? "" : qPrintable(after.error().message));
        QCOMPARE(after->keys().size(), size_t(2));
        QCOMPARE(after->current().id(), *second);
        QVERIFY(after->find(*first));

        const CredentialVault vault(*after);
        Result<QByteArray> opened = vault.decrypt(*sealed, where);
        QVERIFY(opened);
        QCOMPARE(*opened, QByteArray("old secret"));
        Result<QString> resealed = vault.reencrypt(*sealed, where);
        QVERIFY(resealed && resealed->startsWith(QStringLiteral("v1:") + *second + u':'));
    }

    void addCurrentKeyRefusesAnOpenFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credential-keys"));
        QVERIFY(writeFile(path, "k1:" + kKeyA + "\n", 0644));
        Result<QString> added = CredentialKeys::addCurrentKey(path);
        QVERIFY(!added);
        QVERIFY(added.error().message.contains(QStringLiteral("too open")));
        QCOMPARE(modeOf(path), mode_t(0644)); // left as it was
    }
};

QTEST_GUILESS_MAIN(TestCredentialKeys)
#include "tst_credentialkeys.moc"
