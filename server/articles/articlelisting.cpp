// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/articlelisting.h"

#include "server/articles/articlejson.h"
#include "server/collections/collectionlisting.h"
#include "server/sync/syncaccess.h"
#include "shared/synctable.h"

namespace quire::server::ArticleListing {

using shared::Result;

Result<nlohmann::json> run(shared::Database &db, const Principal &who, const QString &kind, const QUrlQuery &query)
{
    const SyncAccess *access = SyncAccess::find(QStringLiteral("articles"));
    CollectionListing listing(db, access->table(), *access);
    Result<CollectionListing::Page> page = listing.run(who, query, { { QStringLiteral("kind"), kind } });
    if (!page)
        return page.error();
    nlohmann::json items = nlohmann::json::array();
    for (qsizetype i = 0; i < page->rows.size(); ++i) {
        const StoredRow &row = page->rows.at(i);
        nlohmann::json item = ArticleJson::toApi(row.values, row.rev, page->ownerNames.at(i));
        item.erase("body"); // lists stay small; GET the article for its text
        items.push_back(std::move(item));
    }
    return page->envelope(std::move(items));
}

} // namespace quire::server::ArticleListing
