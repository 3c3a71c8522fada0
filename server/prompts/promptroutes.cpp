// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptroutes.h"

#include "server/accounts/userroutes.h"
#include "server/collections/answercache.h"
#include "server/collections/collectionlisting.h"
#include "server/http/router.h"
#include "server/prompts/grouproutes.h"
#include "server/prompts/promptbranchroutes.h"
#include "server/prompts/promptfetch.h"
#include "server/prompts/promptjson.h"
#include "server/prompts/promptlibrary.h"
#include "server/prompts/promptuseroutes.h"
#include "server/prompts/promptversionroutes.h"
#include "server/prompts/runroute.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/jsonreader.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"
#include "shared/uuid.h"

namespace quire::server::PromptRoutes {

namespace {

using shared::Result;

const QString kPrompts = shared::promptsTable();
const QString kFavorites = shared::promptFavoritesTable();
const QString kPreferences = shared::promptPreferencesTable();

// The library's views a client may open first (prompt_preferences.default_view).
const QStringList &views()
{
    static const QStringList v { QStringLiteral("library"), QStringLiteral("favorites"), QStringLiteral("templates"),
                                 QStringLiteral("groups"),  QStringLiteral("shared"),    QStringLiteral("history") };
    return v;
}

const QString &promptNotFound()
{
    static const QString m = QStringLiteral("There is no such prompt.");
    return m;
}

// What a list adds to the declared filters: owner=me|<id>, favorite=true,
// shared=true (visible to the caller, someone else's), and ranking by
// relevance when words are searched and no sort is asked for.
struct ListFilters
{
    QHash<QString, QString> preset;
    QList<CollectionListing::Condition> extra;
};

std::variant<ListFilters, HttpResponse> listFilters(const HttpRequest &request, ListFilters f)
{
    const Principal &who = *request.principal;
    const auto param = [&](const char *name) {
        return request.query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded).trimmed();
    };
    shared::FieldErrors errors;
    const QString owner = param("owner");
    if (!owner.isEmpty())
        f.preset.insert(QStringLiteral("author"), owner == QLatin1String("me") ? who.userId : owner);
    const auto flag = [&](const char *name, const CollectionListing::Condition &condition) {
        const QString value = param(name);
        if (value == QLatin1String("true"))
            f.extra << condition;
        else if (!value.isEmpty() && value != QLatin1String("false"))
            errors.add(QString::fromLatin1(name), QStringLiteral("Must be true or false."));
    };
    flag("favorite", PromptLibrary::favoriteCondition(who));
    flag("shared", { QStringLiteral("t.owner_id <> ?"), { who.userId } });
    if (!param("q").isEmpty() && param("sort").isEmpty())
        f.preset.insert(QStringLiteral("sort"), QString::fromLatin1(CollectionListing::kRelevance));
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    return f;
}

// A page of prompts: the list items without their text, each with the caller's star.
Router::Handler list(ListFilters fixed)
{
    return [fixed](HttpRequest &request, WorkerServices &services) {
        const SyncAccess *access = SyncAccess::find(kPrompts);
        // Favourites are the caller's own: the key names the user whatever the table's scope.
        const QString key = request.path + QLatin1Char('?') + request.query.toString(QUrl::FullyEncoded)
            + QLatin1Char('|') + access->answerScope(*request.principal) + QLatin1Char('|') + request.principal->userId;
        return services.answers().answer(request, key, [&] {
            auto filters = listFilters(request, fixed);
            if (auto *refused = std::get_if<HttpResponse>(&filters))
                return *refused;
            const ListFilters &f = std::get<ListFilters>(filters);
            CollectionListing listing(services.database(), access->table(), *access);
            Result<CollectionListing::Page> page = listing.run(*request.principal, request.query, f.preset, f.extra);
            if (!page)
                return errorResponse(page.error());
            QStringList ids;
            for (const StoredRow &row : page->rows)
                ids << QString::fromStdString(row.values.value("id", std::string()));
            PromptLibrary library(services, *request.principal);
            Result<QSet<QString>> starred = library.favorites(ids);
            if (!starred)
                return HttpResponse::internalError(starred.error());
            nlohmann::json items = nlohmann::json::array();
            for (qsizetype i = 0; i < page->rows.size(); ++i) {
                nlohmann::json item = PromptJson::prompt(page->rows.at(i), page->ownerNames.at(i), false);
                item["favorite"] = starred->contains(ids.at(i));
                items.push_back(std::move(item));
            }
            return HttpResponse::json(200, page->envelope(std::move(items)));
        });
    };
}

HttpResponse detailResponse(int status, PromptLibrary &library, const StoredRow &row)
{
    Result<nlohmann::json> detail = library.detail(row);
    if (!detail)
        return HttpResponse::internalError(detail.error());
    return HttpResponse::json(status, *detail);
}

HttpResponse get(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    Result<std::optional<StoredRow>> row = library.prompt(request.params.value(QStringLiteral("id")));
    if (!row)
        return HttpResponse::internalError(row.error());
    if (!*row)
        return PromptLibrary::notFound(promptNotFound());
    return detailResponse(200, library, **row);
}

// A new prompt and its version 1.
HttpResponse create(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    const nlohmann::json fields = PromptJson::toFields(request.json, errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    PromptLibrary library(services, *request.principal);
    const QString id = shared::Uuid::createV7();
    Result<StoredRow> row = library.writer().upsert(kPrompts, id, fields);
    if (!row && fields.value("name", std::string()).empty() && SyncAccess::isSlugTaken(row.error())
        && !SyncAccess::suggestedSlug(row.error()).isEmpty()) {
        // No name asked for: the one made from the title was taken, so the
        // prompt takes the free one the rules found (a name given and taken
        // is the caller's to change: 409 with the suggestion).
        nlohmann::json named = fields;
        named["name"] = SyncAccess::suggestedSlug(row.error()).toStdString();
        row = library.writer().upsert(kPrompts, id, named);
    }
    if (!row)
        return errorResponse(row.error());
    if (Result<StoredRow> v = library.addVersion(id, row->values, QStringLiteral("Created")); !v)
        return errorResponse(v.error());
    HttpResponse response = detailResponse(201, library, *row);
    response.headers.append({ "Location", request.path.toUtf8() + "/" + id.toUtf8() });
    return response;
}

// Changes fields; a change of the content, messages, kind or model
// settings also keeps the result as a new version.
HttpResponse update(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    const nlohmann::json fields = PromptJson::toFields(request.json, errors);
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    PromptLibrary library(services, *request.principal);
    const QString id = request.params.value(QStringLiteral("id"));
    Result<std::optional<StoredRow>> before = library.prompt(id);
    if (!before)
        return HttpResponse::internalError(before.error());
    if (!*before)
        return PromptLibrary::notFound(promptNotFound());
    const nlohmann::json was = PromptJson::versionedValues((*before)->values);
    Result<StoredRow> after = library.writer().upsert(kPrompts, id, fields, PromptLibrary::expectedRev(request));
    if (!after)
        return errorResponse(after.error());
    if (PromptJson::versionedValues(after->values) != was) {
        const QString message = QString::fromStdString(request.json.value("message", std::string()));
        if (Result<StoredRow> v = library.addVersion(id, after->values, message); !v)
            return errorResponse(v.error());
    }
    return detailResponse(200, library, *after);
}

HttpResponse remove(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    const QString id = request.params.value(QStringLiteral("id"));
    Result<std::optional<StoredRow>> row = library.prompt(id);
    if (!row)
        return HttpResponse::internalError(row.error());
    if (!*row)
        return PromptLibrary::notFound(promptNotFound());
    if (shared::VoidResult r = library.writer().remove(kPrompts, id, PromptLibrary::expectedRev(request)); !r)
        return errorResponse(r.error());
    return HttpResponse::noContent();
}

// Starring twice is starring once; only a prompt the caller may read (404
// otherwise, as for one that does not exist).
HttpResponse addFavorite(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    const QString promptId = request.params.value(QStringLiteral("promptId"));
    Result<std::optional<StoredRow>> row = library.prompt(promptId);
    if (!row)
        return HttpResponse::internalError(row.error());
    if (!*row)
        return PromptLibrary::notFound(promptNotFound());
    Result<QString> existing = library.favoriteId(promptId);
    if (!existing)
        return HttpResponse::internalError(existing.error());
    const nlohmann::json answer { { "prompt_id", promptId.toStdString() }, { "favorite", true } };
    if (!existing->isEmpty())
        return HttpResponse::json(200, answer);
    Result<StoredRow> saved
        = library.writer().upsert(kFavorites, shared::Uuid::createV7(), { { "prompt_id", promptId.toStdString() } });
    if (!saved)
        return errorResponse(saved.error());
    return HttpResponse::json(201, answer);
}

HttpResponse removeFavorite(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    const QString promptId = request.params.value(QStringLiteral("promptId"));
    Result<QString> existing = library.favoriteId(promptId);
    if (!existing)
        return HttpResponse::internalError(existing.error());
    if (existing->isEmpty()) {
        // Not starred: unstarring twice is unstarring once, for a prompt one may read.
        Result<std::optional<StoredRow>> row = library.prompt(promptId);
        if (!row)
            return HttpResponse::internalError(row.error());
        return *row ? HttpResponse::noContent() : PromptLibrary::notFound(promptNotFound());
    }
    if (shared::VoidResult r = library.writer().remove(kFavorites, *existing); !r)
        return errorResponse(r.error());
    return HttpResponse::noContent();
}

// GET/PUT /users/me carry the library's preferences as "prompt_preferences".
UserRoutes::Section preferencesSection()
{
    UserRoutes::Section s;
    s.key = QStringLiteral("prompt_preferences");
    s.read = [](WorkerServices &services, const Principal &who) -> Result<nlohmann::json> {
        PromptLibrary library(services, who);
        Result<std::optional<StoredRow>> row = library.preferences();
        if (!row)
            return row.error();
        const shared::SyncTable &table = SyncAccess::find(kPreferences)->table();
        const nlohmann::json values = *row ? (*row)->values : table.withDefaults(nlohmann::json::object());
        return nlohmann::json {
            { "default_view", values.value("default_view", std::string()) },
            { "sort", values.value("sort", std::string()) },
            { "keep_variables",
              shared::kFlags.fromName(QString::fromStdString(values.value("keep_variables", ""))).value_or(false) }
        };
    };
    s.check = [](const nlohmann::json &in, shared::FieldErrors &errors) {
        nlohmann::json out = nlohmann::json::object();
        shared::JsonReader r(in, errors);
        if (const auto view = r.string("default_view")) {
            if (views().contains(*view))
                out["default_view"] = view->toStdString();
            else
                errors.add(QStringLiteral("default_view"),
                           QStringLiteral("Must be one of: %1.").arg(views().join(QLatin1String(", "))));
        }
        if (const auto sort = r.string("sort")) {
            // A declared sort of prompts, "-" before it for newest or last first.
            const QString key = sort->startsWith(QLatin1Char('-')) ? sort->mid(1) : *sort;
            if (SyncAccess::find(kPrompts)->table().sortColumn(key))
                out["sort"] = sort->toStdString();
            else
                errors.add(QStringLiteral("sort"),
                           QStringLiteral("Must be a sort of prompts, e.g. -updated or title."));
        }
        if (const auto keep = r.boolean("keep_variables"))
            out["keep_variables"] = shared::kFlags.name(*keep).toStdString();
        r.refuseUnknown();
        return out;
    };
    s.save = [](WorkerServices &services, const Principal &who, const nlohmann::json &checked) -> shared::VoidResult {
        if (checked.empty())
            return shared::VoidResult::success();
        PromptLibrary library(services, who);
        Result<std::optional<StoredRow>> row = library.preferences();
        if (!row)
            return row.error();
        const QString id
            = *row ? QString::fromStdString((*row)->values.value("id", std::string())) : shared::Uuid::createV7();
        Result<StoredRow> saved = library.writer().upsert(kPreferences, id, checked);
        if (!saved)
            return saved.error();
        return shared::VoidResult::success();
    };
    return s;
}

} // namespace

void install(Router &router)
{
    using Body = Router::BodyKind;
    // Who may read or change a row is the tables' SyncAccess; the routes only need a signed-in caller.
    const Guard user = Guard::user();
    const QString base = QStringLiteral("/api/v1/prompts");
    const QString item = base + QStringLiteral("/:id");
    // First: a literal segment (by-name) before any `/prompts/:id/…` pattern.
    PromptFetch::install(router);
    RunRoute::install(router);
    ListFilters templates;
    templates.preset.insert(QStringLiteral("template"), shared::kFlags.name(true));
    router.add(QStringLiteral("GET"), base, list({}), Body::None, user);
    router.add(QStringLiteral("POST"), base, create, Body::Json, user);
    router.add(QStringLiteral("GET"), base + QStringLiteral("/templates"), list(templates), Body::None, user);
    PromptVersionRoutes::install(router, base);
    PromptBranchRoutes::install(router, base);
    GroupRoutes::install(router);
    PromptUseRoutes::install(router, base);
    router.add(QStringLiteral("GET"), item, get, Body::None, user);
    router.add(QStringLiteral("PUT"), item, update, Body::Json, user);
    router.add(QStringLiteral("DELETE"), item, remove, Body::None, user);

    const QString favoritesPath = QStringLiteral("/api/v1/users/favorites");
    router.add(
        QStringLiteral("GET"), favoritesPath,
        [](HttpRequest &request, WorkerServices &services) {
            // The caller's stars: the list of prompts with favorite=true fixed.
            request.query.removeAllQueryItems(QStringLiteral("favorite"));
            request.query.addQueryItem(QStringLiteral("favorite"), QStringLiteral("true"));
            return list({})(request, services);
        },
        Body::None, user);
    router.add(QStringLiteral("POST"), favoritesPath + QStringLiteral("/:promptId"), addFavorite, Body::None, user);
    router.add(QStringLiteral("DELETE"), favoritesPath + QStringLiteral("/:promptId"), removeFavorite, Body::None,
               user);
    UserRoutes::addSection(preferencesSection());
}

} // namespace quire::server::PromptRoutes
