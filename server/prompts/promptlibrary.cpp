// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptlibrary.h"

#include "server/prompts/promptjson.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/database.h"
#include "shared/prompttables.h"
#include "shared/uuid.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::Result;

namespace {

const QString kPrompts = shared::promptsTable();
const QString kVersions = shared::promptVersionsTable();
const QString kLabels = shared::promptLabelsTable();
const QString kFavorites = shared::promptFavoritesTable();
const QString kPreferences = shared::promptPreferencesTable();

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QLatin1String(", "));
}

} // namespace

PromptLibrary::PromptLibrary(WorkerServices &services, const Principal &who)
    : m_services(services)
    , m_who(who)
    , m_writer(services, who)
{ }

shared::Database &PromptLibrary::database()
{
    return m_services.database();
}

Result<QList<StoredRow>> PromptLibrary::visibleRows(const QString &table, const QString &where, QVariantList binds,
                                                    const QString &tail, const QVariantList &tailBinds)
{
    const SyncAccess *access = SyncAccess::find(table);
    if (!access)
        return shared::Error::make(shared::ErrorCode::UnknownTable, QStringLiteral("No such table."));
    SyncRows rows(database(), access->table());
    QVariantList visibleBinds;
    const QString visible = access->visibleWhere(m_who, visibleBinds);
    binds += visibleBinds;
    binds += tailBinds;
    Result<QSqlQuery> q = database().exec(QStringLiteral("SELECT %1 FROM %2 WHERE deleted = 0 AND %3 AND %4 %5")
                                              .arg(rows.selectList(), table, where, visible, tail),
                                          binds);
    if (!q)
        return q.error();
    QList<StoredRow> out;
    while (q->next())
        out << rows.read(*q);
    return out;
}

Result<std::optional<StoredRow>> PromptLibrary::prompt(const QString &id)
{
    return m_writer.load(kPrompts, id);
}

