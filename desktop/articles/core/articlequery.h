// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QList>
#include <QString>

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// One row of the article list: what the list view shows and sorts by.
struct ArticleSummary
{
    QString id;
    QString title;
    QString kind;
    QString status;
    QString slug;
    QString updatedAt;
    QString snippet; // the matching words, when searching
};

// Finds articles in the replica: full-text search (SQLite FTS5, ranked)
// with filters by kind, status, category (with its sub-categories), tag
// and author, or all of them newest first. The index
// is brought up to date before a search when writes marked it stale
// (see replica migration 4).
class ArticleQuery
{
public:
    enum class Sort { Updated, Title, Relevance };

    QString text; // words to find; empty: everything
    QString kind; // a name from shared/articlekind.h, empty for every kind
    QString status; // a status name | empty for all
    QString category; // a category id: it and the categories nested in it | empty for all
    QString tag; // a tag, any case | empty for all
    QString ownerId; // the author's user id | empty for everyone's
    Sort sort = Sort::Updated;
    int limit = 500;

    shared::Result<QList<ArticleSummary>> run(shared::Database &db) const;

    // The tags on the replica's articles of `kind` (empty: both), most used first.
    static shared::Result<QStringList> knownTags(shared::Database &db, const QString &kind);

    // What the user typed, as an FTS5 query of quoted prefix terms, so no
    // input is read as FTS syntax.
    static QString matchExpression(const QString &text);
};

} // namespace quire::desktop
