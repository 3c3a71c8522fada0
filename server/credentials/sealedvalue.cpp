// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/credentials/sealedvalue.h"

#include <QList>

#include <optional>

namespace quire::server {

using shared::Error;
using shared::ErrorCode;
using shared::Result;

namespace {

constexpr QLatin1StringView kVersion("v1");
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// Never quotes the value: a sealed value is not secret, but the message
// may end up beside other things in a log, and its shape is all that matters.
Error malformed(const QString &why)
{
    return Error::make(ErrorCode::Corrupt, QStringLiteral("sealed credential is malformed: %1").arg(why));
}

bool isBase64Url(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'
            || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

// Strict: only the alphabet, no padding, and the one encoding of the bytes
// (the unused low bits of the last character are zero).
std::optional<QByteArray> decodeBase64Url(QStringView text)
{
    if (!isBase64Url(text))
        return std::nullopt;
    const QByteArray ascii = text.toLatin1();
    QByteArray::FromBase64Result decoded
        = QByteArray::fromBase64Encoding(ascii, kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(kBase64) != ascii)
        return std::nullopt;
    return std::move(decoded.decoded);
}

// The longest text a value of kMaxPlaintext bytes is written as.
constexpr qsizetype maxTextLength()
{
    const qsizetype sealedBytes = SealedValue::kMaxPlaintext + SealedValue::kTagSize;
    return 2 + 1 + SealedValue::kMaxKeyIdLength + 1 + 16 + 1 + (sealedBytes * 4 + 2) / 3;
}

} // namespace

bool SealedValue::isValidKeyId(QStringView id)
{
    if (id.isEmpty() || id.size() > kMaxKeyIdLength)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'
            || u == u'_' || u == u'.';
        if (!ok)
            return false;
    }
    return true;
}

Result<SealedValue> SealedValue::parse(QStringView text)
{
    if (text.isEmpty())
        return malformed(QStringLiteral("it is empty"));
    if (text.size() > maxTextLength())
        return malformed(QStringLiteral("it is %1 characters long, more than any credential").arg(text.size()));
    const QList<QStringView> parts = text.split(u':');
    if (parts.size() != 4)
        return malformed(QStringLiteral("expected 4 fields separated by ':', found %1").arg(parts.size()));
    if (parts[0] != kVersion)
        return malformed(QStringLiteral("unknown format version (this server reads %1)").arg(kVersion));
    if (!isValidKeyId(parts[1]))
        return malformed(
            QStringLiteral("the key id is not 1 to %1 letters, digits, '-', '_' or '.'").arg(kMaxKeyIdLength));
    SealedValue value;
    value.keyId = parts[1].toString();
    std::optional<QByteArray> nonce = decodeBase64Url(parts[2]);
    if (!nonce || nonce->size() != kNonceSize)
        return malformed(QStringLiteral("the nonce is not %1 bytes of unpadded base64url").arg(kNonceSize));
    value.nonce = std::move(*nonce);
    std::optional<QByteArray> ciphertext = decodeBase64Url(parts[3]);
    if (!ciphertext || ciphertext->size() < kTagSize)
        return malformed(QStringLiteral("the ciphertext is not unpadded base64url of at least %1 bytes").arg(kTagSize));
    value.ciphertext = std::move(*ciphertext);
    return value;
}

QString SealedValue::toString() const
{
    return QStringLiteral("%1:%2:%3:%4")
        .arg(kVersion, keyId, QLatin1StringView(nonce.toBase64(kBase64)),
             QLatin1StringView(ciphertext.toBase64(kBase64)));
}

} // namespace quire::server
