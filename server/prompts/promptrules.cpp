// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptrules.h"

#include "server/sync/owneronlyaccess.h"
#include "shared/prompttables.h"

#include <memory>
#include <vector>

namespace quire::server {

QList<const SyncAccess *> promptAccessRules()
{
    // Every table private to its owner for now; sharing through groups replaces these.
    static const std::vector<std::unique_ptr<OwnerOnlyAccess>> rules = [] {
        std::vector<std::unique_ptr<OwnerOnlyAccess>> r;
        for (const shared::SyncTable &t : shared::promptTables())
            r.push_back(std::make_unique<OwnerOnlyAccess>(t.name));
        return r;
    }();
    QList<const SyncAccess *> list;
    for (const auto &r : rules)
        list << r.get();
    return list;
}

} // namespace quire::server
