// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/credentials/credentialvault.h"
#include "shared/fielderrors.h"
#include "shared/result.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// The platforms' secrets, sealed by the CredentialVault and kept in
// platform_credentials (migration 19), a server-only table no replica ever
// pulls: a platform row only says when its secret was stored
// (credential_set_at, derived from here). The whole JSON the owner sent is
// sealed, bound to its table, row and column.
class PlatformCredentials
{
public:
    // The vault of the configured master keys: the key file when one is
    // named (a bad one is an error), else QUIRE_CREDENTIAL_KEYS; null when
    // neither is set, so a server without keys still starts (storing a
    // credential then answers 503 credentials_not_configured).
    static shared::Result<std::shared_ptr<const CredentialVault>> configuredVault(const QString &keyFile);

    static const QString &table();
    // Where a platform's sealed secret lives, bound into its encryption.
    static AssociatedData where(const QString &platformId);

    // The secret fields a platform of `kind` needs (webhook and mastodon: a
    // token; bluesky: identifier and app_password), each non-empty text; the
    // secret to seal (only those fields), with a field error for each
    // problem and for every field the kind does not take.
    static nlohmann::json secretOf(const QString &kind, const nlohmann::json &body, shared::FieldErrors &errors);

    // Seals `secret` for the platform and stores it (replacing any), in the
    // caller's transaction; answers the time stored (Timestamp's format).
    static shared::Result<QString> store(shared::Database &db, const CredentialVault &vault, const QString &platformId,
                                         const nlohmann::json &secret);
    // Removes the platform's secret; false when there was none.
    static shared::Result<bool> remove(shared::Database &db, const QString &platformId);
    // When the platform's secret was stored; empty when none is.
    static shared::Result<QString> storedAt(shared::Database &db, const QString &platformId);
    // The platform's secret opened (for its connector), nullopt when none is stored.
    static shared::Result<std::optional<nlohmann::json>> open(shared::Database &db, const CredentialVault &vault,
                                                              const QString &platformId);

    // Seals every stored secret not sealed with the vault's current key
    // anew under it, in one transaction (rotate-key); answers how many.
    static shared::Result<int> reencryptAll(shared::Database &db, const CredentialVault &vault);
};

} // namespace quire::server
