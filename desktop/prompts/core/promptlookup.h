// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// A prompt as scripts name it: by id, or by its name (what programs ask
// for; the user's own first, then one shared with them).
class PromptLookup
{
public:
    PromptLookup(shared::Database &db, QString userId);

    // The prompt row (every column), or nothing.
    shared::Result<std::optional<nlohmann::json>> find(const QString &idOrName) const;

private:
    shared::Database &m_db;
    QString m_userId;
};

} // namespace quire::desktop
