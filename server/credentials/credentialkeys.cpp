// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/credentials/credentialkeys.h"

#include "server/credentials/sealedvalue.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>

namespace quire::server {

using shared::Error;
using shared::ErrorCode;
using shared::Result;

namespace {

Error keyError(const QString &message)
{
    return Error::make(ErrorCode::CredentialsUnreadable, message);
}

// Overwrites a buffer that held key material. The buffer must not be shared
// (data() would detach and wipe a copy): every caller owns a fresh one.
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

struct Wiped
{
    QByteArray bytes;
    ~Wiped() { wipe(bytes); }
};

QByteArrayView trimmed(QByteArrayView line)
{
    while (!line.isEmpty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r'))
        line = line.sliced(1);
    while (!line.isEmpty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.chop(1);
    return line;
}

// Reads the file through one descriptor, so the permissions checked are
// those of the file read.
Result<QByteArray> readPrivateFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return keyError(QStringLiteral("cannot read the credential key file %1: %2").arg(path, file.errorString()));
    struct stat info = {};
    if (::fstat(file.handle(), &info) != 0)
        return keyError(QStringLiteral("cannot inspect the credential key file %1").arg(path));
    if (!S_ISREG(info.st_mode))
        return keyError(QStringLiteral("the credential key file %1 is not a regular file").arg(path));
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return keyError(QStringLiteral("permissions %1 for the credential key file %2 are too open: it must not be "
                                       "accessible by group or others (chmod 600 %2)")
                            .arg(QString::number(info.st_mode & 07777, 8).rightJustified(4, u'0'), path));
    }
    return file.readAll();
}

Result<QString> writePrivateFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return keyError(QStringLiteral("cannot write the credential key file %1: %2").arg(path, file.errorString()));
    // Before the first byte, so the keys are never readable by others.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return keyError(QStringLiteral("cannot make the credential key file %1 private").arg(path));
    }
    file.write(content);
    if (!file.commit())
        return keyError(QStringLiteral("cannot write the credential key file %1: %2").arg(path, file.errorString()));
    return path;
}

} // namespace

CredentialKey::CredentialKey(QString id, const Bytes &bytes)
    : m_id(std::move(id))
    , m_bytes(bytes)
{ }

CredentialKey::~CredentialKey()
{
    OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
}

const CredentialKey *CredentialKeys::find(QStringView id) const
{
    for (const CredentialKey &key : m_keys) {
        if (key.id() == id)
            return &key;
    }
    return nullptr;
}

Result<CredentialKeys> CredentialKeys::parse(QByteArrayView text, const QString &source)
{
    CredentialKeys keys;
    QHash<QString, int> lineOfId;
    int lineNumber = 0;
    while (!text.isEmpty()) {
        const qsizetype end = text.indexOf('\n');
        const QByteArrayView raw = end < 0 ? text : text.first(end);
        text = end < 0 ? QByteArrayView() : text.sliced(end + 1);
        ++lineNumber;
        const QByteArrayView line = trimmed(raw);
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        // Messages name the line, never its content: it may hold a key.
        const auto bad = [&](const QString &why) {
            return keyError(QStringLiteral("%1 line %2: %3").arg(source).arg(lineNumber).arg(why));
        };
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            return bad(QStringLiteral("expected <key id>:<base64 key>"));
        const QString id = QString::fromUtf8(trimmed(line.first(colon)));
        if (!SealedValue::isValidKeyId(id)) {
            return bad(QStringLiteral("the key id must be 1 to %1 letters, digits, '-', '_' or '.'")
                           .arg(SealedValue::kMaxKeyIdLength));
        }
        if (const auto seen = lineOfId.constFind(id); seen != lineOfId.cend())
            return bad(QStringLiteral("the key id %1 is already used on line %2").arg(id).arg(*seen));
        Wiped encoded { trimmed(line.sliced(colon + 1)).toByteArray() };
        QByteArray::FromBase64Result decoded
            = QByteArray::fromBase64Encoding(encoded.bytes, QByteArray::AbortOnBase64DecodingErrors);
        Wiped material { std::move(decoded.decoded) };
        if (!decoded || material.bytes.size() != CredentialKey::kSize) {
            return bad(QStringLiteral("the key of %1 is not base64 of exactly %2 bytes (make one with "
                                      "new-credential-key)")
                           .arg(id)
                           .arg(CredentialKey::kSize));
        }
        CredentialKey::Bytes bytes;
        std::copy(material.bytes.cbegin(), material.bytes.cend(), bytes.begin());
        keys.m_keys.emplace_back(id, bytes);
        OPENSSL_cleanse(bytes.data(), bytes.size());
        lineOfId.insert(id, lineNumber);
    }
    if (keys.m_keys.empty())
        return keyError(QStringLiteral("%1 holds no credential key").arg(source));
    return keys;
}

