// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/runroute.h"

#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/prompts/runsource.h"
#include "server/servercontext.h"
#include "server/sync/syncaccess.h"
#include "shared/apierror.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/promptnames.h"
#include "shared/prompttables.h"
#include "shared/uuid.h"

namespace quire::server::RunRoute {

using shared::Error;
using shared::ErrorCode;
using shared::Result;

namespace {

// A prompt that cannot be rendered with the values given: the request is
// well-formed, its content is not usable (as the render route answers).
constexpr int kUnprocessable = 422;

const QString kUsage = shared::promptUsageTable();

// Whether the user asked for variable values to be kept in the history
// (prompt_preferences.keep_variables; the server keeps the first row).
Result<bool> keepsVariables(shared::Database &db, const QString &userId)
{
    Result<QVariant> keep = db.scalar(QStringLiteral("SELECT keep_variables FROM %1 "
                                                     "WHERE owner_id = ? AND deleted = 0 ORDER BY created_at, id "
                                                     "LIMIT 1")
                                          .arg(shared::promptPreferencesTable()),
                                      { userId });
    if (!keep)
        return keep.error();
    return shared::kFlags.fromName(keep->toString()).value_or(false);
}

// The longest answer a usage row can keep (its declared column).
qsizetype outputLimit()
{
    if (const SyncAccess *usage = SyncAccess::find(kUsage)) {
        for (const shared::SyncColumn &c : usage->table().columns) {
            if (c.name == QLatin1String("output"))
                return c.maxLength;
        }
    }
    return 0;
}

// The request's variables as the renderer takes them: text as it is,
// numbers and true/false as written; anything else is named in `errors`.
QHash<QString, QString> valuesOf(const nlohmann::json &variables, shared::FieldErrors &errors)
{
    QHash<QString, QString> values;
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        if (it->is_string())
            values.insert(name, shared::textOf(variables, it.key().c_str()));
        else if (it->is_number() || it->is_boolean())
            values.insert(name, QString::fromStdString(it->dump()));
        else
            errors.add(QStringLiteral("variables.") + name, QStringLiteral("Must be text, a number or true/false."));
    }
    return values;
}

// Keeps the run in the caller's usage history and answers with it.
HttpResponse record(WorkerServices &services, const Principal &who, const QString &promptId, const QString &versionId,
                    const nlohmann::json &variables, const shared::ChatAnswer &answer)
{
    const qsizetype limit = outputLimit();
    if (limit > 0 && answer.content.size() > limit)
        return errorResponse(Error::make(ErrorCode::ProviderBadAnswer,
                                         QStringLiteral("The provider's answer is longer than the %1 characters a "
                                                        "usage record keeps.")
                                             .arg(limit)));
    Result<bool> keep = keepsVariables(services.database(), who.userId);
    if (!keep)
        return HttpResponse::internalError(keep.error());
    nlohmann::json fields { { "prompt_id", promptId },
                            { "use", shared::kPromptUses.name(shared::PromptUse::Run) },
                            { "output", answer.content },
                            { "source", "server" } };
    if (!versionId.isEmpty())
        fields["version_id"] = versionId;
    if (*keep)
        fields["variables"] = shared::toJsonBytes(variables).toStdString();
    const QString usageId = shared::Uuid::createV7();
    Result<StoredRow> saved = ContentWriter(services, who).upsert(kUsage, usageId, fields);
    if (!saved)
        return errorResponse(saved.error());
    return HttpResponse::json(
        200,
        { { "output", answer.content },
          { "model", answer.model },
          { "usage", { { "prompt_tokens", answer.promptTokens }, { "completion_tokens", answer.completionTokens } } },
          { "usage_id", usageId },
          { "version_id", versionId.isEmpty() ? nlohmann::json() : nlohmann::json(versionId) } });
}

void run(HttpRequest &request, WorkerServices &services, Responder respond)
{
    const shared::ChatProviderSettings settings = services.context().config.chatProvider();
    if (!settings.isConfigured()) {
        respond(errorResponse(Error::make(ErrorCode::ProviderNotConfigured,
                                          QStringLiteral("This server has no chat provider; prompts cannot be run "
                                                         "here."))));
        return;
    }
    shared::FieldErrors errors;
    shared::JsonReader r(request.json, errors);
    const nlohmann::json variables = r.object("variables").value_or(nlohmann::json::object());
    RunSource::Choice choice;
    choice.version = r.integer("version");
    choice.label = r.string("label");
    r.refuseUnknown();
    if (choice.version && choice.label)
        errors.add(QStringLiteral("label"), QStringLiteral("Give a version or a label, not both."));
    if (choice.version && *choice.version < 1)
        errors.add(QStringLiteral("version"), QStringLiteral("Must be a version number, 1 or more."));
    const QHash<QString, QString> values = valuesOf(variables, errors);
    if (!errors.isEmpty()) {
        respond(errorResponse(errors.toError()));
        return;
    }
    const Principal who = *request.principal;
    const QString promptId = request.params.value(QStringLiteral("id"));
    RunSource source(services, who);
    if (shared::VoidResult found = source.resolve(promptId, choice); !found) {
        respond(errorResponse(found.error()));
        return;
    }
    QList<shared::TemplateProblem> problems;
    Result<shared::ChatRequest> chat = source.render(values, problems);
    if (!problems.isEmpty()) {
        // Nothing is sent to the provider for a prompt that does not render;
        // the answer lists every problem, as the render route does.
        nlohmann::json body = shared::ApiError::toJson(chat.error());
        body["error"]["problems"] = shared::toJson(problems);
        respond(HttpResponse::json(kUnprocessable, body));
        return;
    }
    if (!chat) {
        respond(errorResponse(chat.error()));
        return;
    }
    shared::ChatProvider(settings).send(*chat, services.thread(),
                                        [&services, who, promptId, versionId = source.versionId(), variables,
                                         respond](Result<shared::ChatAnswer> answer) {
                                            if (!answer) {
                                                respond(errorResponse(answer.error()));
                                                return;
                                            }
                                            respond(record(services, who, promptId, versionId, variables, *answer));
                                        });
}

} // namespace

void install(Router &router)
{
    router.addAsync(QStringLiteral("POST"), QStringLiteral("/api/v1/prompts/:id/run"), run, Router::BodyKind::Json,
                    Guard::user());
}

} // namespace quire::server::RunRoute
