// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/groupmemberroutes.h"

#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/prompts/grouproutes.h"
#include "server/prompts/groupstore.h"
#include "server/prompts/memberorder.h"
#include "server/servercontext.h"
#include "shared/fractionalposition.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"
#include "shared/uuid.h"

#include <QSet>

namespace quire::server::GroupMemberRoutes {

namespace {

using shared::Error;
using shared::JsonReader;
using shared::Result;
using shared::VoidResult;

constexpr int kMaxLabelLength = 40;
const QString kPrompts = shared::promptsTable();
// Where POST …/prompts puts the prompt: "end" (the default), "start", or "after:<prompt id>".
const QString kAtEnd = QStringLiteral("end");
const QString kAtStart = QStringLiteral("start");
const QString kAfter = QStringLiteral("after:");

QString text(const StoredRow &row, const char *column)
{
    return shared::textOf(row.values, column);
}

HttpResponse noSuchMember()
{
    return HttpResponse::error(shared::ErrorCode::NotFound, QStringLiteral("The prompt is not in this group."));
}

// The pin columns from pinned_version (a number) or pinned_label (a name),
// checked against the prompt; null for both unpins. nullopt when the body
// names neither. Problems go to `errors`.
Result<std::optional<nlohmann::json>> pinFields(GroupStore &store, JsonReader &reader, const QString &promptId,
                                                shared::FieldErrors &errors)
{
    const bool named = reader.has("pinned_version") || reader.has("pinned_label");
    const std::optional<qint64> version = reader.integer("pinned_version");
    const std::optional<QString> label = reader.string("pinned_label");
    if (!named)
        return std::optional<nlohmann::json>();
    if (version && label) {
        errors.add(QStringLiteral("pinned_label"), QStringLiteral("Pin to a version or to a label, not both."));
        return std::optional<nlohmann::json>();
    }
    if (version) {
        if (*version < 1) {
            errors.add(QStringLiteral("pinned_version"), QStringLiteral("Versions are numbered from 1."));
            return std::optional<nlohmann::json>();
        }
        Result<std::optional<QString>> id = store.versionId(promptId, *version);
        if (!id)
            return id.error();
        if (!*id) {
            errors.add(QStringLiteral("pinned_version"), QStringLiteral("The prompt has no version %1.").arg(*version));
            return std::optional<nlohmann::json>();
        }
        return std::optional<nlohmann::json>({ { "pinned_version_id", **id }, { "pinned_label", "" } });
    }
    if (label) {
        if (!shared::isSlug(*label) || label->size() > kMaxLabelLength) {
            errors.add(QStringLiteral("pinned_label"), QStringLiteral("Not a label name."));
            return std::optional<nlohmann::json>();
        }
        Result<bool> exists = store.hasLabel(promptId, *label);
        if (!exists)
            return exists.error();
        if (!*exists) {
            errors.add(QStringLiteral("pinned_label"), QStringLiteral("The prompt has no label %1.").arg(*label));
            return std::optional<nlohmann::json>();
        }
        // "latest" is what an unpinned member follows: stored as no pin.
        const QString stored = *label == QLatin1String(shared::kLatestLabel) ? QString() : *label;
        return std::optional<nlohmann::json>({ { "pinned_version_id", "" }, { "pinned_label", stored } });
    }
    return std::optional<nlohmann::json>({ { "pinned_version_id", "" }, { "pinned_label", "" } });
}

// A fresh position key for `place` among `members` (in their order).
Result<QString> positionFor(const QList<StoredRow> &members, const QString &place)
{
    if (members.isEmpty())
        return shared::FractionalPosition::between({}, {});
    if (place == kAtStart)
        return shared::FractionalPosition::between({}, text(members.first(), "position"));
    if (place.startsWith(kAfter)) {
        const QString after = place.mid(kAfter.size());
        for (qsizetype i = 0; i < members.size(); ++i) {
            if (text(members.at(i), "prompt_id") != after)
                continue;
            const QString key = text(members.at(i), "position");
            // Past any member that shares the key (two replicas' inserts), to the next greater one.
            for (qsizetype j = i + 1; j < members.size(); ++j) {
                if (text(members.at(j), "position") > key)
                    return shared::FractionalPosition::between(key, text(members.at(j), "position"));
            }
            return shared::FractionalPosition::between(key, {});
        }
        shared::FieldErrors errors;
        errors.add(QStringLiteral("position"), QStringLiteral("The prompt %1 is not in this group.").arg(after));
        return errors.toError();
    }
    return shared::FractionalPosition::between(text(members.last(), "position"), {});
}

HttpResponse memberResponse(int status, GroupStore &store, const StoredRow &member)
{
    Result<nlohmann::json> listed = store.membersJson({ member });
    if (!listed)
        return errorResponse(listed.error());
    return HttpResponse::json(status, listed->at(0));
}

HttpResponse add(HttpRequest &request, WorkerServices &services)
{
    GroupStore store(services, *request.principal);
    auto found = GroupRoutes::findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const QString groupId = text(std::get<StoredRow>(found), "id");

    shared::FieldErrors errors;
    JsonReader reader(request.json, errors);
    const std::optional<QString> promptId = reader.uuid("prompt_id", JsonReader::Presence::Required);
    const QString place = reader.string("position").value_or(kAtEnd);
    if (place != kAtEnd && place != kAtStart && !place.startsWith(kAfter))
        errors.add(QStringLiteral("position"), QStringLiteral("Must be end, start or after:<prompt id>."));
    std::optional<nlohmann::json> pin;
    if (promptId) {
        // A prompt the caller may not read is not theirs to add, and not revealed.
        ContentWriter writer(services, *request.principal);
        Result<std::optional<StoredRow>> prompt = writer.load(kPrompts, *promptId);
        if (!prompt)
            return errorResponse(prompt.error());
        if (!*prompt)
            return HttpResponse::error(shared::ErrorCode::NotFound, QStringLiteral("There is no such prompt."));
        Result<std::optional<nlohmann::json>> pinned = pinFields(store, reader, *promptId, errors);
        if (!pinned)
            return errorResponse(pinned.error());
        pin = *pinned;
    } else {
        reader.integer("pinned_version");
        reader.string("pinned_label");
    }
    reader.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());

