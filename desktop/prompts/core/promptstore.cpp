// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/core/promptstore.h"

#include "desktop/core/contentstore.h"
#include "desktop/core/tr.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/prompttables.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

const shared::SyncTable &table(const QString &name)
{
    return *shared::SyncSchema::find(name);
}

// Numbered versions by number, then the ones the server has not numbered
// yet in the order they were made.
const QString kVersionOrder
    = QStringLiteral("ORDER BY CASE WHEN number = '' THEN 1 ELSE 0 END, CAST(number AS INTEGER), created_at, id");

nlohmann::json bodyOf(const nlohmann::json &row)
{
    nlohmann::json body = nlohmann::json::object();
    for (const QString &c : PromptStore::bodyColumns())
        body[c.toStdString()] = shared::textOf(row, c.toStdString().c_str());
    return body;
}

Error notFound(const QString &id)
{
    return Error::make(shared::ErrorCode::NotFound, Tr::tr("There is no prompt version %1 in this replica.").arg(id));
}

} // namespace

PromptStore::PromptStore(ContentStore &content, shared::Database &db)
    : m_content(content)
    , m_db(db)
{ }

const shared::SyncTable &PromptStore::prompts()
{
    return table(shared::promptsTable());
}

const shared::SyncTable &PromptStore::versions()
{
    return table(shared::promptVersionsTable());
}

const shared::SyncTable &PromptStore::labels()
{
    return table(shared::promptLabelsTable());
}

const shared::SyncTable &PromptStore::favourites()
{
    return table(shared::promptFavoritesTable());
}

const shared::SyncTable &PromptStore::usage()
{
    return table(shared::promptUsageTable());
}

const shared::SyncTable &PromptStore::preferences()
{
    return table(shared::promptPreferencesTable());
}

QStringList PromptStore::bodyColumns()
{
    return { QStringLiteral("kind"),  QStringLiteral("content"),     QStringLiteral("messages"),
             QStringLiteral("model"), QStringLiteral("temperature"), QStringLiteral("max_tokens") };
}

QString PromptStore::comparableText(const nlohmann::json &body)
{
    QStringList lines;
    if (shared::textOf(body, "kind") == shared::kPromptKinds.name(shared::PromptKind::Chat)) {
        const nlohmann::json messages
            = nlohmann::json::parse(shared::textOf(body, "messages").toStdString(), nullptr, false);
        for (const nlohmann::json &m : messages.is_array() ? messages : nlohmann::json::array())
            lines << QStringLiteral("[%1]").arg(shared::textOf(m, "role")) << shared::textOf(m, "content");
    } else {
        lines << shared::textOf(body, "content");
    }
    const std::pair<const char *, QString> settings[] = { { "model", Tr::tr("Model: %1") },
                                                          { "temperature", Tr::tr("Temperature: %1") },
                                                          { "max_tokens", Tr::tr("Max tokens: %1") } };
    for (const auto &[key, text] : settings) {
        if (!shared::textOf(body, key).isEmpty())
            lines << text.arg(shared::textOf(body, key));
    }
    return lines.join(QLatin1Char('\n'));
}

Result<QString> PromptStore::create(const nlohmann::json &fields, const QString &ownerId)
{
    return m_content.create(prompts(), fields, ownerId);
}

Result<std::optional<nlohmann::json>> PromptStore::get(const QString &id)
{
    return m_content.get(prompts(), id);
}

VoidResult PromptStore::update(const QString &id, const nlohmann::json &fields)
{
    return m_content.update(prompts(), id, fields);
}

Result<bool> PromptStore::isFavourite(const QString &promptId, const QString &userId)
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT 1 FROM %1 WHERE prompt_id = ? AND owner_id = ?").arg(shared::promptFavoritesTable()),
        { promptId, userId });
    if (!q)
        return q.error();
    return q->next();
}

