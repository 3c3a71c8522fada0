// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptversionroutes.h"

#include "server/collections/collectionlisting.h"
#include "server/http/router.h"
#include "server/prompts/promptjson.h"
#include "server/prompts/promptlabelaccess.h"
#include "server/prompts/promptlibrary.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/jsonreader.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"
#include "shared/textdiff.h"
#include "shared/uuid.h"

#include <array>

namespace quire::server::PromptVersionRoutes {

namespace {

using shared::Result;

const QString kPrompts = shared::promptsTable();
const QString kVersions = shared::promptVersionsTable();
const QString kLabels = shared::promptLabelsTable();

// What the caller asked about: a prompt they may read (and a version of it).
struct Target
{
    StoredRow prompt;
    std::optional<StoredRow> version;
};

// The prompt of the path, and the version `number` names when given; the answer when either is not there.
std::variant<Target, HttpResponse> find(PromptLibrary &library, const HttpRequest &request,
                                        const QString &numberParam = {})
{
    Result<std::optional<StoredRow>> prompt = library.prompt(request.params.value(QStringLiteral("id")));
    if (!prompt)
        return HttpResponse::internalError(prompt.error());
    if (!*prompt)
        return PromptLibrary::notFound(QStringLiteral("There is no such prompt."));
    Target t { **prompt, std::nullopt };
    if (numberParam.isEmpty())
        return t;
    const std::optional<qint64> number = PromptLibrary::positive(request.params.value(numberParam));
    Result<std::optional<StoredRow>> version = number
        ? library.version(request.params.value(QStringLiteral("id")), number)
        : Result<std::optional<StoredRow>>(std::optional<StoredRow>());
    if (!version)
        return HttpResponse::internalError(version.error());
    if (!*version)
        return PromptLibrary::notFound(QStringLiteral("This prompt has no such version."));
    t.version = **version;
    return t;
}

QString promptId(const Target &t)
{
    return QString::fromStdString(t.prompt.values.value("id", std::string()));
}

HttpResponse versions(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    auto found = find(library, request);
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    const SyncAccess *access = SyncAccess::find(kVersions);
    CollectionListing listing(services.database(), access->table(), *access);
    // Newest first: versions are created in the order of their numbers.
    Result<CollectionListing::Page> page
        = listing.run(*request.principal, request.query,
                      { { QStringLiteral("prompt"), promptId(std::get<Target>(found)) },
                        { QStringLiteral("sort"), QStringLiteral("created") },
                        { QStringLiteral("order"), QStringLiteral("desc") } });
    if (!page)
        return errorResponse(page.error());
    nlohmann::json items = nlohmann::json::array();
    for (qsizetype i = 0; i < page->rows.size(); ++i)
        items.push_back(PromptJson::version(page->rows.at(i), page->ownerNames.at(i), false));
    return HttpResponse::json(200, page->envelope(std::move(items)));
}

HttpResponse version(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    auto found = find(library, request, QStringLiteral("number"));
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    const StoredRow &v = *std::get<Target>(found).version;
    Result<QString> author = library.userName(QString::fromStdString(v.values.value("owner_id", std::string())));
    if (!author)
        return HttpResponse::internalError(author.error());
    return HttpResponse::json(200, PromptJson::version(v, *author));
}

nlohmann::json lineDiff(const QString &before, const QString &after)
{
    static constexpr std::array<const char *, 3> kOps { "same", "removed", "added" }; // TextDiff::Kind's order
    nlohmann::json out = nlohmann::json::array();
    for (const shared::TextDiff::Line &l : shared::TextDiff::lines(before, after))
        out.push_back({ { "op", kOps.at(size_t(l.kind)) }, { "text", l.text.toStdString() } });
    return out;
}

// Chat messages compared as the lines of their indented JSON: a changed
// role or text shows as the lines it changed.
QString messageLines(const nlohmann::json &values)
{
    return QString::fromStdString(PromptJson::storedJson(values, "messages", nlohmann::json::array()).dump(2));
}

HttpResponse diff(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    const auto param = [&](const char *name) {
        const std::optional<qint64> n
            = PromptLibrary::positive(request.query.queryItemValue(QString::fromLatin1(name)));
        if (!n)
            errors.add(QString::fromLatin1(name), QStringLiteral("Must be a version number."));
        return n;
    };
    const std::optional<qint64> from = param("from");
    const std::optional<qint64> to = param("to");
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    PromptLibrary library(services, *request.principal);
    auto found = find(library, request);
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    const QString id = promptId(std::get<Target>(found));
    Result<std::optional<StoredRow>> a = library.version(id, from);
    Result<std::optional<StoredRow>> b = library.version(id, to);
    if (!a || !b)
        return HttpResponse::internalError(!a ? a.error() : b.error());
    if (!*a || !*b)
        return PromptLibrary::notFound(QStringLiteral("This prompt has no such version."));
    const nlohmann::json &before = (*a)->values;
    const nlohmann::json &after = (*b)->values;
    nlohmann::json settings = nlohmann::json::array();
    const nlohmann::json was = PromptJson::version(**a, QString(), false);
    const nlohmann::json now = PromptJson::version(**b, QString(), false);
    for (const char *field : { "kind", "model", "temperature", "max_tokens" }) {
        if (was[field] != now[field])
            settings.push_back({ { "field", field }, { "from", was[field] }, { "to", now[field] } });
    }
    return HttpResponse::json(200,
                              { { "from", *from },
                                { "to", *to },
                                { "content",
                                  lineDiff(QString::fromStdString(before.value("content", std::string())),
                                           QString::fromStdString(after.value("content", std::string()))) },
                                { "messages", lineDiff(messageLines(before), messageLines(after)) },
                                { "settings", settings } });
}

// The prompt's content and settings become the version's again, kept as a new version.
HttpResponse restore(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    auto found = find(library, request, QStringLiteral("number"));
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    const Target &t = std::get<Target>(found);
    const QString id = promptId(t);
    Result<StoredRow> after = library.writer().upsert(kPrompts, id, PromptJson::versionedValues(t.version->values));
    if (!after)
        return errorResponse(after.error());
    const QString number = request.params.value(QStringLiteral("number"));
    Result<StoredRow> v = library.addVersion(id, after->values, QStringLiteral("Restored version %1").arg(number));
    if (!v)
        return errorResponse(v.error());
    Result<nlohmann::json> detail = library.detail(*after);
    if (!detail)
        return HttpResponse::internalError(detail.error());
    return HttpResponse::json(200, *detail);
}

HttpResponse labels(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    auto found = find(library, request);
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    Result<QList<StoredRow>> rows = library.labels(promptId(std::get<Target>(found)));
    if (!rows)
        return HttpResponse::internalError(rows.error());
    Result<nlohmann::json> out = library.labelsJson(*rows);
    if (!out)
        return HttpResponse::internalError(out.error());
    return HttpResponse::json(200, { { "items", *out } });
}

HttpResponse labelResponse(int status, PromptLibrary &library, const StoredRow &label, bool pending)
{
    Result<nlohmann::json> out = library.labelsJson({ label });
    if (!out)
        return HttpResponse::internalError(out.error());
    nlohmann::json body = (*out)[0];
    body["pending"] = pending;
    return HttpResponse::json(status, body);
}

// Sets or moves a label to a version. Where a move needs approval, the
// table's rules keep it waiting (pending_version_id) and the answer is 202.
HttpResponse setLabel(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    shared::JsonReader r(request.json, errors);
    const std::optional<qint64> number = r.integer("version", shared::JsonReader::Presence::Required);
    r.integer("rev");
    r.refuseUnknown();
    const QString name = request.params.value(QStringLiteral("name"));
    if (!shared::isSlug(name) || name == QLatin1String(shared::kLatestLabel))
        errors.add(QStringLiteral("name"),
                   QStringLiteral("Must be lower-case letters, digits and hyphens, and not \"latest\" (always the "
                                  "newest version)."));
    if (number && *number < 1)
        errors.add(QStringLiteral("version"), QStringLiteral("Must be a version number."));
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    PromptLibrary library(services, *request.principal);
    auto found = find(library, request);
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    const QString id = promptId(std::get<Target>(found));
    Result<std::optional<StoredRow>> version = library.version(id, number);
    if (!version)
        return HttpResponse::internalError(version.error());
    if (!*version) {
        errors.add(QStringLiteral("version"), QStringLiteral("This prompt has no version %1.").arg(*number));
        return errorResponse(errors.toError());
    }
    const std::string versionId = (*version)->values.value("id", std::string());
    Result<std::optional<StoredRow>> existing = library.label(id, name);
    if (!existing)
        return HttpResponse::internalError(existing.error());
    const QString labelId
        = *existing ? QString::fromStdString((*existing)->values.value("id", std::string())) : shared::Uuid::createV7();
    // Where the rules would refuse the caller's move, ask for it instead.
    const bool ask
        = PromptLabelAccess::moveNeedsApproval(*request.principal, std::get<Target>(found).prompt.values, name)
        && (!*existing || (*existing)->values.value("version_id", std::string()) != versionId);
    nlohmann::json fields { { ask ? "pending_version_id" : "version_id", versionId } };
    if (!*existing) {
        fields["prompt_id"] = id.toStdString();
        fields["name"] = name.toStdString();
    }
    Result<StoredRow> saved = library.writer().upsert(kLabels, labelId, fields, PromptLibrary::expectedRev(request));
    if (!saved)
        return errorResponse(saved.error());
    const bool pending = saved->values.value("version_id", std::string()) != versionId
        && saved->values.value("pending_version_id", std::string()) == versionId;
    return labelResponse(pending ? 202 : (*existing ? 200 : 201), library, *saved, pending);
}

std::variant<StoredRow, HttpResponse> findLabel(PromptLibrary &library, const HttpRequest &request,
                                                nlohmann::json *prompt = nullptr)
{
    auto found = find(library, request);
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    if (prompt)
        *prompt = std::get<Target>(found).prompt.values;
    Result<std::optional<StoredRow>> label
        = library.label(promptId(std::get<Target>(found)), request.params.value(QStringLiteral("name")));
    if (!label)
        return HttpResponse::internalError(label.error());
    if (!*label)
        return PromptLibrary::notFound(QStringLiteral("This prompt has no such label."));
    return **label;
}

// Moves a label to the version its move waits for (the rules decide who may).
HttpResponse approveLabel(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    nlohmann::json prompt;
    auto found = findLabel(library, request, &prompt);
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    const StoredRow &label = std::get<StoredRow>(found);
    const std::string pending = label.values.value("pending_version_id", std::string());
    if (pending.empty())
        return PromptLibrary::notFound(QStringLiteral("No move of this label waits for approval."));
    if (PromptLabelAccess::moveNeedsApproval(*request.principal, prompt, request.params.value(QStringLiteral("name"))))
        return errorResponse(shared::Error::make(shared::ErrorCode::Forbidden,
                                                 QStringLiteral("Only an editor or admin approves this move.")));
    Result<StoredRow> saved
        = library.writer().upsert(kLabels, QString::fromStdString(label.values.value("id", std::string())),
                                  { { "version_id", pending }, { "pending_version_id", "" } });
    if (!saved)
        return errorResponse(saved.error());
    return labelResponse(200, library, *saved, false);
}

HttpResponse removeLabel(HttpRequest &request, WorkerServices &services)
{
    PromptLibrary library(services, *request.principal);
    auto found = findLabel(library, request);
    if (auto *refused = std::get_if<HttpResponse>(&found))
        return *refused;
    const StoredRow &label = std::get<StoredRow>(found);
    if (shared::VoidResult r
        = library.writer().remove(kLabels, QString::fromStdString(label.values.value("id", std::string())));
        !r)
        return errorResponse(r.error());
    return HttpResponse::noContent();
}

} // namespace

void install(Router &router, const QString &base)
{
    using Body = Router::BodyKind;
    const Guard user = Guard::user();
    const QString item = base + QStringLiteral("/:id");
    router.add(QStringLiteral("GET"), item + QStringLiteral("/versions"), versions, Body::None, user);
    router.add(QStringLiteral("GET"), item + QStringLiteral("/versions/:number"), version, Body::None, user);
    router.add(QStringLiteral("POST"), item + QStringLiteral("/versions/:number/restore"), restore, Body::None, user);
    router.add(QStringLiteral("GET"), item + QStringLiteral("/diff"), diff, Body::None, user);
    router.add(QStringLiteral("GET"), item + QStringLiteral("/labels"), labels, Body::None, user);
    router.add(QStringLiteral("PUT"), item + QStringLiteral("/labels/:name"), setLabel, Body::Json, user);
    router.add(QStringLiteral("DELETE"), item + QStringLiteral("/labels/:name"), removeLabel, Body::None, user);
    router.add(QStringLiteral("POST"), item + QStringLiteral("/labels/:name/approve"), approveLabel, Body::None, user);
}

} // namespace quire::server::PromptVersionRoutes
