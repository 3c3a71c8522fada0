// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <array>
#include <vector>

namespace quire::server {

// One master key: an id and 32 bytes, wiped from memory when this copy goes.
class CredentialKey
{
public:
    static constexpr qsizetype kSize = 32;
    using Bytes = std::array<unsigned char, kSize>;

    CredentialKey(QString id, const Bytes &bytes);
    CredentialKey(const CredentialKey &) = default;
    CredentialKey &operator=(const CredentialKey &) = default;
    ~CredentialKey();

    const QString &id() const { return m_id; }
    const unsigned char *bytes() const { return m_bytes.data(); }

private:
    QString m_id;
    Bytes m_bytes;
};

// The master keys credentials are sealed with, read from a key file or from
// QUIRE_CREDENTIAL_KEYS, never from the database: a copied database or a
// backup then holds nothing that opens its credentials. One key a line,
// "<id>:<base64 of 32 bytes>"; blank lines and lines starting with '#' are
// ignored. The first key is the current one (it seals); the others only open
// what they sealed before a rotation, until `rotate-key` has moved every value.
class CredentialKeys
{
public:
    static constexpr const char *kEnvironmentVariable = "QUIRE_CREDENTIAL_KEYS";

    // Refuses a file that group or others may read or write, as ssh does
    // with a private key, and any malformed line, naming its number.
    static shared::Result<CredentialKeys> fromFile(const QString &path);
    // The same lines in the variable; ',' separates keys too, since a
    // newline is awkward in an environment.
    static shared::Result<CredentialKeys> fromEnvironment();
    // The file when `keyFile` names one, otherwise the environment.
    static shared::Result<CredentialKeys> load(const QString &keyFile);
    // `source` names where the text came from in error messages.
    static shared::Result<CredentialKeys> parse(QByteArrayView text, const QString &source);

    // A fresh id: the day (UTC) and a random suffix, so an operator can
    // tell old keys from new ones and two made on one day differ.
    static QString newKeyId();
    // "<id>:<base64 of 32 random bytes>\n", for a key file or the variable.
    static shared::Result<QByteArray> newKeyLine(const QString &id);
    // Writes a key file with one fresh key, mode 0600; refuses to overwrite.
    static shared::Result<QString> createKeyFile(const QString &path);
    // Puts a fresh key first in an existing key file (it becomes current;
    // the others stay for reading) and returns its id.
    static shared::Result<QString> addCurrentKey(const QString &path);

    const std::vector<CredentialKey> &keys() const { return m_keys; }
    const CredentialKey &current() const { return m_keys.front(); }
    const CredentialKey *find(QStringView id) const;

private:
    CredentialKeys() = default;

    std::vector<CredentialKey> m_keys; // never empty once parsed
};

} // namespace quire::server
