// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/fielderrors.h"

#include <QDateTime>
#include <QSet>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::shared {

// Reads the fields of one JSON object with type checks, recording a message
// per bad field instead of throwing at the first one, so a client learns of
// every problem in one answer. Keys never read are "unknown" on request.
class JsonReader
{
public:
    enum class Presence { Optional, Required };

    JsonReader(const nlohmann::json &object, FieldErrors &errors);

    bool isObject() const { return m_object.is_object(); }
    bool has(const char *key) const;

    std::optional<QString> string(const char *key, Presence presence = Presence::Optional);
    std::optional<qint64> integer(const char *key, Presence presence = Presence::Optional);
    std::optional<bool> boolean(const char *key, Presence presence = Presence::Optional);
    std::optional<QDateTime> timestamp(const char *key, Presence presence = Presence::Optional);
    std::optional<QString> uuid(const char *key, Presence presence = Presence::Optional);
    std::optional<nlohmann::json> object(const char *key, Presence presence = Presence::Optional);
    // Checks that `key` holds an array (read it from the JSON itself); marks it as read.
    bool array(const char *key, Presence presence = Presence::Optional);

    // Records "not a known field" for every key that was never read.
    void refuseUnknown();

private:
    const nlohmann::json *find(const char *key, Presence presence);

    const nlohmann::json &m_object;
    FieldErrors &m_errors;
    QSet<QString> m_seen;
};

} // namespace quire::shared
