// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/guide.h"

#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/timestamp.h"
#include "shared/tr.h"

namespace quire::shared {

nlohmann::json Guide::toJson() const
{
    nlohmann::json j;
    j["id"] = id;
    j["title"] = title;
    j["body"] = body;
    j["status"] = contentStatusName(status);
    j["owner_id"] = ownerId;
    j["created_at"] = Timestamp::format(createdAt);
    j["updated_at"] = Timestamp::format(updatedAt);
    j["rev"] = rev;
    return j;
}

Result<Guide> Guide::fromJson(const nlohmann::json &json)
{
    FieldErrors errors;
    JsonReader r(json, errors);
    Guide g;
    g.id = r.uuid("id", JsonReader::Presence::Required).value_or(QString());
    g.title = r.string("title", JsonReader::Presence::Required).value_or(QString());
    g.body = r.string("body").value_or(QString());
    if (const auto status = r.string("status")) {
        if (const auto parsed = contentStatusFromName(*status))
            g.status = *parsed;
        else
            errors.add(QStringLiteral("status"),
                       Tr::tr("Must be one of: %1.").arg(contentStatusNames().join(QLatin1String(", "))));
    }
    g.ownerId = r.uuid("owner_id", JsonReader::Presence::Required).value_or(QString());
    g.createdAt = r.timestamp("created_at", JsonReader::Presence::Required).value_or(QDateTime());
    g.updatedAt = r.timestamp("updated_at", JsonReader::Presence::Required).value_or(QDateTime());
    if (const auto rev = r.integer("rev")) {
        if (*rev < 0)
            errors.add(QStringLiteral("rev"), Tr::tr("Must not be negative."));
        g.rev = *rev;
    }
    r.refuseUnknown();
    g.validate(errors);
    if (!errors.isEmpty())
        return errors.toError();
    return g;
}

void Guide::validate(FieldErrors &errors) const
{
    errors.checkUuidV7(QStringLiteral("id"), id);
    errors.checkUuidV7(QStringLiteral("owner_id"), ownerId);
    errors.checkText(QStringLiteral("title"), title, kMaxTitleLength);
    if (!errors.has(QStringLiteral("body")) && body.toUtf8().size() > kMaxBodyBytes)
        errors.add(QStringLiteral("body"), Tr::tr("Must be at most 5 MiB."));
    if (!errors.has(QStringLiteral("updated_at")) && createdAt.isValid() && updatedAt.isValid()
        && updatedAt < createdAt)
        errors.add(QStringLiteral("updated_at"), Tr::tr("Must not be before created_at."));
}

} // namespace quire::shared
