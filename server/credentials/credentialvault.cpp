// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/credentials/credentialvault.h"

#include "server/credentials/sealedvalue.h"

#include <QtEndian>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <optional>

namespace quire::server {

using shared::Error;
using shared::ErrorCode;
using shared::Result;

namespace {

struct ContextFree
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using Context = std::unique_ptr<EVP_CIPHER_CTX, ContextFree>;

Error cipherFailed()
{
    return Error::make(ErrorCode::Internal, QStringLiteral("the credential cipher (OpenSSL AES-256-GCM) failed"));
}

// Everything a value is bound to, each part length-prefixed so no two
// different places give the same bytes ("ab"+"c" is not "a"+"bc"). The
// format version and the key id are in it too: neither can be edited
// without the value failing to open.
QByteArray additionalData(const QString &keyId, const AssociatedData &where)
{
    QByteArray data("quire-credential-v1");
    for (const QString *part : { &keyId, &where.table, &where.rowId, &where.column }) {
        const QByteArray utf8 = part->toUtf8();
        char length[4];
        qToBigEndian(quint32(utf8.size()), length);
        data.append(length, sizeof length).append(utf8);
    }
    return data;
}

Result<QByteArray> seal(const CredentialKey &key, const QByteArray &nonce, QByteArrayView plaintext,
                        const QByteArray &aad)
{
    const Context context(EVP_CIPHER_CTX_new());
    QByteArray out(plaintext.size() + SealedValue::kTagSize, Qt::Uninitialized);
    auto *cipher = reinterpret_cast<unsigned char *>(out.data());
    int length = 0;
    int finalLength = 0;
    const bool ok = context && EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, int(nonce.size()), nullptr) == 1
        && EVP_EncryptInit_ex(context.get(), nullptr, nullptr, key.bytes(),
                              reinterpret_cast<const unsigned char *>(nonce.constData()))
            == 1
        && EVP_EncryptUpdate(context.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(aad.constData()),
                             int(aad.size()))
            == 1
        && EVP_EncryptUpdate(context.get(), cipher, &length, reinterpret_cast<const unsigned char *>(plaintext.data()),
                             int(plaintext.size()))
            == 1
        && EVP_EncryptFinal_ex(context.get(), cipher + length, &finalLength) == 1
        && length + finalLength == plaintext.size()
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, int(SealedValue::kTagSize),
                               cipher + plaintext.size())
            == 1;
    if (!ok)
        return cipherFailed();
    return out;
}

// Empty on a value that does not authenticate; the caller says why.
std::optional<QByteArray> open(const CredentialKey &key, const SealedValue &value, const QByteArray &aad)
{
    const qsizetype size = value.ciphertext.size() - SealedValue::kTagSize;
    const auto *cipher = reinterpret_cast<const unsigned char *>(value.ciphertext.constData());
    // One byte more than needed, so data() is never null for an empty secret.
    QByteArray out(size + 1, Qt::Uninitialized);
    auto *plain = reinterpret_cast<unsigned char *>(out.data());
    const Context context(EVP_CIPHER_CTX_new());
    int length = 0;
    int finalLength = 0;
    const bool ok = context && EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, int(value.nonce.size()), nullptr) == 1
        && EVP_DecryptInit_ex(context.get(), nullptr, nullptr, key.bytes(),
                              reinterpret_cast<const unsigned char *>(value.nonce.constData()))
            == 1
        && EVP_DecryptUpdate(context.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(aad.constData()),
                             int(aad.size()))
            == 1
        && EVP_DecryptUpdate(context.get(), plain, &length, cipher, int(size)) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, int(SealedValue::kTagSize),
                               const_cast<unsigned char *>(cipher + size))
            == 1
        && EVP_DecryptFinal_ex(context.get(), plain + length, &finalLength) == 1 && length + finalLength == size;
    if (!ok) {
        // What was decrypted before the tag failed is not to be trusted or kept.
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return std::nullopt;
    }
    out.truncate(size);
    return out;
}

} // namespace

CredentialVault::CredentialVault(CredentialKeys keys)
    : m_keys(std::move(keys))
{ }

Result<QString> CredentialVault::encrypt(QByteArrayView plaintext, const AssociatedData &where) const
{
    if (plaintext.size() > SealedValue::kMaxPlaintext) {
        return Error::make(ErrorCode::PayloadTooLarge,
                           QStringLiteral("a credential holds at most %1 bytes, not %2")
                               .arg(SealedValue::kMaxPlaintext)
                               .arg(plaintext.size()));
    }
    const CredentialKey &key = m_keys.current();
    SealedValue value;
    value.keyId = key.id();
    // Random, never counted: several instances seal with one key, and a
    // repeated nonce under GCM would give the key's authentication away.
    value.nonce = QByteArray(SealedValue::kNonceSize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(value.nonce.data()), int(value.nonce.size())) != 1)
        return Error::make(ErrorCode::Internal, QStringLiteral("the system's random generator failed; nothing sealed"));
    Result<QByteArray> ciphertext = seal(key, value.nonce, plaintext, additionalData(key.id(), where));
    if (!ciphertext)
        return ciphertext.error();
    value.ciphertext = std::move(*ciphertext);
    return value.toString();
}

Result<QByteArray> CredentialVault::decrypt(QStringView sealed, const AssociatedData &where) const
{
    Result<SealedValue> value = SealedValue::parse(sealed);
    if (!value)
        return value.error();
    const CredentialKey *key = m_keys.find(value->keyId);
    if (!key) {
        return Error::make(ErrorCode::CredentialsUnreadable,
                           QStringLiteral("the credential was sealed with the key %1, which is not among the "
                                          "credential keys: put that key back into the key file")
                               .arg(value->keyId));
    }
    std::optional<QByteArray> plaintext = open(*key, *value, additionalData(key->id(), where));
    if (!plaintext) {
        return Error::make(ErrorCode::Corrupt,
                           QStringLiteral("the sealed credential does not open: it was altered, or it belongs to "
                                          "another table, row or column than %1/%2/%3")
                               .arg(where.table, where.rowId, where.column));
    }
    return std::move(*plaintext);
}

Result<QString> CredentialVault::reencrypt(QStringView sealed, const AssociatedData &where) const
{
    Result<QByteArray> plaintext = decrypt(sealed, where);
    if (!plaintext)
        return plaintext.error();
    Result<QString> resealed = encrypt(*plaintext, where);
    OPENSSL_cleanse(plaintext->data(), size_t(plaintext->size()));
    return resealed;
}

bool CredentialVault::isSealedWithCurrentKey(QStringView sealed) const
{
    Result<SealedValue> value = SealedValue::parse(sealed);
    return value && value->keyId == currentKeyId();
}

} // namespace quire::server
