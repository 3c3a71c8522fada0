// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/tokens.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace quire::server::Tokens {

QString generate(const char *prefix)
{
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return QLatin1String(prefix)
        + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString hash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

namespace {

QByteArray boxKey(const QString &keyToken)
{
    static constexpr char kContext[] = "quire refresh successor box key";
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    const QByteArray input = QByteArray(kContext) + '\0' + keyToken.toUtf8();
    crypto_generichash(reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()),
                       reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()), nullptr, 0);
    return key;
}

} // namespace

QByteArray seal(const QByteArray &plain, const QString &keyToken)
{
    const QByteArray key = boxKey(keyToken);
    QByteArray box(int(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) + plain.size(), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(box.data());
    randombytes_buf(out, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char *>(plain.constData()),
                          size_t(plain.size()), out, reinterpret_cast<const unsigned char *>(key.constData()));
    return box;
}

QByteArray open(const QByteArray &box, const QString &keyToken)
{
    constexpr int kOverhead = int(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES);
    if (box.size() <= kOverhead)
        return {};
    const QByteArray key = boxKey(keyToken);
    QByteArray plain(box.size() - kOverhead, Qt::Uninitialized);
    const auto *in = reinterpret_cast<const unsigned char *>(box.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()), in + crypto_secretbox_NONCEBYTES,
                                   size_t(box.size()) - crypto_secretbox_NONCEBYTES, in,
                                   reinterpret_cast<const unsigned char *>(key.constData()))
        != 0)
        return {};
    return plain;
}

bool equal(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace quire::server::Tokens
