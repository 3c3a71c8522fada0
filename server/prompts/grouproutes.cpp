// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/grouproutes.h"

#include "server/collections/answercache.h"
#include "server/collections/collectionlisting.h"
#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/prompts/groupmemberroutes.h"
#include "server/prompts/groupshareroutes.h"
#include "server/prompts/groupstore.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/uuid.h"

namespace quire::server::GroupRoutes {

namespace {

using shared::Error;
using shared::JsonReader;
using shared::Result;
using shared::VoidResult;

// Which groups GET /groups lists: `owner=me` the caller's own, `owner=shared`
// those others shared with them; neither, both.
const QString kOwnerMe = QStringLiteral("me");
const QString kOwnerShared = QStringLiteral("shared");

constexpr int kMaxNameLength = 120;
constexpr int kMaxDescriptionLength = 2000;

// The group's name and description from a body; `creating` demands the name.
nlohmann::json groupFields(const nlohmann::json &body, bool creating, shared::FieldErrors &errors)
{
    JsonReader reader(body, errors);
    nlohmann::json fields = nlohmann::json::object();
    if (const auto name
        = reader.string("name", creating ? JsonReader::Presence::Required : JsonReader::Presence::Optional)) {
        errors.checkText(QStringLiteral("name"), *name, kMaxNameLength);
        fields["name"] = name->trimmed();
    }
    if (const auto description = reader.string("description")) {
        if (description->size() > kMaxDescriptionLength)
            errors.add(QStringLiteral("description"),
                       QStringLiteral("Must be at most %1 characters.").arg(kMaxDescriptionLength));
        fields["description"] = *description;
    }
    reader.integer("rev"); // read by expectedRev()
    reader.refuseUnknown();
    return fields;
}

HttpResponse detail(int status, GroupStore &store, const StoredRow &group)
{
    Result<nlohmann::json> body = store.detailJson(group);
    if (!body)
        return errorResponse(body.error());
    return HttpResponse::json(status, *body);
}

HttpResponse list(HttpRequest &request, WorkerServices &services)
{
    const Principal &who = *request.principal;
    const QString owner = request.query.queryItemValue(QStringLiteral("owner"));
    QHash<QString, QString> preset;
    QList<CollectionListing::Condition> extra;
    if (owner == kOwnerMe)
        preset.insert(QStringLiteral("author"), who.userId);
    else if (owner == kOwnerShared)
        extra << CollectionListing::Condition { QStringLiteral("t.owner_id <> ?"), { who.userId } };
    else if (!owner.isEmpty())
        return invalid(QStringLiteral("owner"), QStringLiteral("Must be me or shared."));
    const SyncAccess *access = SyncAccess::find(GroupStore::kGroups);
    // Each item names the caller's role: the key is per user whatever the rules' scope.
    const QString key = request.path + QLatin1Char('?') + request.query.toString(QUrl::FullyEncoded) + QLatin1Char('|')
        + access->answerScope(who) + QLatin1Char('|') + who.userId;
    return services.answers().answer(request, key, [&] {
        CollectionListing listing(services.database(), access->table(), *access);
        Result<CollectionListing::Page> page = listing.run(who, request.query, preset, extra);
        if (!page)
            return errorResponse(page.error());
        QStringList ids;
        for (const StoredRow &row : page->rows)
            ids << shared::textOf(row.values, "id");
        GroupStore store(services, who);
        Result<QHash<QString, qint64>> counts = store.memberCounts(ids);
        if (!counts)
            return errorResponse(counts.error());
        Result<QHash<QString, QString>> roles = store.shareRoles(ids);
        if (!roles)
            return errorResponse(roles.error());
        nlohmann::json items = nlohmann::json::array();
        for (qsizetype i = 0; i < page->rows.size(); ++i) {
            const StoredRow &row = page->rows.at(i);
            const QString id = ids.at(i);
            const QString role = shared::textOf(row.values, "owner_id") == who.userId
                ? QString::fromLatin1(GroupStore::kOwnerRole)
                : roles->value(id);
            nlohmann::json item = GroupStore::groupJson(row, page->ownerNames.at(i), role);
            item["member_count"] = counts->value(id);
            items.push_back(std::move(item));
        }
        return HttpResponse::json(200, page->envelope(std::move(items)));
    });
}

HttpResponse create(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    const nlohmann::json fields = groupFields(request.json, true, errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    ContentWriter writer(services, *request.principal);
    Result<StoredRow> row = writer.upsert(GroupStore::kGroups, shared::Uuid::createV7(), fields);
    if (!row)
        return errorResponse(row.error());
    GroupStore store(services, *request.principal);
    HttpResponse response = detail(201, store, *row);
    response.headers.append({ "Location", request.path.toUtf8() + "/" + shared::textOf(row->values, "id").toUtf8() });
    return response;
}

HttpResponse get(HttpRequest &request, WorkerServices &services)
{
    GroupStore store(services, *request.principal);
    auto found = findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    return detail(200, store, std::get<StoredRow>(found));
}

HttpResponse update(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    const nlohmann::json fields = groupFields(request.json, false, errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    GroupStore store(services, *request.principal);
    auto found = findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    ContentWriter writer(services, *request.principal);
    Result<StoredRow> row
        = writer.upsert(GroupStore::kGroups, request.params.value(QStringLiteral("id")), fields, expectedRev(request));
    if (!row)
        return errorResponse(row.error());
    return detail(200, store, *row);
}

// The group goes with its members and shares, all or nothing, so no replica
// keeps a member or a share of a group that is gone.
HttpResponse remove(HttpRequest &request, WorkerServices &services)
{
    GroupStore store(services, *request.principal);
    auto found = findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const QString id = request.params.value(QStringLiteral("id"));
    ContentWriter writer(services, *request.principal);
    VoidResult done = writer.transaction([&]() -> VoidResult {
        for (const QString &table : { GroupStore::kMembers, GroupStore::kShares }) {
            // Every live row of the group, whoever made it: the rules decide whether the caller may remove it.
            Result<QSqlQuery> rows = services.database().exec(
                QStringLiteral("SELECT id FROM %1 WHERE deleted = 0 AND group_id = ?").arg(table), { id });
            if (!rows)
                return rows.error();
            QStringList ids;
            while (rows->next())
                ids << rows->value(0).toString();
            for (const QString &row : ids) {
                if (VoidResult r = writer.remove(table, row); !r)
                    return r;
            }
        }
        return writer.remove(GroupStore::kGroups, id, expectedRev(request));
    });
    if (!done)
        return errorResponse(done.error());
    return HttpResponse::noContent();
}

} // namespace

std::variant<StoredRow, HttpResponse> findGroup(GroupStore &store, const HttpRequest &request)
{
    Result<std::optional<StoredRow>> group = store.group(request.params.value(QStringLiteral("id")));
    if (!group)
        return errorResponse(group.error());
    if (!*group)
        return HttpResponse::error(shared::ErrorCode::NotFound, QStringLiteral("There is no such group."));
    return **group;
}

std::optional<qint64> expectedRev(const HttpRequest &request)
{
    if (request.json.is_object() && request.json.contains("rev") && request.json["rev"].is_number_integer())
        return request.json["rev"].get<qint64>();
    const QByteArray match = request.header("If-Match").trimmed();
    bool ok = false;
    const qint64 rev = QByteArray(match).replace('"', "").toLongLong(&ok);
    return ok ? std::optional(rev) : std::nullopt;
}

HttpResponse invalid(const QString &field, const QString &message)
{
    shared::FieldErrors errors;
    errors.add(field, message);
    return errorResponse(errors.toError());
}

void install(Router &router)
{
    const QString base = QStringLiteral("/api/v1/groups");
    const QString item = base + QStringLiteral("/:id");
    // Signed in is enough at the door: what each may see and change is the tables' rules'.
    const Guard guard = Guard::user();
    router.add(QStringLiteral("GET"), base, list, Router::BodyKind::None, guard);
    router.add(QStringLiteral("POST"), base, create, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("GET"), item, get, Router::BodyKind::None, guard);
    router.add(QStringLiteral("PUT"), item, update, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("DELETE"), item, remove, Router::BodyKind::None, guard);
    GroupMemberRoutes::install(router, item);
    GroupShareRoutes::install(router, item);
}

} // namespace quire::server::GroupRoutes
