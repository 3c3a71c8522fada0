// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// One row of the prompt library: what the list shows and sorts by.
struct PromptSummary
{
    QString id;
    QString title;
    QString name;
    QString category;
    QStringList tags;
    bool isTemplate = false;
    QString kind;
    QString ownerId;
    QString updatedAt;
    bool favourite = false; // starred by the query's user
    QString snippet; // the matching words, when searching
};

// Finds prompts in the replica: full-text search as the user types (title,
// description and content, ranked) with filters by category, tag, template,
// the user's favourites and whose they are, or all of them newest first.
class PromptQuery
{
public:
    enum class Sort { Updated, Title, Name, Relevance };
    enum class Scope { All, Mine, SharedWithMe };

    QString text; // words to find; empty: everything
    QString category; // empty: any
    QString tag; // any case; empty: any
    bool templatesOnly = false;
    bool favouritesOnly = false;
    Scope scope = Scope::All;
    QString userId; // whose favourites and whose "mine"
    Sort sort = Sort::Updated;
    int limit = 1000;

    shared::Result<QList<PromptSummary>> run(shared::Database &db) const;

    // The categories and tags in use, most used first.
    static shared::Result<QStringList> knownCategories(shared::Database &db);
    static shared::Result<QStringList> knownTags(shared::Database &db);
    // "updated", "-title" (the preferences' wire form) and back.
    static QString sortName(Sort sort);
    static Sort sortFromName(const QString &name);
};

} // namespace quire::desktop
