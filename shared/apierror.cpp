// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/apierror.h"

#include "shared/jsonqt.h"
#include "shared/strictjson.h"

namespace quire::shared::ApiError {

nlohmann::json toJson(const Error &error)
{
    nlohmann::json fields = nlohmann::json::object();
    for (auto it = error.fields.cbegin(); it != error.fields.cend(); ++it)
        fields[it.key().toStdString()] = it.value();
    return { { "error", { { "code", error.code }, { "message", error.message }, { "fields", fields } } } };
}

QByteArray toBytes(const Error &error)
{
    return toJsonBytes(toJson(error));
}

std::optional<Error> parse(const QByteArray &body)
{
    const Result<nlohmann::json> parsed = StrictJson::parse(body);
    if (!parsed)
        return std::nullopt;
    const nlohmann::json &j = *parsed;
    if (!j.is_object() || !j.contains("error") || !j["error"].is_object())
        return std::nullopt;
    const nlohmann::json &e = j["error"];
    if (!e.contains("code") || !e["code"].is_string())
        return std::nullopt;
    Error error;
    error.code = e["code"].get<QString>();
    if (e.contains("message") && e["message"].is_string())
        error.message = e["message"].get<QString>();
    if (e.contains("fields") && e["fields"].is_object()) {
        for (auto it = e["fields"].begin(); it != e["fields"].end(); ++it) {
            if (it->is_string())
                error.fields.insert(Utf8::decode(it.key()), it->get<QString>());
        }
    }
    return error;
}

} // namespace quire::shared::ApiError