Result<std::optional<StoredRow>> PromptLibrary::version(const QString &promptId, std::optional<qint64> number)
{
    // Numbers are given in arrival order, so the latest is the highest.
    Result<QList<StoredRow>> rows = number
        ? visibleRows(kVersions, QStringLiteral("prompt_id = ? AND number = ?"), { promptId, QString::number(*number) })
        : visibleRows(kVersions, QStringLiteral("prompt_id = ?"), { promptId },
                      QStringLiteral("ORDER BY CAST(number AS INTEGER) DESC, created_at DESC LIMIT 1"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<StoredRow>();
    return std::optional<StoredRow>(rows->first());
}

Result<std::optional<StoredRow>> PromptLibrary::versionAt(const QString &promptId, const QString &ref)
{
    if (ref.isEmpty() || ref == QLatin1String(shared::kLatestLabel))
        return version(promptId, std::nullopt);
    if (const std::optional<qint64> number = positive(ref))
        return version(promptId, number);
    Result<std::optional<StoredRow>> found = label(promptId, ref);
    if (!found || !*found)
        return found;
    const QString versionId = QString::fromStdString((*found)->values.value("version_id", std::string()));
    Result<QList<StoredRow>> rows
        = visibleRows(kVersions, QStringLiteral("id = ? AND prompt_id = ?"), { versionId, promptId });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<StoredRow>() : std::optional<StoredRow>(rows->first());
}

Result<std::optional<StoredRow>> PromptLibrary::promptNamed(const QString &name, const QString &preferredOwner)
{
    Result<QList<StoredRow>> rows = visibleRows(
        kPrompts, QStringLiteral("name = ?"), { name },
        QStringLiteral(
            "ORDER BY CASE WHEN owner_id = ? THEN 0 WHEN owner_id = ? THEN 1 ELSE 2 END, created_at, id LIMIT 1"),
        { preferredOwner, m_who.userId });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<StoredRow>() : std::optional<StoredRow>(rows->first());
}

shared::IncludeResolver PromptLibrary::includeResolver(const QString &owner)
{
    return [this, owner](const QString &name, const QString &ref) -> Result<QString> {
        Result<std::optional<StoredRow>> included = promptNamed(name, owner);
        if (!included)
            return included.error();
        if (!*included)
            return shared::Error::make(shared::ErrorCode::NotFound,
                                       QStringLiteral("No prompt you may read is called “%1”.").arg(name));
        Result<std::optional<StoredRow>> at
            = versionAt(QString::fromStdString((*included)->values.value("id", std::string())), ref);
        if (!at)
            return at.error();
        // The latest of a prompt without versions yet (made on a replica) is its own text.
        const bool latest = ref.isEmpty() || ref == QLatin1String(shared::kLatestLabel);
        if (!*at && !latest)
            return shared::Error::make(shared::ErrorCode::NotFound,
                                       QStringLiteral("“%1” has no version or label “%2”.").arg(name, ref));
        return QString::fromStdString((*at ? **at : **included).values.value("content", std::string()));
    };
}

Result<StoredRow> PromptLibrary::addVersion(const QString &promptId, const nlohmann::json &values,
                                            const QString &message)
{
    nlohmann::json fields = PromptJson::versionedValues(values);
    fields["prompt_id"] = promptId.toStdString();
    fields["message"] = message.toStdString();
    return m_writer.upsert(kVersions, shared::Uuid::createV7(), fields);
}

Result<QList<StoredRow>> PromptLibrary::labels(const QString &promptId)
{
    return visibleRows(kLabels, QStringLiteral("prompt_id = ?"), { promptId }, QStringLiteral("ORDER BY name, id"));
}

Result<std::optional<StoredRow>> PromptLibrary::label(const QString &promptId, const QString &name)
{
    Result<QList<StoredRow>> rows = visibleRows(kLabels, QStringLiteral("prompt_id = ? AND name = ?"),
                                                { promptId, name }, QStringLiteral("ORDER BY created_at, id"));
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<StoredRow>() : std::optional<StoredRow>(rows->first());
}

Result<QHash<QString, qint64>> PromptLibrary::versionNumbers(const QStringList &ids)
{
    QHash<QString, qint64> out;
    QStringList wanted = ids;
    wanted.removeAll(QString());
    wanted.removeDuplicates();
    if (wanted.isEmpty())
        return out;
    QVariantList binds;
    for (const QString &id : wanted)
        binds << id;
    Result<QList<StoredRow>> rows
        = visibleRows(kVersions, QStringLiteral("id IN (%1)").arg(placeholders(wanted.size())), binds);
    if (!rows)
        return rows.error();
    for (const StoredRow &r : *rows)
        out.insert(QString::fromStdString(r.values.value("id", std::string())),
                   QString::fromStdString(r.values.value("number", std::string())).toLongLong());
    return out;
}

Result<QSet<QString>> PromptLibrary::favorites(const QStringList &promptIds)
{
    QSet<QString> out;
    if (promptIds.isEmpty())
        return out;
    QVariantList binds { m_who.userId };
    for (const QString &id : promptIds)
        binds << id;
    Result<QList<StoredRow>> rows = visibleRows(
        kFavorites, QStringLiteral("owner_id = ? AND prompt_id IN (%1)").arg(placeholders(promptIds.size())), binds);
    if (!rows)
        return rows.error();
    for (const StoredRow &r : *rows)
        out.insert(QString::fromStdString(r.values.value("prompt_id", std::string())));
    return out;
}

Result<QString> PromptLibrary::favoriteId(const QString &promptId)
{
    Result<QList<StoredRow>> rows = visibleRows(kFavorites, QStringLiteral("owner_id = ? AND prompt_id = ?"),
                                                { m_who.userId, promptId }, QStringLiteral("LIMIT 1"));
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QString() : QString::fromStdString(rows->first().values.value("id", std::string()));
}

Result<std::optional<StoredRow>> PromptLibrary::preferences()
{
    Result<QList<StoredRow>> rows = visibleRows(kPreferences, QStringLiteral("owner_id = ?"), { m_who.userId },
                                                QStringLiteral("ORDER BY created_at, id LIMIT 1"));
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<StoredRow>() : std::optional<StoredRow>(rows->first());
}

Result<QString> PromptLibrary::userName(const QString &userId)
{
    Result<QVariant> name = database().scalar(QStringLiteral("SELECT name FROM users WHERE id = ?"), { userId });
    if (!name)
        return name.error();
    return name->toString();
}

Result<StoredRow> PromptLibrary::recordUse(const QString &promptId, const StoredRow &version, shared::PromptUse use,
                                           const nlohmann::json &variables, const QString &source)
{
    Result<std::optional<StoredRow>> prefs = preferences();
    if (!prefs)
        return prefs.error();
    const bool keep = *prefs
        && shared::kFlags.fromName(QString::fromStdString((*prefs)->values.value("keep_variables", std::string())))
               .value_or(false);
    const nlohmann::json fields { { "prompt_id", promptId.toStdString() },
                                  { "version_id", version.values.value("id", std::string()) },
                                  { "use", shared::kPromptUses.name(use).toStdString() },
                                  { "variables", keep && variables.is_object() ? variables.dump() : std::string("{}") },
                                  { "source", source.toStdString() } };
    return m_writer.upsert(shared::promptUsageTable(), shared::Uuid::createV7(), fields);
}

Result<nlohmann::json> PromptLibrary::labelsJson(const QList<StoredRow> &labels)
{
    QStringList ids;
    for (const StoredRow &l : labels)
        ids << QString::fromStdString(l.values.value("version_id", std::string()))
            << QString::fromStdString(l.values.value("pending_version_id", std::string()));
    Result<QHash<QString, qint64>> numbers = versionNumbers(ids);
    if (!numbers)
        return numbers.error();
    const auto numberOf = [&](const StoredRow &l, const char *column) {
        const QString id = QString::fromStdString(l.values.value(column, std::string()));
        return numbers->contains(id) ? nlohmann::json(numbers->value(id)) : nlohmann::json();
    };
    const auto orNull = [](const StoredRow &l, const char *column) {
        const std::string s = l.values.value(column, std::string());
        return s.empty() ? nlohmann::json() : nlohmann::json(s);
    };
    nlohmann::json out = nlohmann::json::array();
    for (const StoredRow &l : labels) {
        out.push_back({ { "name", l.values.value("name", std::string()) },
                        { "version", numberOf(l, "version_id") },
                        { "version_id", orNull(l, "version_id") },
                        { "pending_version", numberOf(l, "pending_version_id") },
                        { "requested_by", orNull(l, "requested_by") },
                        { "approved_by", orNull(l, "approved_by") },
                        { "updated_at", l.values.value("updated_at", std::string()) },
                        { "rev", l.rev } });
    }
    return out;
}

Result<nlohmann::json> PromptLibrary::detail(const StoredRow &row)
{
    const QString id = QString::fromStdString(row.values.value("id", std::string()));
    Result<QString> owner = userName(QString::fromStdString(row.values.value("owner_id", std::string())));
    if (!owner)
        return owner.error();
    nlohmann::json out = PromptJson::prompt(row, *owner);
    Result<std::optional<StoredRow>> latest = version(id, std::nullopt);
    if (!latest)
        return latest.error();
    out["latest_version"] = *latest ? PromptJson::version(**latest, QString(), false)["number"] : nlohmann::json();
    Result<QList<StoredRow>> found = labels(id);
    if (!found)
        return found.error();
    Result<nlohmann::json> labelList = labelsJson(*found);
    if (!labelList)
        return labelList.error();
    out["labels"] = *labelList;
    Result<QSet<QString>> starred = favorites({ id });
    if (!starred)
        return starred.error();
    out["favorite"] = starred->contains(id);
    return out;
}

CollectionListing::Condition PromptLibrary::favoriteCondition(const Principal &who)
{
    return { QStringLiteral("EXISTS (SELECT 1 FROM %1 f WHERE f.prompt_id = t.id AND f.owner_id = ? AND f.deleted = 0)")
                 .arg(kFavorites),
             { who.userId } };
}

HttpResponse PromptLibrary::notFound(const QString &message)
{
    return errorResponse(shared::Error::make(shared::ErrorCode::NotFound, message));
}

std::optional<qint64> PromptLibrary::expectedRev(const HttpRequest &request)
{
    if (request.json.is_object() && request.json.contains("rev") && request.json["rev"].is_number_integer())
        return request.json["rev"].get<qint64>();
    const QByteArray match = request.header("If-Match").trimmed();
    bool ok = false;
    const qint64 rev = QByteArray(match).replace('"', "").toLongLong(&ok);
    return ok ? std::optional(rev) : std::nullopt;
}

std::optional<qint64> PromptLibrary::positive(const QString &text)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok && n > 0 ? std::optional(n) : std::nullopt;
}

} // namespace quire::server
