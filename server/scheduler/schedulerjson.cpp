// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/schedulerjson.h"

#include "server/collections/rowjson.h"
#include "server/scheduler/scheduleraccess.h"
#include "shared/synctable.h"

namespace quire::server::SchedulerJson {

namespace {

// The JSON value a JSON-text column holds; the text itself when it is no JSON.
nlohmann::json parsedOr(const nlohmann::json &value)
{
    const std::string text = value.is_string() ? value.get<std::string>() : std::string();
    nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    return parsed.is_discarded() ? value : parsed;
}

} // namespace

const SchedulerAccess &accessOf(const QString &table)
{
    // Only the scheduler's own tables are asked for, and their rules are SchedulerAccess.
    return *dynamic_cast<const SchedulerAccess *>(SyncAccess::find(table));
}

nlohmann::json fields(const SchedulerAccess &access, const nlohmann::json &body, shared::JsonReader &reader,
                      bool creating, shared::FieldErrors &errors)
{
    const SchedulerAccess::Rules &rules = access.rules();
    nlohmann::json out = nlohmann::json::object();
    for (const shared::SyncColumn &c : access.table().columns) {
        if (c.merge == shared::MergeRule::ServerOwned)
            continue;
        const QByteArray key = c.name.toUtf8();
        const std::string name = key.toStdString();
        if (c.type == shared::ColumnType::List || rules.jsonLists.contains(c.name)) {
            if (!reader.array(key.constData()) || !body.contains(name))
                continue;
            const nlohmann::json &items = body[name];
            bool strings = true;
            for (const nlohmann::json &item : items)
                strings = strings && item.is_string();
            if (!strings)
                errors.add(c.name, QStringLiteral("Must be a list of strings."));
            else
                out[name] = items.dump();
        } else if (rules.jsonObjects.contains(c.name)) {
            if (const std::optional<nlohmann::json> object = reader.object(key.constData()))
                out[name] = object->dump();
        } else if (const std::optional<QString> value = reader.string(key.constData())) {
            out[name] = value->toStdString();
        }
    }
    // A field with a message already keeps it: the first problem is the one to fix.
    access.table().validateFields(out, creating, errors);
    return out;
}

nlohmann::json toApi(const SchedulerAccess &access, const StoredRow &row, const QString &ownerName, bool withText)
{
    nlohmann::json out = RowJson::toApi(access.table(), row, ownerName, withText);
    for (const QString &column : access.rules().jsonObjects + access.rules().jsonLists) {
        const std::string name = column.toStdString();
        if (out.contains(name))
            out[name] = parsedOr(out[name]);
    }
    return out;
}

std::optional<qint64> expectedRev(const HttpRequest &request)
{
    if (request.json.is_object() && request.json.contains("rev") && request.json["rev"].is_number_integer())
        return request.json["rev"].get<qint64>();
    const QByteArray match = request.header("If-Match").trimmed();
    bool ok = false;
    const qint64 rev = QByteArray(match).replace('"', "").toLongLong(&ok);
    return ok ? std::optional(rev) : std::nullopt;
}

} // namespace quire::server::SchedulerJson
