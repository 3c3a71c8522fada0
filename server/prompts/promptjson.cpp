// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptjson.h"

#include "shared/jsonreader.h"
#include "shared/promptnames.h"
#include "shared/strictjson.h"
#include "shared/synctable.h"

#include <cmath>

namespace quire::server::PromptJson {

namespace {

constexpr double kMaxTemperature = 2.0;
constexpr qint64 kMaxTokens = 999999999; // what the column's nine digits hold
constexpr int kMaxMessageLength = 500; // prompt_versions.message

std::string text(const nlohmann::json &values, const char *column)
{
    return values.value(column, std::string());
}

bool flag(const nlohmann::json &values, const char *column)
{
    return shared::kFlags.fromName(QString::fromStdString(text(values, column))).value_or(false);
}

// The stored decimal text of a setting as a JSON number; null when unset.
nlohmann::json number(const nlohmann::json &values, const char *column, bool whole)
{
    const QString stored = QString::fromStdString(text(values, column));
    bool ok = false;
    if (whole) {
        const qint64 n = stored.toLongLong(&ok);
        return ok ? nlohmann::json(n) : nlohmann::json();
    }
    const double d = stored.toDouble(&ok);
    return ok ? nlohmann::json(d) : nlohmann::json();
}

void putBody(nlohmann::json &out, const nlohmann::json &values, bool withText)
{
    out["kind"] = text(values, "kind");
    if (withText) {
        out["content"] = text(values, "content");
        out["messages"] = storedJson(values, "messages", nlohmann::json::array());
    }
    out["model"] = text(values, "model");
    out["temperature"] = number(values, "temperature", false);
    out["max_tokens"] = number(values, "max_tokens", true);
}

// Chat messages: a list of {role, content}, both text, the role not blank.
void readMessages(const nlohmann::json &messages, nlohmann::json &fields, shared::FieldErrors &errors)
{
    for (size_t i = 0; i < messages.size(); ++i) {
        const nlohmann::json &m = messages[i];
        const QString field = QStringLiteral("messages.%1").arg(i);
        if (!m.is_object() || m.size() != 2 || !m.contains("role") || !m.contains("content") || !m["role"].is_string()
            || !m["content"].is_string()) {
            errors.add(field, QStringLiteral("Must be an object with the texts role and content."));
            return;
        }
        if (QString::fromStdString(m["role"].get<std::string>()).trimmed().isEmpty()) {
            errors.add(field + QStringLiteral(".role"), QStringLiteral("This field is required."));
            return;
        }
    }
    fields["messages"] = messages.dump();
}

// temperature and max_tokens: numbers on the wire, decimal text stored; null clears.
void readSettings(const nlohmann::json &body, nlohmann::json &fields, shared::FieldErrors &errors)
{
    if (body.contains("temperature")) {
        const nlohmann::json &t = body["temperature"];
        if (t.is_null())
            fields["temperature"] = "";
        else if (!t.is_number() || !std::isfinite(t.get<double>()) || t.get<double>() < 0
                 || t.get<double>() > kMaxTemperature)
            errors.add(QStringLiteral("temperature"), QStringLiteral("Must be a number from 0 to 2."));
        else
            fields["temperature"] = QString::number(t.get<double>(), 'g', 6).toStdString();
    }
    if (body.contains("max_tokens")) {
        const nlohmann::json &m = body["max_tokens"];
        if (m.is_null())
            fields["max_tokens"] = "";
        else if (!m.is_number_integer() || m.get<qint64>() < 1 || m.get<qint64>() > kMaxTokens)
            errors.add(QStringLiteral("max_tokens"),
                       QStringLiteral("Must be a whole number from 1 to %1.").arg(kMaxTokens));
        else
            fields["max_tokens"] = std::to_string(m.get<qint64>());
    }
}

} // namespace

const QStringList &versionedColumns()
{
    static const QStringList columns { QStringLiteral("kind"),        QStringLiteral("content"),
                                       QStringLiteral("messages"),    QStringLiteral("model"),
                                       QStringLiteral("temperature"), QStringLiteral("max_tokens") };
    return columns;
}

nlohmann::json storedJson(const nlohmann::json &values, const char *column, nlohmann::json fallback)
{
    shared::Result<nlohmann::json> parsed = shared::StrictJson::parse(QByteArray::fromStdString(text(values, column)));
    return parsed ? *parsed : fallback;
}

nlohmann::json prompt(const StoredRow &row, const QString &ownerName, bool withText)
{
    const nlohmann::json &v = row.values;
    nlohmann::json out { { "id", text(v, "id") },
                         { "title", text(v, "title") },
                         { "name", text(v, "name") },
                         { "description", text(v, "description") },
                         { "category", text(v, "category") },
                         { "is_template", flag(v, "is_template") },
                         { "approval_required", flag(v, "approval_required") } };
    nlohmann::json tags = nlohmann::json::array();
    for (const QString &tag : shared::listItems(QString::fromStdString(text(v, "tags"))))
        tags.push_back(tag.toStdString());
    out["tags"] = std::move(tags);
    putBody(out, v, withText);
    const auto orNull = [&](const char *column) {
        const std::string s = text(v, column);
        return s.empty() ? nlohmann::json() : nlohmann::json(s);
    };
    out["branch_of"] = orNull("branch_of");
    out["branch_base"] = orNull("branch_base");
    out["author"] = { { "id", text(v, "owner_id") }, { "name", ownerName.toStdString() } };
    out["created_at"] = text(v, "created_at");
    out["updated_at"] = text(v, "updated_at");
    out["rev"] = row.rev;
    return out;
}

nlohmann::json version(const StoredRow &row, const QString &authorName, bool withText)
{
    const nlohmann::json &v = row.values;
    nlohmann::json out { { "id", text(v, "id") },
                         { "prompt_id", text(v, "prompt_id") },
                         { "number", number(v, "number", true) },
                         { "message", text(v, "message") } };
    putBody(out, v, withText);
    out["author"] = { { "id", text(v, "owner_id") }, { "name", authorName.toStdString() } };
    out["created_at"] = text(v, "created_at");
    return out;
}

nlohmann::json versionedValues(const nlohmann::json &values)
{
    nlohmann::json out = nlohmann::json::object();
    for (const QString &c : versionedColumns())
        out[c.toStdString()] = text(values, c.toUtf8().constData());
    return out;
}

nlohmann::json toFields(const nlohmann::json &body, shared::FieldErrors &errors)
{
    nlohmann::json fields = nlohmann::json::object();
    if (!body.is_object()) {
        errors.add(QString(), QStringLiteral("The request body must be a JSON object."));
        return fields;
    }
    // Numbers and lists are read here; the reader checks the rest and what is unknown.
    nlohmann::json rest = body;
    for (const char *own : { "temperature", "max_tokens", "messages", "tags" })
        rest.erase(own);
    readSettings(body, fields, errors);
    shared::JsonReader r(rest, errors);
    for (const char *column : { "title", "name", "description", "category", "content", "model" }) {
        if (const auto value = r.string(column))
            fields[column] = value->toStdString();
    }
    if (const auto kind = r.string("kind")) {
        if (shared::kPromptKinds.fromName(*kind))
            fields["kind"] = kind->toStdString();
        else
            errors.add(
                QStringLiteral("kind"),
                QStringLiteral("Must be one of: %1.").arg(shared::kPromptKinds.names().join(QLatin1String(", "))));
    }
    for (const char *column : { "is_template", "approval_required" }) {
        if (const auto value = r.boolean(column))
            fields[column] = shared::kFlags.name(*value).toStdString();
    }
    if (body.contains("tags")) {
        const nlohmann::json &tags = body["tags"];
        QStringList items;
        bool ok = tags.is_array();
        for (size_t i = 0; ok && i < tags.size(); ++i) {
            ok = tags[i].is_string();
            if (ok)
                items << QString::fromStdString(tags[i].get<std::string>()).trimmed();
        }
        if (ok)
            fields["tags"] = shared::listText(items).toStdString();
        else
            errors.add(QStringLiteral("tags"), QStringLiteral("Must be an array of texts."));
    }
    if (body.contains("messages")) {
        if (body["messages"].is_array())
            readMessages(body["messages"], fields, errors);
        else
            errors.add(QStringLiteral("messages"), QStringLiteral("Must be an array."));
    }
    r.integer("rev");
    if (const auto message = r.string("message"); message && message->size() > kMaxMessageLength)
        errors.add(QStringLiteral("message"), QStringLiteral("At most %1 characters.").arg(kMaxMessageLength));
    r.refuseUnknown();
    return fields;
}

} // namespace quire::server::PromptJson