    ContentWriter writer(services, *request.principal);
    std::optional<StoredRow> created;
    // Read and write in one transaction: the rules refuse a second member
    // for the prompt (already_exists) against the members as they are.
    VoidResult done = writer.transaction([&]() -> VoidResult {
        Result<QList<StoredRow>> members = store.members(groupId);
        if (!members)
            return members.error();
        Result<QString> position = positionFor(*members, place);
        if (!position)
            return position.error();
        nlohmann::json fields { { "group_id", groupId }, { "prompt_id", *promptId }, { "position", *position } };
        if (pin)
            fields.update(*pin);
        Result<StoredRow> row = writer.upsert(GroupStore::kMembers, shared::Uuid::createV7(), fields);
        if (!row)
            return row.error();
        created = *row;
        return VoidResult::success();
    });
    if (!done)
        return errorResponse(done.error());
    return memberResponse(201, store, *created);
}

// The member of the path's group holding the path's prompt; otherwise the answer.
std::variant<StoredRow, HttpResponse> findMember(GroupStore &store, const HttpRequest &request)
{
    auto found = GroupRoutes::findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    Result<QList<StoredRow>> members = store.members(text(std::get<StoredRow>(found), "id"));
    if (!members)
        return errorResponse(members.error());
    const std::optional<StoredRow> member
        = GroupStore::memberOf(*members, request.params.value(QStringLiteral("promptId")));
    if (!member)
        return noSuchMember();
    return *member;
}

HttpResponse remove(HttpRequest &request, WorkerServices &services)
{
    GroupStore store(services, *request.principal);
    auto found = findMember(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    ContentWriter writer(services, *request.principal);
    if (VoidResult r = writer.remove(GroupStore::kMembers, text(std::get<StoredRow>(found), "id")); !r)
        return errorResponse(r.error());
    return HttpResponse::noContent();
}

HttpResponse pin(HttpRequest &request, WorkerServices &services)
{
    GroupStore store(services, *request.principal);
    auto found = findMember(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const StoredRow member = std::get<StoredRow>(found);
    shared::FieldErrors errors;
    JsonReader reader(request.json, errors);
    Result<std::optional<nlohmann::json>> fields = pinFields(store, reader, text(member, "prompt_id"), errors);
    if (!fields)
        return errorResponse(fields.error());
    reader.integer("rev"); // read by expectedRev()
    reader.refuseUnknown();
    if (errors.isEmpty() && !*fields)
        errors.add(QStringLiteral("pinned_version"),
                   QStringLiteral("Give pinned_version or pinned_label; null for either unpins."));
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    ContentWriter writer(services, *request.principal);
    Result<StoredRow> row
        = writer.upsert(GroupStore::kMembers, text(member, "id"), **fields, GroupRoutes::expectedRev(request));
    if (!row)
        return errorResponse(row.error());
    return memberResponse(200, store, *row);
}

// Why `wanted` is not a new order of `members`, naming the ids; empty when it is.
std::optional<Error> mismatch(const QList<StoredRow> &members, const QStringList &wanted)
{
    QSet<QString> current;
    for (const StoredRow &m : members)
        current.insert(text(m, "prompt_id"));
    QStringList unknown, duplicate, missing;
    QSet<QString> seen;
    for (const QString &id : wanted) {
        if (seen.contains(id) && !duplicate.contains(id))
            duplicate << id;
        else if (!current.contains(id) && !unknown.contains(id))
            unknown << id;
        seen.insert(id);
    }
    for (const StoredRow &m : members) {
        if (!seen.contains(text(m, "prompt_id")))
            missing << text(m, "prompt_id");
    }
    if (unknown.isEmpty() && duplicate.isEmpty() && missing.isEmpty())
        return std::nullopt;
    QMap<QString, QString> fields;
    QStringList parts;
    const auto name = [&](const QString &key, const QStringList &ids, const QString &what) {
        if (ids.isEmpty())
            return;
        fields.insert(key, ids.join(QLatin1String(", ")));
        parts << what.arg(ids.join(QLatin1String(", ")));
    };
    name(QStringLiteral("missing"), missing, QStringLiteral("missing from the list: %1"));
    name(QStringLiteral("unknown"), unknown, QStringLiteral("not in the group: %1"));
    name(QStringLiteral("duplicate"), duplicate, QStringLiteral("listed twice: %1"));
    return Error::make(shared::ErrorCode::MembersMismatch,
                       QStringLiteral("The list is not the group's members (%1). Load the group again and repeat "
                                      "your change.")
                           .arg(parts.join(QLatin1String("; "))),
                       fields);
}

HttpResponse reorder(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    JsonReader reader(request.json, errors);
    QStringList wanted;
    if (reader.array("prompt_ids", JsonReader::Presence::Required)) {
        for (const nlohmann::json &id : request.json["prompt_ids"]) {
            if (!id.is_string()) {
                errors.add(QStringLiteral("prompt_ids"), QStringLiteral("Must be a list of prompt ids."));
                break;
            }
            wanted << id.get<QString>();
        }
    }
    // The order the client saw, from GET /groups/:id: a reorder of a stale order is refused.
    std::optional<QString> expected = reader.string("order_etag");
    if (!expected && !request.header("If-Match").isEmpty())
        expected = QString::fromLatin1(QByteArray(request.header("If-Match").trimmed()).replace('"', ""));
    reader.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());

    GroupStore store(services, *request.principal);
    auto found = GroupRoutes::findGroup(store, request);
    if (auto *response = std::get_if<HttpResponse>(&found))
        return *response;
    const QString groupId = text(std::get<StoredRow>(found), "id");
    ContentWriter writer(services, *request.principal);
    qsizetype moved = 0;
    // One transaction: the list is checked against the members as they are
    // when it applies, and every moved member lands, or none does.
    VoidResult done = writer.transaction([&]() -> VoidResult {
        Result<QList<StoredRow>> members = store.members(groupId);
        if (!members)
            return members.error();
        if (const QString now = GroupStore::orderTag(*members); expected && *expected != now)
            return Error::make(shared::ErrorCode::RevMismatch,
                               QStringLiteral("The group's order changed since you read it. Load it again and "
                                              "repeat your change."),
                               { { QStringLiteral("order_etag"), now } });
        if (std::optional<Error> wrong = mismatch(*members, wanted))
            return *wrong;
        QList<QPair<QString, QString>> current;
        QHash<QString, QString> memberIds;
        for (const StoredRow &m : *members) {
            current << qMakePair(text(m, "id"), text(m, "position"));
            memberIds.insert(text(m, "prompt_id"), text(m, "id"));
        }
        QStringList order;
        for (const QString &promptId : wanted)
            order << memberIds.value(promptId);
        Result<QList<MemberOrder::Move>> moves = MemberOrder::plan(current, order);
        if (!moves)
            return moves.error();
        for (const MemberOrder::Move &move : *moves) {
            Result<StoredRow> row
                = writer.upsert(GroupStore::kMembers, move.memberId, { { "position", move.position } });
            if (!row)
                return row.error();
        }
        moved = moves->size();
        return VoidResult::success();
    });
    if (!done)
        return errorResponse(done.error());
    Result<std::optional<StoredRow>> group = store.group(groupId);
    if (!group)
        return errorResponse(group.error());
    if (!*group)
        return HttpResponse::error(shared::ErrorCode::NotFound, QStringLiteral("There is no such group."));
    Result<nlohmann::json> body = store.detailJson(**group);
    if (!body)
        return errorResponse(body.error());
    (*body)["moved"] = moved;
    return HttpResponse::json(200, *body);
}

} // namespace

void install(Router &router, const QString &item)
{
    const Guard guard = Guard::user();
    const QString members = item + QStringLiteral("/prompts");
    const QString member = members + QStringLiteral("/:promptId");
    router.add(QStringLiteral("POST"), members, add, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("DELETE"), member, remove, Router::BodyKind::None, guard);
    router.add(QStringLiteral("PATCH"), member, pin, Router::BodyKind::Json, guard);
    router.add(QStringLiteral("PUT"), item + QStringLiteral("/reorder"), reorder, Router::BodyKind::Json, guard);
}

} // namespace quire::server::GroupMemberRoutes