VoidResult PromptStore::setFavourite(const QString &promptId, const QString &userId, bool on)
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT id FROM %1 WHERE prompt_id = ? AND owner_id = ?").arg(shared::promptFavoritesTable()),
        { promptId, userId });
    if (!q)
        return q.error();
    QStringList existing;
    while (q->next())
        existing << q->value(0).toString();
    if (on) {
        if (!existing.isEmpty())
            return VoidResult::success();
        Result<QString> id = m_content.create(favourites(), { { "prompt_id", promptId.toStdString() } }, userId);
        return id ? VoidResult::success() : VoidResult(id.error());
    }
    // Two replicas may each have starred it: unstarring removes every star.
    for (const QString &id : existing) {
        if (VoidResult r = m_content.remove(favourites(), id); !r)
            return r;
    }
    return VoidResult::success();
}

Result<QList<PromptVersion>> PromptStore::versionsOf(const QString &promptId)
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT id FROM %1 WHERE prompt_id = ? ").arg(shared::promptVersionsTable()) + kVersionOrder,
        { promptId });
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    QList<PromptVersion> out;
    for (const QString &id : ids) {
        Result<std::optional<PromptVersion>> v = version(id);
        if (!v)
            return v.error();
        if (*v)
            out.append(**v);
    }
    return out;
}

Result<std::optional<PromptVersion>> PromptStore::version(const QString &versionId)
{
    Result<std::optional<nlohmann::json>> row = m_content.get(versions(), versionId);
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<PromptVersion>();
    const nlohmann::json &r = **row;
    PromptVersion v { versionId,
                      shared::textOf(r, "number"),
                      shared::textOf(r, "owner_id"),
                      shared::textOf(r, "created_at"),
                      shared::textOf(r, "message"),
                      bodyOf(r),
                      {} };
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT name FROM %1 WHERE version_id = ? ORDER BY name").arg(shared::promptLabelsTable()),
        { versionId });
    if (!q)
        return q.error();
    while (q->next())
        v.labels << q->value(0).toString();
    return std::optional<PromptVersion>(std::move(v));
}

Result<QString> PromptStore::saveVersion(const QString &promptId, const QString &message, const QString &userId)
{
    Result<std::optional<nlohmann::json>> prompt = get(promptId);
    if (!prompt)
        return prompt.error();
    if (!*prompt)
        return Error::make(shared::ErrorCode::NotFound,
                           Tr::tr("There is no prompt with the id %1 in this replica.").arg(promptId));
    nlohmann::json fields = bodyOf(**prompt);
    fields["prompt_id"] = promptId.toStdString();
    fields["message"] = message.trimmed().toStdString();
    return m_content.create(versions(), fields, userId);
}

Result<bool> PromptStore::needsVersion(const QString &promptId)
{
    Result<std::optional<nlohmann::json>> prompt = get(promptId);
    if (!prompt)
        return prompt.error();
    if (!*prompt)
        return false;
    Result<QList<PromptVersion>> all = versionsOf(promptId);
    if (!all)
        return all.error();
    // Without a version, an untouched new prompt needs none.
    const nlohmann::json before
        = all->isEmpty() ? bodyOf(versions().withDefaults(nlohmann::json::object())) : all->last().body;
    return bodyOf(**prompt) != before;
}

Result<std::optional<QString>> PromptStore::saveVersionIfChanged(const QString &promptId, const QString &userId,
                                                                 const QString &message)
{
    Result<bool> needed = needsVersion(promptId);
    if (!needed)
        return needed.error();
    if (!*needed)
        return std::optional<QString>();
    Result<QString> id = saveVersion(promptId, message, userId);
    if (!id)
        return id.error();
    return std::optional<QString>(*id);
}

Result<QString> PromptStore::restore(const QString &promptId, const QString &versionId, const QString &userId)
{
    Result<std::optional<PromptVersion>> v = version(versionId);
    if (!v)
        return v.error();
    if (!*v)
        return notFound(versionId);
    if (VoidResult r = update(promptId, (*v)->body); !r)
        return r.error();
    const QString message = (*v)->isNumbered() ? Tr::tr("Restored version %1").arg((*v)->number)
                                               : Tr::tr("Restored an unnumbered version");
    return saveVersion(promptId, message, userId);
}

