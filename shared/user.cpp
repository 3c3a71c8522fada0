// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/user.h"

#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/timestamp.h"
#include "shared/tr.h"

#include <QRegularExpression>

namespace quire::shared {

nlohmann::json User::toJson() const
{
    nlohmann::json j;
    j["id"] = id;
    j["email"] = email;
    j["name"] = name;
    j["role"] = roleName(role);
    j["avatar_url"] = avatarUrl.isEmpty() ? nlohmann::json() : nlohmann::json(avatarUrl);
    j["email_verified"] = emailVerified;
    j["disabled"] = disabled;
    j["created_at"] = Timestamp::format(createdAt);
    j["updated_at"] = Timestamp::format(updatedAt);
    return j;
}

Result<User> User::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    User u;
    u.id = r.uuid("id", JsonReader::Presence::Required).value_or(QString());
    u.email = r.string("email", JsonReader::Presence::Required).value_or(QString());
    u.name = r.string("name", JsonReader::Presence::Required).value_or(QString());
    if (const auto role = r.string("role", JsonReader::Presence::Required)) {
        if (const auto parsed = roleFromName(*role))
            u.role = *parsed;
        else
            errors.add(QStringLiteral("role"),
                       Tr::tr("Must be one of: %1.").arg(roleNames().join(QLatin1String(", "))));
    }
    u.avatarUrl = r.string("avatar_url").value_or(QString());
    u.emailVerified = r.boolean("email_verified").value_or(false);
    u.disabled = r.boolean("disabled").value_or(false);
    u.createdAt = r.timestamp("created_at", JsonReader::Presence::Required).value_or(QDateTime());
    u.updatedAt = r.timestamp("updated_at", JsonReader::Presence::Required).value_or(QDateTime());
    r.refuseUnknown();
    u.validate(errors);
    if (!errors.isEmpty())
        return errors.toError();
    return u;
}

void User::validate(FieldErrors &errors) const
{
    errors.checkUuidV7(QStringLiteral("id"), id);
    if (!errors.has(QStringLiteral("email"))) {
        if (email.size() > kMaxEmailLength)
            errors.add(QStringLiteral("email"), Tr::tr("Must be at most %n characters.", nullptr, kMaxEmailLength));
        else if (!isPlausibleEmail(email))
            errors.add(QStringLiteral("email"), Tr::tr("Must be an email address like name@example.com."));
    }
    errors.checkText(QStringLiteral("name"), name, kMaxNameLength);
    if (!avatarUrl.isEmpty() && !errors.has(QStringLiteral("avatar_url"))
        && !avatarUrl.startsWith(QLatin1String("https://")))
        errors.add(QStringLiteral("avatar_url"), Tr::tr("Must be an https:// address."));
}

QString User::normalizeEmail(const QString &email)
{
    return email.trimmed().toLower();
}

bool User::isPlausibleEmail(const QString &email)
{
    // Deliverability is proven by the verification mail; this only catches typos.
    static const QRegularExpression re(QStringLiteral(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)"));
    return re.match(email).hasMatch();
}

} // namespace quire::shared
