// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/utf8.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

// nlohmann_json <-> Qt string glue, so domain types map with plain j["x"] = s.
namespace nlohmann {
template<> struct adl_serializer<QString>
{
    static void to_json(json &j, const QString &s) { j = s.toStdString(); }
    // Utf8::decode, not fromStdString: that would drop a leading byte-order mark.
    static void from_json(const json &j, QString &s)
    {
        s = quire::shared::Utf8::decode(j.get_ref<const std::string &>());
    }
};
} // namespace nlohmann

namespace quire::shared {

// The text of `object`'s member `key`; empty when `object` is no object or
// the member is missing or not text. Never throws (json::value() would, on a
// member of another type), so hostile or older rows read as empty.
inline QString textOf(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key); // end() when `object` is no object
    return it != object.end() && it->is_string() ? Utf8::decode(it->get_ref<const std::string &>()) : QString();
}

inline QByteArray toJsonBytes(const nlohmann::json &j)
{
    const std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace quire::shared
