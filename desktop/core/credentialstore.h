// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace quire::desktop {

// Keeps long-lived secrets (refresh tokens) in the OS keychain through
// QtKeychain. Where no keychain service runs (servers, CI, minimal
// desktops) it falls back to credentials.json in the profile, readable by
// its owner only, and says which it used.
class CredentialStore
{
public:
    explicit CredentialStore(QString profileDir);

    shared::VoidResult save(const QString &key, const QByteArray &secret);
    shared::Result<std::optional<QByteArray>> load(const QString &key);
    shared::VoidResult remove(const QString &key);

    enum class Backend { Unknown, Keychain, File };
    Backend backend() const { return m_backend; }

private:
    bool keychainAvailable();
    QString filePath() const;
    shared::Result<QJsonObject> readFile() const;
    shared::VoidResult writeFile(const QJsonObject &object) const;

    QString m_profileDir;
    Backend m_backend = Backend::Unknown;
};

} // namespace quire::desktop
