// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/groupshareroutes.h"

#include "server/accounts/accountstore.h"
#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/prompts/grouproutes.h"
#include "server/prompts/groupstore.h"
#include "server/servercontext.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/promptnames.h"
#include "shared/user.h"
#include "shared/uuid.h"

namespace quire::server::GroupShareRoutes {

namespace {

using shared::Error;
using shared::JsonReader;
using shared::Result;
using shared::VoidResult;

QString text(const StoredRow &row, const char *column)
{
    return shared::textOf(row.values, column);
}

bool isOwner(const StoredRow &group, const Principal &who)
{
    return text(group, "owner_id") == who.userId;
}

// The role a body grants; a message in `errors` when it names none.
QString roleFrom(JsonReader &reader, shared::FieldErrors &errors)
{
    const std::optional<QString> role = reader.string("role", JsonReader::Presence::Required);
    if (role && !shared::kShareRoles.fromName(*role)) {
        errors.add(QStringLiteral("role"),
                   QStringLiteral("Must be one of: %1.").arg(shared::kShareRoles.names().join(QLatin1String(", "))));
        return {};
    }
    return role.value_or(QString());
}

HttpResponse shareResponse(int status, GroupStore &store, const StoredRow &share, bool withEmail)
{
    Result<nlohmann::json> listed = store.sharesJson({ share }, withEmail);
    if (!listed)
        return errorResponse(listed.error());
    return HttpResponse::json(status, listed->at(0));
}

// Shares `group` with the account `user` as `role`, or changes the role of
// the share it has: one share per user, made in one transaction.
HttpResponse grant(WorkerServices &services, const Principal &who, GroupStore &store, const StoredRow &group,
                   const shared::User &user, const QString &role)
{
    if (user.id == text(group, "owner_id"))
        return GroupRoutes::invalid(QStringLiteral("user_id"), QStringLiteral("The group's owner has it already."));
    const QString groupId = text(group, "id");
    ContentWriter writer(services, who);
    std::optional<StoredRow> share;
    bool created = false;
    VoidResult done = writer.transaction([&]() -> VoidResult {
        Result<std::optional<StoredRow>> existing = store.shareWith(groupId, user.id);
        if (!existing)
            return existing.error();
        created = !*existing;
        const QString id = created ? shared::Uuid::createV7() : text(**existing, "id");
        nlohmann::json fields { { "role", role } };
        if (created)
            fields.update({ { "group_id", groupId }, { "user_id", user.id } });
        Result<StoredRow> row = writer.upsert(GroupStore::kShares, id, fields);
        if (!row)
            return row.error();
        share = *row;
        return VoidResult::success();
    });
    if (!done)
        return errorResponse(done.error());
    return shareResponse(created ? 201 : 200, store, *share, isOwner(group, who));
}

HttpResponse list(HttpRequest &request, WorkerServices &services)
{
    GroupStore store(services, *request.principal);
    auto found = GroupRoutes::findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const StoredRow &group = std::get<StoredRow>(found);
    Result<QList<StoredRow>> shares = store.shares(text(group, "id"));
    if (!shares)
        return errorResponse(shares.error());
    Result<nlohmann::json> items = store.sharesJson(*shares, isOwner(group, *request.principal));
    if (!items)
        return errorResponse(items.error());
    return HttpResponse::json(200, { { "items", *items } });
}

HttpResponse put(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    JsonReader reader(request.json, errors);
    const QString role = roleFrom(reader, errors);
    reader.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    GroupStore store(services, *request.principal);
    auto found = GroupRoutes::findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    Result<std::optional<StoredUser>> user
        = services.accounts().findById(request.params.value(QStringLiteral("userId")));
    if (!user)
        return errorResponse(user.error());
    if (!*user)
        return HttpResponse::error(shared::ErrorCode::NotFound, QStringLiteral("There is no such user."));
    return grant(services, *request.principal, store, std::get<StoredRow>(found), (*user)->user, role);
}

HttpResponse post(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    JsonReader reader(request.json, errors);
    const std::optional<QString> email = reader.string("email", JsonReader::Presence::Required);
    const QString role = roleFrom(reader, errors);
    reader.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    GroupStore store(services, *request.principal);
    auto found = GroupRoutes::findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const StoredRow &group = std::get<StoredRow>(found);
    // Whether an address has an account is the owner's to learn only (the
    // one who shares): anyone else is refused before it is looked up, the
    // same for every address.
    if (!isOwner(group, *request.principal))
        return HttpResponse::error(shared::ErrorCode::Forbidden,
                                   QStringLiteral("Only the group's owner can share it."));
    Result<std::optional<StoredUser>> user = services.accounts().findByEmail(shared::User::normalizeEmail(*email));
    if (!user)
        return errorResponse(user.error());
    if (!*user)
        return GroupRoutes::invalid(QStringLiteral("email"), QStringLiteral("No account uses this address."));
    return grant(services, *request.principal, store, group, (*user)->user, role);
}

HttpResponse revoke(HttpRequest &request, WorkerServices &services)
{
    GroupStore store(services, *request.principal);
    auto found = GroupRoutes::findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    Result<QList<StoredRow>> shares = store.shares(text(std::get<StoredRow>(found), "id"));
    if (!shares)
        return errorResponse(shares.error());
    const QString userId = request.params.value(QStringLiteral("userId"));
    for (const StoredRow &share : *shares) {
        if (text(share, "user_id") != userId)
            continue;
        ContentWriter writer(services, *request.principal);
        if (VoidResult r = writer.remove(GroupStore::kShares, text(share, "id")); !r)
            return errorResponse(r.error());
        return HttpResponse::noContent();
    }
    return HttpResponse::error(shared::ErrorCode::NotFound, QStringLiteral("The group is not shared with this user."));
}

} // namespace

void install(Router &router, const QString &item)
{
    const Guard guard = Guard::user();
    const QString shares = item + QStringLiteral("/shares");
    const QString share = shares + QStringLiteral("/:userId");
    router.add(QStringLiteral("GET"), shares, list, Router::BodyKind::None, guard);
    router.add(QStringLiteral("POST"), shares, post, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("PUT"), share, put, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("DELETE"), share, revoke, Router::BodyKind::None, guard);
}

} // namespace quire::server::GroupShareRoutes