Result<CredentialKeys> CredentialKeys::fromFile(const QString &path)
{
    Result<QByteArray> content = readPrivateFile(path);
    if (!content)
        return content.error();
    Wiped text { std::move(*content) };
    return parse(text.bytes, path);
}

Result<CredentialKeys> CredentialKeys::fromEnvironment()
{
    Wiped text { qgetenv(kEnvironmentVariable) };
    if (text.bytes.isEmpty())
        return keyError(QStringLiteral("%1 is not set").arg(QLatin1StringView(kEnvironmentVariable)));
    text.bytes.replace(',', '\n');
    return parse(text.bytes, QLatin1StringView(kEnvironmentVariable));
}

Result<CredentialKeys> CredentialKeys::load(const QString &keyFile)
{
    if (!keyFile.isEmpty())
        return fromFile(keyFile);
    if (qEnvironmentVariableIsEmpty(kEnvironmentVariable)) {
        return keyError(QStringLiteral("no credential keys: name a key file or set %1")
                            .arg(QLatin1StringView(kEnvironmentVariable)));
    }
    return fromEnvironment();
}

QString CredentialKeys::newKeyId()
{
    unsigned char suffix[3];
    RAND_bytes(suffix, sizeof suffix);
    return QStringLiteral("k%1-%2").arg(
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd")),
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(suffix), sizeof suffix).toHex()));
}

Result<QByteArray> CredentialKeys::newKeyLine(const QString &id)
{
    if (!SealedValue::isValidKeyId(id)) {
        return keyError(QStringLiteral("a key id must be 1 to %1 letters, digits, '-', '_' or '.'")
                            .arg(SealedValue::kMaxKeyIdLength));
    }
    CredentialKey::Bytes bytes;
    if (RAND_bytes(bytes.data(), int(bytes.size())) != 1)
        return keyError(QStringLiteral("the system's random generator failed; no key was made"));
    Wiped raw { QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())) };
    OPENSSL_cleanse(bytes.data(), bytes.size());
    Wiped encoded { raw.bytes.toBase64() };
    // Reserved once, so no reallocation leaves a copy of the key behind.
    const QByteArray ascii = id.toLatin1();
    QByteArray line;
    line.reserve(ascii.size() + 1 + encoded.bytes.size() + 1);
    line.append(ascii).append(':').append(encoded.bytes).append('\n');
    return line;
}

Result<QString> CredentialKeys::createKeyFile(const QString &path)
{
    if (QFileInfo::exists(path))
        return Error::make(ErrorCode::Exists, QStringLiteral("%1 exists already; it was left alone").arg(path));
    const QString id = newKeyId();
    Result<QByteArray> line = newKeyLine(id);
    if (!line)
        return line.error();
    Wiped content { QByteArrayLiteral("# Quire's credential keys, one <id>:<base64 key> a line; the first "
                                      "seals, the others open older values.\n")
                    + *line };
    wipe(*line);
    if (Result<QString> written = writePrivateFile(path, content.bytes); !written)
        return written.error();
    return id;
}

Result<QString> CredentialKeys::addCurrentKey(const QString &path)
{
    Result<QByteArray> old = readPrivateFile(path);
    if (!old)
        return old.error();
    Wiped oldText { std::move(*old) };
    Result<CredentialKeys> existing = parse(oldText.bytes, path);
    if (!existing)
        return existing.error();
    QString id = newKeyId();
    while (existing->find(id))
        id = newKeyId();
    Result<QByteArray> line = newKeyLine(id);
    if (!line)
        return line.error();
    Wiped content { *line + oldText.bytes };
    wipe(*line);
    if (Result<QString> written = writePrivateFile(path, content.bytes); !written)
        return written.error();
    return id;
}

} // namespace quire::server
