// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptuseroutes.h"

#include "server/collections/collectionlisting.h"
#include "server/http/router.h"
#include "server/prompts/promptjson.h"
#include "server/prompts/promptlibrary.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/apierror.h"
#include "shared/apikeyscope.h"
#include "shared/errorcode.h"
#include "shared/jsonreader.h"
#include "shared/promptnames.h"
#include "shared/promptrenderer.h"
#include "shared/prompttables.h"
#include "shared/uuid.h"

namespace quire::server::PromptUseRoutes {

namespace {

using shared::Result;

constexpr int kMaxSourceLength = 120; // prompt_usage.source

nlohmann::json usageJson(const StoredRow &row, const QString &userName, const QHash<QString, qint64> &numbers)
{
    const nlohmann::json &v = row.values;
    const QString versionId = QString::fromStdString(v.value("version_id", std::string()));
    const std::string output = v.value("output", std::string());
    return { { "id", v.value("id", std::string()) },
             { "prompt_id", v.value("prompt_id", std::string()) },
             { "version", numbers.contains(versionId) ? nlohmann::json(numbers.value(versionId)) : nlohmann::json() },
             { "version_id", versionId.isEmpty() ? nlohmann::json() : nlohmann::json(versionId.toStdString()) },
             { "use", v.value("use", std::string()) },
             { "variables", PromptJson::storedJson(v, "variables", nlohmann::json::object()) },
             { "source", v.value("source", std::string()) },
             { "output", output.empty() ? nlohmann::json() : nlohmann::json(output) },
             { "user", { { "id", v.value("owner_id", std::string()) }, { "name", userName.toStdString() } } },
             { "created_at", v.value("created_at", std::string()) } };
}

// A page of uses, newest first, with `preset` filters.
HttpResponse usagePage(HttpRequest &request, WorkerServices &services, QHash<QString, QString> preset)
{
    const SyncAccess *access = SyncAccess::find(shared::promptUsageTable());
    CollectionListing listing(services.database(), access->table(), *access);
    preset.insert(QStringLiteral("sort"), QStringLiteral("created"));
    preset.insert(QStringLiteral("order"), QStringLiteral("desc"));
    Result<CollectionListing::Page> page = listing.run(*request.principal, request.query, preset);
    if (!page)
        return errorResponse(page.error());
    QStringList versionIds;
    for (const StoredRow &row : page->rows)
        versionIds << QString::fromStdString(row.values.value("version_id", std::string()));
    PromptLibrary library(services, *request.principal);
    Result<QHash<QString, qint64>> numbers = library.versionNumbers(versionIds);
    if (!numbers)
        return HttpResponse::internalError(numbers.error());
    nlohmann::json items = nlohmann::json::array();
    for (qsizetype i = 0; i < page->rows.size(); ++i)
        items.push_back(usageJson(page->rows.at(i), page->ownerNames.at(i), *numbers));
    return HttpResponse::json(200, page->envelope(std::move(items)));
}

HttpResponse promptUsage(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    const QString id = request.params.value(QStringLiteral("id"));
    Result<std::optional<StoredRow>> prompt = library.prompt(id);
    if (!prompt)
        return HttpResponse::internalError(prompt.error());
    if (!*prompt)
        return PromptLibrary::notFound(QStringLiteral("There is no such prompt."));
    return usagePage(request, services, { { QStringLiteral("prompt"), id } });
}

HttpResponse myUsage(HttpRequest &request, WorkerServices &services)
{
    return usagePage(request, services, { { QStringLiteral("author"), request.principal->userId } });
}

// A client's own record of a use: {use, version?, variables?, source?}.
HttpResponse addUsage(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    nlohmann::json body = request.json;
    std::optional<nlohmann::json> variables;
    if (body.is_object() && body.contains("variables")) {
        if (body["variables"].is_object())
            variables = body["variables"];
        else
            errors.add(QStringLiteral("variables"), QStringLiteral("Must be an object."));
        body.erase("variables");
    }
    shared::JsonReader r(body, errors);
    const std::optional<QString> useName = r.string("use", shared::JsonReader::Presence::Required);
    const std::optional<qint64> number = r.integer("version");
    const QString source = r.string("source").value_or(QString());
    r.refuseUnknown();
    // Programs' fetches are recorded by the server itself, not claimed by clients.
    shared::PromptUse use = shared::PromptUse::Copied;
    if (useName) {
        const std::optional<shared::PromptUse> named = shared::kPromptUses.fromName(*useName);
        if (named && *named != shared::PromptUse::Fetched)
            use = *named;
        else
            errors.add(QStringLiteral("use"), QStringLiteral("Must be one of: copied, rendered, run."));
    }
    if (number && *number < 1)
        errors.add(QStringLiteral("version"), QStringLiteral("Must be a version number."));
    if (source.size() > kMaxSourceLength)
        errors.add(QStringLiteral("source"), QStringLiteral("At most %1 characters.").arg(kMaxSourceLength));
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    PromptLibrary library(services, *request.principal);
    const QString id = request.params.value(QStringLiteral("id"));
    Result<std::optional<StoredRow>> prompt = library.prompt(id);
    if (!prompt)
        return HttpResponse::internalError(prompt.error());
    if (!*prompt)
        return PromptLibrary::notFound(QStringLiteral("There is no such prompt."));
    Result<std::optional<StoredRow>> version = library.version(id, number);
    if (!version)
        return HttpResponse::internalError(version.error());
    if (!*version) {
        errors.add(QStringLiteral("version"), QStringLiteral("This prompt has no such version."));
        return errorResponse(errors.toError());
    }
    Result<StoredRow> saved
        = library.recordUse(id, **version, use, variables.value_or(nlohmann::json::object()), source);
    if (!saved)
        return errorResponse(saved.error());
    Result<QString> name = library.userName(request.principal->userId);
    if (!name)
        return HttpResponse::internalError(name.error());
    const QString versionId = QString::fromStdString((*version)->values.value("id", std::string()));
    const qint64 versionNumber = QString::fromStdString((*version)->values.value("number", std::string())).toLongLong();
    return HttpResponse::json(201, usageJson(*saved, *name, { { versionId, versionNumber } }));
}

// Variable values as the template fills them in: text as it is, numbers and
// booleans as JSON writes them.
QHash<QString, QString> values(const nlohmann::json &variables, shared::FieldErrors &errors)
{
    QHash<QString, QString> out;
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        if (it->is_string())
            out.insert(name, QString::fromStdString(it->get<std::string>()));
        else if (it->is_number() || it->is_boolean())
            out.insert(name, QString::fromStdString(it->dump()));
        else
            errors.add(QStringLiteral("variables.") + name, QStringLiteral("Must be text, a number or true/false."));
    }
    return out;
}

HttpResponse renderFailed(const QList<shared::TemplateProblem> &problems)
{
    shared::Error error = shared::toError(problems);
    error.code = shared::errorCodeName(shared::ErrorCode::RenderFailed);
    nlohmann::json body = nlohmann::json::parse(shared::ApiError::toBytes(error).toStdString());
    body["error"]["problems"] = shared::toJson(problems);
    return HttpResponse::json(shared::httpStatusOf(error.code), body);
}

// Renders a version of a prompt (the latest, or the one `version` or
// `label` names) with `variables`; includes are found by name among the
// prompts the caller may read. Every problem is answered at once (422);
// a rendering is recorded in the usage history.
HttpResponse render(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    nlohmann::json body = request.json;
    nlohmann::json variables = nlohmann::json::object();
    if (body.is_object() && body.contains("variables")) {
        if (body["variables"].is_object())
            variables = body["variables"];
        else if (!body["variables"].is_null())
            errors.add(QStringLiteral("variables"), QStringLiteral("Must be an object."));
        body.erase("variables");
    }
    const QHash<QString, QString> filled = values(variables, errors);
    shared::JsonReader r(body, errors);
    const std::optional<qint64> number = r.integer("version");
    const std::optional<QString> label = r.string("label");
    r.refuseUnknown();
    if (number && label)
        errors.add(QStringLiteral("label"), QStringLiteral("Give a version or a label, not both."));
    if (number && *number < 1)
        errors.add(QStringLiteral("version"), QStringLiteral("Must be a version number."));
    if (!errors.isEmpty())
        return errorResponse(errors.toError());

    PromptLibrary library(services, *request.principal);
    const QString id = request.params.value(QStringLiteral("id"));
    Result<std::optional<StoredRow>> prompt = library.prompt(id);
    if (!prompt)
        return HttpResponse::internalError(prompt.error());
    if (!*prompt)
        return PromptLibrary::notFound(QStringLiteral("There is no such prompt."));
    Result<std::optional<StoredRow>> version
        = library.versionAt(id, label ? *label : (number ? QString::number(*number) : QString()));
    if (!version)
        return HttpResponse::internalError(version.error());
    if (!*version)
        return PromptLibrary::notFound(QStringLiteral("This prompt has no such version or label."));

    const QString owner = QString::fromStdString((*prompt)->values.value("owner_id", std::string()));
    const shared::IncludeResolver resolve = library.includeResolver(owner);
    shared::RenderOptions options;
    options.name = QString::fromStdString((*prompt)->values.value("name", std::string()));
    const nlohmann::json &v = (*version)->values;
    nlohmann::json answer { { "prompt_id", id.toStdString() },
                            { "version", PromptJson::version(**version, QString(), false)["number"] },
                            { "kind", v.value("kind", std::string()) } };
    if (v.value("kind", std::string()) == shared::kPromptKinds.name(shared::PromptKind::Chat).toStdString()) {
        Result<QList<shared::ChatMessage>> messages
            = shared::PromptRenderer::chatFromJson(PromptJson::storedJson(v, "messages", nlohmann::json::array()));
        if (!messages)
            return HttpResponse::internalError(messages.error());
        const shared::ChatRendering rendered = shared::PromptRenderer::renderChat(*messages, filled, resolve, options);
        if (!rendered.ok())
            return renderFailed(rendered.problems);
        answer["messages"] = shared::PromptRenderer::chatToJson(rendered.messages);
    } else {
        const shared::TemplateRendering rendered = shared::PromptRenderer::render(
            QString::fromStdString(v.value("content", std::string())), filled, resolve, options);
        if (!rendered.ok())
            return renderFailed(rendered.problems);
        answer["text"] = rendered.text.toStdString();
    }
    Result<StoredRow> used
        = library.recordUse(id, **version, shared::PromptUse::Rendered, variables, QStringLiteral("api"));
    if (!used)
        return errorResponse(used.error());
    return HttpResponse::json(200, answer);
}

} // namespace

void install(Router &router, const QString &base)
{
    using Body = Router::BodyKind;
    const Guard user = Guard::user();
    const QString item = base + QStringLiteral("/:id");
    router.add(QStringLiteral("POST"), item + QStringLiteral("/render"), render, Body::Json, user);
    router.add(QStringLiteral("GET"), item + QStringLiteral("/usage"), promptUsage, Body::None, user);
    // Programs record their uses with a key holding usage:write.
    router.add(QStringLiteral("POST"), item + QStringLiteral("/usage"), addUsage, Body::Json,
               Guard::program(shared::ApiKeyScope::UsageWrite));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me/usage"), myUsage, Body::None, user);
}

} // namespace quire::server::PromptUseRoutes
