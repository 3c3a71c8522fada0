// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptaccess.h"

#include "shared/database.h"
#include "shared/fielderrors.h"
#include "shared/jsonqt.h"
#include "shared/permissions.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::Error;
using shared::ErrorCode;
using shared::Permission;
using shared::Result;
using shared::VoidResult;

namespace {

constexpr double kMaxTemperature = 2.0;
const QStringList kMessageRoles { QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("assistant") };

// The model settings and chat messages, each checked only when set.
void checkSettings(const nlohmann::json &row, shared::FieldErrors &errors)
{
    const auto textOf = [&row](const char *key) {
        const auto it = row.find(key);
        return it != row.end() && it->is_string() ? it->get<QString>() : QString();
    };
    if (const QString t = textOf("temperature"); !t.isEmpty()) {
        bool ok = false;
        const double value = t.toDouble(&ok);
        if (!ok || value < 0 || value > kMaxTemperature)
            errors.add(QStringLiteral("temperature"), QStringLiteral("Use a number from 0 to 2."));
    }
    if (const QString m = textOf("max_tokens"); !m.isEmpty()) {
        bool ok = false;
        const int value = m.toInt(&ok);
        if (!ok || value <= 0 || m != QString::number(value))
            errors.add(QStringLiteral("max_tokens"), QStringLiteral("Use a whole number above 0."));
    }
    if (const QString m = textOf("messages"); !m.isEmpty()) {
        const nlohmann::json messages = nlohmann::json::parse(m.toStdString(), nullptr, false);
        bool valid = messages.is_array();
        for (const nlohmann::json &message : valid ? messages : nlohmann::json::array()) {
            valid = valid && message.is_object() && message.size() == 2 && message.contains("role")
                && message["role"].is_string() && kMessageRoles.contains(message["role"].get<QString>())
                && message.contains("content") && message["content"].is_string();
        }
        if (!valid)
            errors.add(QStringLiteral("messages"),
                       QStringLiteral("Use a JSON list of {\"role\": \"system\", \"user\" or \"assistant\", "
                                      "\"content\": text}."));
    }
}

} // namespace

PromptAccess::PromptAccess()
    : PromptSharedAccess(shared::promptsTable())
{ }

VoidResult PromptAccess::checkWrite(const Principal &who, const std::optional<nlohmann::json> &before,
                                    const nlohmann::json &after) const
{
    if (!shared::hasPermission(who.role, Permission::WriteContent))
        return forbidden(QStringLiteral("Your role (%1) cannot write prompts.").arg(shared::roleName(who.role)));
    if (before && text(*before, "owner_id") != who.userId)
        return forbidden(QStringLiteral("This prompt belongs to someone else; only its owner changes it."));
    if (after.is_null())
        return VoidResult::success();
    shared::FieldErrors errors;
    checkSettings(after, errors);
    if (!errors.isEmpty())
        return errors.toError();
    return VoidResult::success();
}

VoidResult PromptAccess::beforeWrite(shared::Database &db, const QString &id, const std::optional<nlohmann::json> &,
                                     nlohmann::json &after, const QString &) const
{
    QString name = text(after, "name");
    if (name.isEmpty()) {
        name = shared::slugFromText(text(after, "title"), table().column(QStringLiteral("name"))->maxLength);
        if (name.isEmpty())
            name = QStringLiteral("prompt");
        after["name"] = name.toStdString();
    }
    return requireFreeSlug(
        db,
        QStringLiteral("SELECT id FROM %1 WHERE name = ? AND owner_id = ? AND id <> ? AND deleted = 0")
            .arg(shared::promptsTable()),
        { text(after, "owner_id"), id }, name, QStringLiteral("You already have a prompt named %1.").arg(name));
}

Result<nlohmann::json> PromptAccess::derivedValues(shared::Database &db, const nlohmann::json &row) const
{
    // Whoever reads a group holding the prompt: its owner and its sharees.
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT g.owner_id, g.readers FROM %1 m JOIN %2 g "
                                 "ON g.id = m.group_id AND g.deleted = 0 WHERE m.prompt_id = ? AND m.deleted = 0")
                      .arg(shared::promptGroupMembersTable(), shared::promptGroupsTable()),
                  { text(row, "id") });
    if (!q)
        return q.error();
    QStringList people;
    while (q->next())
        people << q->value(0).toString() << shared::listItems(q->value(1).toString());
    return nlohmann::json { { "readers", readersText(people, text(row, "owner_id")).toStdString() } };
}

Result<QList<RowRef>> PromptAccess::removedWith(shared::Database &db, const nlohmann::json &row) const
{
    // Labels before the versions they point at.
    QList<RowRef> out;
    for (const QString &child : { shared::promptLabelsTable(), shared::promptGroupMembersTable(),
                                  shared::promptFavoritesTable(), shared::promptVersionsTable() }) {
        Result<QList<RowRef>> refs = rowsWhere(db, child, QStringLiteral("prompt_id"), text(row, "id"));
        if (!refs)
            return refs;
        out += *refs;
    }
    return out;
}

Result<QList<RowRef>> PromptAccess::dependents(shared::Database &db, const std::optional<nlohmann::json> &before,
                                               const nlohmann::json &after) const
{
    // Versions and labels are read by whoever reads the prompt.
    if (!before || (!after.is_null() && text(*before, "readers") == text(after, "readers")))
        return QList<RowRef>();
    const QString id = text(*before, "id");
    Result<QList<RowRef>> refs = rowsWhere(db, shared::promptVersionsTable(), QStringLiteral("prompt_id"), id);
    if (!refs)
        return refs;
    Result<QList<RowRef>> labels = rowsWhere(db, shared::promptLabelsTable(), QStringLiteral("prompt_id"), id);
    if (!labels)
        return labels;
    return *refs + *labels;
}

} // namespace quire::server