Result<QString> PromptStore::includeText(const QString &name, const QString &ref, const QString &userId)
{
    const auto missing = [&] {
        return Error::make(shared::ErrorCode::NotFound,
                           ref.isEmpty() ? Tr::tr("There is no prompt called “%1” in this replica.").arg(name)
                                         : Tr::tr("“%1” has no version “%2” in this replica.").arg(name, ref));
    };
    Result<QSqlQuery> q = m_db.exec(QStringLiteral("SELECT id, content FROM %1 WHERE name = ? "
                                                   "ORDER BY CASE WHEN owner_id = ? THEN 0 ELSE 1 END, id LIMIT 1")
                                        .arg(shared::promptsTable()),
                                    { name, userId });
    if (!q)
        return q.error();
    if (!q->next())
        return missing();
    const QString promptId = q->value(0).toString();
    const QString text = q->value(1).toString();
    if (ref.isEmpty()) {
        Result<QList<PromptVersion>> all = versionsOf(promptId);
        if (!all)
            return all.error();
        return all->isEmpty() ? text : shared::textOf(all->last().body, "content");
    }
    bool isNumber = false;
    ref.toInt(&isNumber);
    Result<QSqlQuery> v = isNumber
        ? m_db.exec(QStringLiteral("SELECT content FROM %1 WHERE prompt_id = ? AND number = ?")
                        .arg(shared::promptVersionsTable()),
                    { promptId, ref })
        : m_db.exec(QStringLiteral("SELECT v.content FROM %1 l JOIN %2 v ON v.id = "
                                   "l.version_id WHERE l.prompt_id = ? AND l.name = ?")
                        .arg(shared::promptLabelsTable(), shared::promptVersionsTable()),
                    { promptId, ref });
    if (!v)
        return v.error();
    if (!v->next())
        return missing();
    return v->value(0).toString();
}

Result<QStringList> PromptStore::promptNames()
{
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT DISTINCT name FROM %1 WHERE name <> '' ORDER BY name LIMIT 5000")
                        .arg(shared::promptsTable()));
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names << q->value(0).toString();
    return names;
}

Result<QList<PromptLabel>> PromptStore::labelsOf(const QString &promptId)
{
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT id, name, COALESCE(version_id, ''), COALESCE(pending_version_id, ''), "
                                   "COALESCE(requested_by, '') FROM %1 WHERE prompt_id = ? ORDER BY name, id")
                        .arg(shared::promptLabelsTable()),
                    { promptId });
    if (!q)
        return q.error();
    QList<PromptLabel> out;
    while (q->next())
        out.append({ q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                     q->value(4).toString() });
    return out;
}

VoidResult PromptStore::requestLabel(const QString &promptId, const QString &name, const QString &versionId,
                                     const QString &userId)
{
    // A first production: nothing to point at until it is approved.
    return writeLabel(promptId, name, "pending_version_id", versionId, userId);
}

VoidResult PromptStore::approveLabel(const PromptLabel &label)
{
    if (!label.isWaiting())
        return VoidResult::success();
    return m_content.update(labels(), label.id,
                            { { "version_id", label.pendingVersionId.toStdString() }, { "pending_version_id", "" } });
}

Result<bool> PromptStore::approvalRequired(const QString &promptId)
{
    Result<std::optional<nlohmann::json>> prompt = get(promptId);
    if (!prompt)
        return prompt.error();
    return *prompt && shared::textOf(**prompt, "approval_required") == shared::kFlags.name(true);
}

VoidResult PromptStore::setApprovalRequired(const QString &promptId, bool on)
{
    return update(promptId, { { "approval_required", shared::kFlags.name(on).toStdString() } });
}

VoidResult PromptStore::setLabel(const QString &promptId, const QString &name, const QString &versionId,
                                 const QString &userId)
{
    return writeLabel(promptId, name, "version_id", versionId, userId);
}

VoidResult PromptStore::writeLabel(const QString &promptId, const QString &name, const char *column,
                                   const QString &versionId, const QString &userId)
{
    Result<QList<PromptLabel>> existing = labelsOf(promptId);
    if (!existing)
        return existing.error();
    for (const PromptLabel &l : *existing) {
        if (l.name == name)
            return m_content.update(labels(), l.id, { { column, versionId.toStdString() } });
    }
    Result<QString> id = m_content.create(labels(),
                                          { { "prompt_id", promptId.toStdString() },
                                            { "name", name.toStdString() },
                                            { column, versionId.toStdString() } },
                                          userId);
    return id ? VoidResult::success() : VoidResult(id.error());
}

