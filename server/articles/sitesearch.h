// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace quire::shared {
class Database;
}

namespace quire::server {

class WorkerServices;

// Full-text search over published articles (the dialect's ranked search
// over the declared full-text index), with snippets whose matches are
// marked. What a reader typed becomes its words, never query syntax.
class SiteSearch
{
public:
    struct Hit
    {
        QString kind;
        QString slug;
        QString title;
        QString snippetHtml; // escaped, with <mark> around matches
    };

    static shared::Result<QList<Hit>> run(shared::Database &db, const QString &query, int limit = 20);
    // The /search page for `query`.
    static shared::Result<QByteArray> page(WorkerServices &services, const QString &query);
};

} // namespace quire::server
