// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/jsonreader.h"

#include "shared/timestamp.h"
#include "shared/tr.h"
#include "shared/utf8.h"
#include "shared/uuid.h"

#include <limits>

namespace quire::shared {

JsonReader::JsonReader(const nlohmann::json &object, FieldErrors &errors)
    : m_object(object)
    , m_errors(errors)
{
    if (!m_object.is_object())
        m_errors.add(QString(), Tr::tr("The request body must be a JSON object."));
}

bool JsonReader::has(const char *key) const
{
    return m_object.is_object() && m_object.contains(key);
}

const nlohmann::json *JsonReader::find(const char *key, Presence presence)
{
    const QString field = QString::fromUtf8(key);
    m_seen.insert(field);
    if (!m_object.is_object())
        return nullptr;
    const auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null()) {
        if (presence == Presence::Required)
            m_errors.add(field, Tr::tr("This field is required."));
        return nullptr;
    }
    return &*it;
}

std::optional<QString> JsonReader::string(const char *key, Presence presence)
{
    const nlohmann::json *v = find(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->is_string()) {
        m_errors.add(QString::fromUtf8(key), Tr::tr("Must be text."));
        return std::nullopt;
    }
    return Utf8::decode(v->get_ref<const std::string &>());
}

std::optional<qint64> JsonReader::integer(const char *key, Presence presence)
{
    const nlohmann::json *v = find(key, presence);
    if (!v)
        return std::nullopt;
    // An unsigned number above qint64's range would wrap when read as qint64.
    if (!v->is_number_integer()
        || (v->is_number_unsigned() && v->get<quint64>() > quint64(std::numeric_limits<qint64>::max()))) {
        m_errors.add(QString::fromUtf8(key), Tr::tr("Must be a whole number."));
        return std::nullopt;
    }
    return v->get<qint64>();
}

std::optional<bool> JsonReader::boolean(const char *key, Presence presence)
{
    const nlohmann::json *v = find(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->is_boolean()) {
        m_errors.add(QString::fromUtf8(key), Tr::tr("Must be true or false."));
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<QDateTime> JsonReader::timestamp(const char *key, Presence presence)
{
    const std::optional<QString> text = string(key, presence);
    if (!text)
        return std::nullopt;
    const std::optional<QDateTime> time = Timestamp::parse(*text);
    if (!time)
        m_errors.add(QString::fromUtf8(key), Tr::tr("Must be a time like 2026-01-31T12:00:00.000Z."));
    return time;
}

std::optional<QString> JsonReader::uuid(const char *key, Presence presence)
{
    const std::optional<QString> text = string(key, presence);
    if (!text)
        return std::nullopt;
    if (!Uuid::isV7(*text)) {
        m_errors.add(QString::fromUtf8(key), Tr::tr("Must be a UUIDv7."));
        return std::nullopt;
    }
    return text->toLower();
}

std::optional<nlohmann::json> JsonReader::object(const char *key, Presence presence)
{
    const nlohmann::json *v = find(key, presence);
    if (!v)
        return std::nullopt;
    if (!v->is_object()) {
        m_errors.add(QString::fromUtf8(key), Tr::tr("Must be an object."));
        return std::nullopt;
    }
    return *v;
}

bool JsonReader::array(const char *key, Presence presence)
{
    const nlohmann::json *v = find(key, presence);
    if (!v)
        return false;
    if (!v->is_array()) {
        m_errors.add(QString::fromUtf8(key), Tr::tr("Must be an array."));
        return false;
    }
    return true;
}

void JsonReader::refuseUnknown()
{
    if (!m_object.is_object())
        return;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        const QString field = Utf8::decode(it.key());
        if (!m_seen.contains(field))
            m_errors.add(field, Tr::tr("This field is not known here."));
    }
}

} // namespace quire::shared
