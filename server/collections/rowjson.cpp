// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/rowjson.h"

#include "shared/jsonqt.h"
#include "shared/synctable.h"

namespace quire::server::RowJson {

nlohmann::json toApi(const shared::SyncTable &table, const StoredRow &row, const QString &ownerName, bool withText)
{
    nlohmann::json out = nlohmann::json::object();
    out["id"] = row.values.value("id", std::string());
    for (const shared::SyncColumn &c : table.columns) {
        const std::string name = c.name.toStdString();
        const std::string value = row.values.value(name, std::string());
        if (c.type == shared::ColumnType::Markdown && !withText)
            continue;
        if (c.name == QLatin1String("owner_id")) {
            out["author"] = { { "id", value }, { "name", ownerName.toStdString() } };
        } else if (c.type == shared::ColumnType::List) {
            nlohmann::json items = nlohmann::json::array();
            for (const QString &item : shared::listItems(QString::fromStdString(value)))
                items.push_back(item.toStdString());
            out[name] = std::move(items);
        } else {
            out[name] = value;
        }
    }
    out["rev"] = row.rev;
    return out;
}

} // namespace quire::server::RowJson
