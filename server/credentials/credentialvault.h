// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/credentials/credentialkeys.h"
#include "shared/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace quire::server {

// Where a sealed value lives. Bound into the encryption as additional data,
// so a value copied into another table, row or column does not open there:
// someone who can write the database cannot swap one platform's token for
// another's.
struct AssociatedData
{
    QString table;
    QString rowId;
    QString column;
};

// Seals and opens platform credentials: AES-256-GCM through OpenSSL, a fresh
// random 96-bit nonce per value, the key's id in each value so keys can
// rotate (the current key seals, every known key opens). Holds no state but
// the keys, so one vault serves every thread.
class CredentialVault
{
public:
    explicit CredentialVault(CredentialKeys keys);

    const QString &currentKeyId() const { return m_keys.current().id(); }

    // A SealedValue's text, safe for a TEXT column.
    shared::Result<QString> encrypt(QByteArrayView plaintext, const AssociatedData &where) const;
    // Fails, without saying more than why, on anything but a value this
    // vault's keys sealed for exactly `where`.
    shared::Result<QByteArray> decrypt(QStringView sealed, const AssociatedData &where) const;
    // The same secret sealed anew under the current key (rotate-key).
    shared::Result<QString> reencrypt(QStringView sealed, const AssociatedData &where) const;
    // False when `sealed` names another key than the current one, or none:
    // what a rotation still has to re-encrypt.
    bool isSealedWithCurrentKey(QStringView sealed) const;

private:
    CredentialKeys m_keys;
};

} // namespace quire::server
