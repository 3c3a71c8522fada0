// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptbranchroutes.h"

#include "server/http/router.h"
#include "server/prompts/promptjson.h"
#include "server/prompts/promptlibrary.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/apierror.h"
#include "shared/jsonreader.h"
#include "shared/promptbranchmerge.h"
#include "shared/prompttables.h"
#include "shared/uuid.h"

namespace quire::server::PromptBranchRoutes {

namespace {

using shared::Result;

const QString kPrompts = shared::promptsTable();
// How many "-2", "-3", … a branch's made-up name tries before leaving the choice to the server's refusal.
constexpr int kNameTries = 50;

QString idOf(const StoredRow &row)
{
    return QString::fromStdString(row.values.value("id", std::string()));
}

QString textOf(const nlohmann::json &values, const char *column)
{
    return QString::fromStdString(values.value(column, std::string()));
}

QMap<QString, QString> versioned(const nlohmann::json &values)
{
    const nlohmann::json v = PromptJson::versionedValues(values);
    QMap<QString, QString> out;
    for (const QString &c : PromptJson::versionedColumns())
        out.insert(c, QString::fromStdString(v.value(c.toStdString(), std::string())));
    return out;
}

std::variant<StoredRow, HttpResponse> readable(PromptLibrary &library, const QString &id, const QString &missing)
{
    Result<std::optional<StoredRow>> row = library.prompt(id);
    if (!row)
        return HttpResponse::internalError(row.error());
    if (!*row)
        return PromptLibrary::notFound(missing);
    return **row;
}

// `base`, or the first of base-2, base-3, … the caller has no prompt called.
Result<QString> freeName(PromptLibrary &library, const QString &base)
{
    QString candidate = base;
    for (int n = 2; n <= kNameTries; ++n) {
        Result<std::optional<StoredRow>> taken = library.promptNamed(candidate, library.who().userId);
        if (!taken)
            return taken.error();
        if (!*taken || textOf((**taken).values, "owner_id") != library.who().userId)
            return candidate;
        candidate = QStringLiteral("%1-%2").arg(base).arg(n);
    }
    return candidate;
}

HttpResponse detailResponse(int status, PromptLibrary &library, const StoredRow &row)
{
    Result<nlohmann::json> detail = library.detail(row);
    if (!detail)
        return HttpResponse::internalError(detail.error());
    return HttpResponse::json(status, *detail);
}

// A new prompt of the caller's with the prompt's content and settings, its
// version 1, and where it came from.
HttpResponse branch(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    // The reader keeps a reference: the body (or an empty one) must outlive it.
    const nlohmann::json body = request.json.is_null() ? nlohmann::json::object() : request.json;
    shared::JsonReader r(body, errors);
    const std::optional<QString> title = r.string("title");
    const std::optional<QString> name = r.string("name");
    r.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    PromptLibrary library(services, *request.principal);
    auto found
        = readable(library, request.params.value(QStringLiteral("id")), QStringLiteral("There is no such prompt."));
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    const StoredRow &parent = std::get<StoredRow>(found);
    Result<std::optional<StoredRow>> latest = library.version(idOf(parent), std::nullopt);
    if (!latest)
        return HttpResponse::internalError(latest.error());
    if (!*latest)
        return PromptLibrary::notFound(QStringLiteral("This prompt has no version to branch from."));
    nlohmann::json fields = PromptJson::versionedValues(parent.values);
    for (const char *column : { "description", "category", "tags", "is_template" })
        fields[column] = parent.values.value(column, std::string());
    fields["title"]
        = (title && !title->isEmpty() ? *title : QStringLiteral("%1 (branch)").arg(textOf(parent.values, "title")))
              .toStdString();
    fields["name"]
        = (name && !name->isEmpty() ? *name : textOf(parent.values, "name") + QStringLiteral("-branch")).toStdString();
    fields["branch_of"] = idOf(parent).toStdString();
    fields["branch_base"] = idOf(**latest).toStdString();
    const QString id = shared::Uuid::createV7();
    std::optional<StoredRow> made;
    const auto write = [&]() -> shared::VoidResult {
        Result<StoredRow> row = library.writer().upsert(kPrompts, id, fields);
        if (!row)
            return row.error();
        Result<StoredRow> v = library.addVersion(
            id, row->values, QStringLiteral("Branched from version %1").arg(textOf((**latest).values, "number")));
        if (!v)
            return v.error();
        made = *row;
        return shared::VoidResult::success();
    };
    if (!name || name->isEmpty()) {
        Result<QString> free = freeName(library, textOf(parent.values, "name") + QStringLiteral("-branch"));
        if (!free)
            return HttpResponse::internalError(free.error());
        fields["name"] = free->toStdString();
    }
    const shared::VoidResult done = library.writer().transaction(write);
    if (!done)
        return errorResponse(done.error());
    HttpResponse response = detailResponse(201, library, *made);
    response.headers.append({ "Location", QStringLiteral("/api/v1/prompts/%1").arg(id).toUtf8() });
    return response;
}

nlohmann::json clashesJson(const QList<shared::PromptBranchMerge::Clash> &clashes)
{
    nlohmann::json out = nlohmann::json::array();
    for (const shared::PromptBranchMerge::Clash &c : clashes)
        out.push_back({ { "field", c.column.toStdString() },
                        { "base", c.base.toStdString() },
                        { "ours", c.ours.toStdString() },
                        { "theirs", c.theirs.toStdString() },
                        { "reason", c.reason.toStdString() } });
    return out;
}

// The versioned columns a `resolution` object sets, in their stored form.
QMap<QString, QString> resolutionValues(const std::optional<nlohmann::json> &resolution, shared::FieldErrors &errors)
{
    QMap<QString, QString> out;
    if (!resolution)
        return out;
    const nlohmann::json fields = PromptJson::toFields(*resolution, errors);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString column = QString::fromStdString(it.key());
        if (PromptJson::versionedColumns().contains(column))
            out.insert(column, QString::fromStdString(it.value().get<std::string>()));
        else
            errors.add(QStringLiteral("resolution"),
                       QStringLiteral("Only content, messages, kind and model settings resolve a merge."));
    }
    return out;
}

// The branch's changes since it started, merged into the prompt as a new version.
HttpResponse merge(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    shared::JsonReader r(request.json, errors);
    const std::optional<QString> branchId = r.uuid("branch_id", shared::JsonReader::Presence::Required);
    const std::optional<QString> message = r.string("message");
    const std::optional<nlohmann::json> resolution = r.object("resolution");
    r.refuseUnknown();
    const QMap<QString, QString> resolved = resolutionValues(resolution, errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    PromptLibrary library(services, *request.principal);
    const QString id = request.params.value(QStringLiteral("id"));
    auto target = readable(library, id, QStringLiteral("There is no such prompt."));
    if (auto *refused = std::get_if<HttpResponse>(&target))
        return *refused;
    auto source = readable(library, *branchId, QStringLiteral("There is no such branch."));
    if (auto *refused = std::get_if<HttpResponse>(&source))
        return *refused;
    const StoredRow &prompt = std::get<StoredRow>(target);
    const StoredRow &branchRow = std::get<StoredRow>(source);
    if (textOf(branchRow.values, "branch_of") != id) {
        errors.add(QStringLiteral("branch_id"),
                   QStringLiteral("This prompt is not a branch of the prompt merged into."));
        return errorResponse(errors.toError());
    }
    // Whoever may not change the prompt learns so before any merge is tried.
    if (shared::VoidResult allowed
        = SyncAccess::find(kPrompts)->checkWrite(library.who(), prompt.values, nlohmann::json());
        !allowed)
        return errorResponse(allowed.error());
    const QString baseId = textOf(branchRow.values, "branch_base");
    Result<QHash<QString, qint64>> numbers = library.versionNumbers({ baseId });
    if (!numbers)
        return HttpResponse::internalError(numbers.error());
    Result<std::optional<StoredRow>> base = numbers->contains(baseId)
        ? library.version(id, numbers->value(baseId))
        : Result<std::optional<StoredRow>>(std::optional<StoredRow>());
    if (!base)
        return HttpResponse::internalError(base.error());
    // A base that is gone (deleted) merges from nothing: every change on both sides then meets.
    const QMap<QString, QString> baseValues = *base ? versioned((**base).values) : QMap<QString, QString>();
    shared::PromptBranchMerge m
        = shared::PromptBranchMerge::merge(baseValues, versioned(prompt.values), versioned(branchRow.values));
    for (auto it = resolved.begin(); it != resolved.end(); ++it) {
        m.values.insert(it.key(), it.value());
        m.clashes.removeIf([&](const shared::PromptBranchMerge::Clash &c) { return c.column == it.key(); });
    }
    if (!m.clashes.isEmpty()) {
        const shared::Error clash = shared::Error::make(
            shared::ErrorCode::MergeConflict,
            QStringLiteral("The prompt and the branch changed the same parts; nothing was merged."));
        nlohmann::json body = shared::ApiError::toJson(clash);
        body["error"]["clashes"] = clashesJson(m.clashes);
        return HttpResponse::json(shared::httpStatusOf(shared::ErrorCode::MergeConflict), body);
    }
    nlohmann::json fields = nlohmann::json::object();
    for (auto it = m.values.begin(); it != m.values.end(); ++it)
        fields[it.key().toStdString()] = it.value().toStdString();
    const QString note = message && !message->isEmpty()
        ? *message
        : QStringLiteral("Merged branch %1").arg(textOf(branchRow.values, "name"));
    std::optional<StoredRow> saved;
    const shared::VoidResult done = library.writer().transaction([&]() -> shared::VoidResult {
        Result<StoredRow> after = library.writer().upsert(kPrompts, id, fields);
        if (!after)
            return after.error();
        if (Result<StoredRow> v = library.addVersion(id, after->values, note); !v)
            return v.error();
        saved = *after;
        return shared::VoidResult::success();
    });
    if (!done)
        return errorResponse(done.error());
    return detailResponse(200, library, *saved);
}

} // namespace

void install(Router &router, const QString &base)
{
    using Body = Router::BodyKind;
    const Guard user = Guard::user();
    const QString item = base + QStringLiteral("/:id");
    router.add(QStringLiteral("POST"), item + QStringLiteral("/branch"), branch, Body::Json, user);
    router.add(QStringLiteral("POST"), item + QStringLiteral("/merge"), merge, Body::Json, user);
}

} // namespace quire::server::PromptBranchRoutes