Result<QString> PromptStore::recordUse(const QString &promptId, shared::PromptUse use, const nlohmann::json &variables,
                                       const QString &userId, const QString &output)
{
    // A use names the version it used: the owner's changed prompt becomes
    // one first (another user's is used as its latest version has it).
    Result<std::optional<nlohmann::json>> prompt = get(promptId);
    if (!prompt)
        return prompt.error();
    if (*prompt && shared::textOf(**prompt, "owner_id") == userId) {
        if (Result<std::optional<QString>> saved = saveVersionIfChanged(promptId, userId); !saved)
            return saved.error();
    }
    Result<QList<PromptVersion>> all = versionsOf(promptId);
    if (!all)
        return all.error();
    Result<nlohmann::json> prefs = preferencesOf(userId);
    if (!prefs)
        return prefs.error();
    const bool keep = shared::textOf(*prefs, "keep_variables") == shared::kFlags.name(true);
    nlohmann::json fields { { "prompt_id", promptId.toStdString() },
                            { "version_id", all->isEmpty() ? std::string() : all->last().id.toStdString() },
                            { "use", shared::kPromptUses.name(use).toStdString() },
                            { "variables", keep ? variables.dump() : std::string("{}") },
                            { "source", "desktop" } };
    if (!output.isEmpty())
        fields["output"] = output.toStdString();
    return m_content.create(usage(), fields, userId);
}

Result<QList<PromptUseRecord>> PromptStore::usageOf(const QString &promptId)
{
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT u.id, u.created_at, COALESCE(v.number, ''), u.use, COALESCE(u.source, ''), "
                                   "COALESCE(u.count, '1'), COALESCE(u.output, ''), u.owner_id FROM %1 u "
                                   "LEFT JOIN %2 v ON v.id = u.version_id WHERE u.prompt_id = ? "
                                   "ORDER BY u.created_at DESC, u.id DESC")
                        .arg(shared::promptUsageTable(), shared::promptVersionsTable()),
                    { promptId });
    if (!q)
        return q.error();
    QList<PromptUseRecord> out;
    while (q->next()) {
        PromptUseRecord r;
        r.id = q->value(0).toString();
        r.createdAt = q->value(1).toString();
        r.versionNumber = q->value(2).toString();
        r.use = q->value(3).toString();
        r.source = q->value(4).toString();
        bool ok = false;
        r.count = std::max<qint64>(1, q->value(5).toString().toLongLong(&ok));
        r.output = q->value(6).toString();
        r.ownerId = q->value(7).toString();
        out.append(r);
    }
    return out;
}

Result<std::optional<QString>> PromptStore::preferencesId(const QString &userId)
{
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT id FROM %1 WHERE owner_id = ? ORDER BY created_at, id LIMIT 1")
                        .arg(shared::promptPreferencesTable()),
                    { userId });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QString>();
    return std::optional<QString>(q->value(0).toString());
}

Result<nlohmann::json> PromptStore::preferencesOf(const QString &userId)
{
    Result<std::optional<QString>> id = preferencesId(userId);
    if (!id)
        return id.error();
    if (*id) {
        Result<std::optional<nlohmann::json>> row = m_content.get(preferences(), **id);
        if (!row)
            return row.error();
        if (*row)
            return **row;
    }
    return preferences().withDefaults(nlohmann::json::object());
}

VoidResult PromptStore::setPreference(const QString &userId, const QString &key, const QString &value)
{
    Result<std::optional<QString>> id = preferencesId(userId);
    if (!id)
        return id.error();
    const nlohmann::json change { { key.toStdString(), value.toStdString() } };
    if (*id)
        return m_content.update(preferences(), **id, change);
    Result<QString> made = m_content.create(preferences(), change, userId);
    return made ? VoidResult::success() : VoidResult(made.error());
}

} // namespace quire::desktop
