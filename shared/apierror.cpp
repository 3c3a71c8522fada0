// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/apierror.h"

#include "shared/jsonqt.h"

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
    const nlohmann::json j = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].is_object())
        return std::nullopt;
    const nlohmann::json &e = j["error"];
    if (!e.contains("code") || !e["code"].is_string())
        return std::nullopt;
    Error error;
    error.code = QString::fromStdString(e["code"].get<std::string>());
    if (e.contains("message") && e["message"].is_string())
        error.message = QString::fromStdString(e["message"].get<std::string>());
    if (e.contains("fields") && e["fields"].is_object()) {
        for (auto it = e["fields"].begin(); it != e["fields"].end(); ++it) {
            if (it->is_string())
                error.fields.insert(QString::fromStdString(it.key()), QString::fromStdString(it->get<std::string>()));
        }
    }
    return error;
}

} // namespace quire::shared::ApiError
