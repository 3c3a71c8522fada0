// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/fielderrors.h"
#include "shared/result.h"
#include "shared/role.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

namespace quire::shared {

// An account as the API shows it. Credentials never live in this type, so
// no serialisation of a User can leak a password hash.
struct User
{
    QString id;
    QString email;
    QString name;
    Role role = Role::Reader;
    QString avatarUrl;
    bool emailVerified = false;
    bool disabled = false;
    QDateTime createdAt;
    QDateTime updatedAt;

    static constexpr int kMaxNameLength = 100;
    static constexpr int kMaxEmailLength = 254;

    nlohmann::json toJson() const;
    static Result<User> fromJson(const nlohmann::json &json);

    // Adds a message for every field that breaks the rules.
    void validate(FieldErrors &errors) const;

    // Trimmed and lower-cased, the form emails are stored and compared in.
    static QString normalizeEmail(const QString &email);
    static bool isPlausibleEmail(const QString &email);
};

} // namespace quire::shared
