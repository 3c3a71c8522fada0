// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/enumnames.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace quire::shared {

// What a personal API key may do: the only routes a key opens are those
// that declare one of these (server/http/router.h, Guard::program), so a key
// never reaches the rest of the API. The wire names are written once, here;
// the server, the desktop's API Keys dialog and the README read them.
enum class ApiKeyScope {
    PromptsRead, // GET /api/v1/prompts/by-name/:name
    UsageWrite, // record a use of a prompt version
};
inline constexpr EnumNames<ApiKeyScope, 2> kApiKeyScopes { { { { ApiKeyScope::PromptsRead, "prompts:read" },
                                                               { ApiKeyScope::UsageWrite, "usage:write" } } } };

// Scopes as stored and sent: their wire names, in declaration order, without repeats.
inline QStringList apiKeyScopeNames(const QList<ApiKeyScope> &scopes)
{
    QStringList names;
    for (const QString &n : kApiKeyScopes.names()) {
        if (scopes.contains(*kApiKeyScopes.fromName(n)))
            names << n;
    }
    return names;
}

// The scopes named by `names`, or nullopt when one is not a scope.
inline std::optional<QList<ApiKeyScope>> apiKeyScopesFrom(const QStringList &names)
{
    QList<ApiKeyScope> scopes;
    for (const QString &n : names) {
        const std::optional<ApiKeyScope> s = kApiKeyScopes.fromName(n);
        if (!s)
            return std::nullopt;
        if (!scopes.contains(*s))
            scopes << *s;
    }
    return scopes;
}

} // namespace quire::shared
