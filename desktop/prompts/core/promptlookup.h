// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// One prompt as a list shows it.
struct PromptSummary
{
    QString id;
    QString title;
    QString name;
    QString category;
    QStringList tags;
    bool isTemplate = false;
    bool favorite = false;
    QString updatedAt;
};

// The few reads of the prompt library that quire-cli and the groups view
// need: a filtered list, a prompt by id or by name, the user's favourite
// rows. The library's own model (search as you type, sorting) is the
// Prompts section's.
class PromptLookup
{
public:
    struct Filter
    {
        QString search; // words, each a prefix; empty: all
        QString tag; // any case; empty: all
        bool templatesOnly = false;
        bool favoritesOnly = false;
        int limit = 1000;
    };

    PromptLookup(shared::Database &db, QString userId);

    // Title order (search: best match first).
    shared::Result<QList<PromptSummary>> list(const Filter &filter) const;
    // The prompt row (every column) with this id, or with this name (the
    // user's own first, then one shared with them).
    shared::Result<std::optional<nlohmann::json>> find(const QString &idOrName) const;
    // The user's favourite row for a prompt, if any.
    shared::Result<QString> favoriteId(const QString &promptId) const;

private:
    shared::Database &m_db;
    QString m_userId;
};

} // namespace quire::desktop
