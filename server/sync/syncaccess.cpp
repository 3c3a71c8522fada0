// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncaccess.h"

#include "server/sync/categoryaccess.h"
#include "server/sync/guideaccess.h"
#include "server/sync/saveditemaccess.h"
#include "shared/jsonqt.h"

namespace quire::server {

QString SyncAccess::text(const nlohmann::json &row, const char *key)
{
    const auto it = row.find(key);
    return it != row.end() && it->is_string() ? it->get<QString>() : QString();
}

shared::Error SyncAccess::forbidden(const QString &message)
{
    return shared::Error::make(QStringLiteral("forbidden"), message);
}

QList<const SyncAccess *> SyncAccess::all()
{
    static const GuideAccess guides;
    static const CategoryAccess categories;
    static const SavedItemAccess savedItems;
    return { &guides, &categories, &savedItems };
}

const SyncAccess *SyncAccess::find(const QString &table)
{
    for (const SyncAccess *a : all()) {
        if (a->table().name == table)
            return a;
    }
    return nullptr;
}

} // namespace quire::server
