// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptfetch.h"

#include "server/collections/answercache.h"
#include "server/http/conditionalrequest.h"
#include "server/http/router.h"
#include "server/prompts/promptfetchusage.h"
#include "server/servercontext.h"
#include "shared/database.h"
#include "shared/fielderrors.h"
#include "shared/promptnames.h"
#include "shared/promptrenderer.h"

#include <QSqlQuery>
#include <QVariant>

#include <sodium.h>

namespace quire::server::PromptFetch {

namespace {

// Which version the caller asks for: a label, a number, or the latest.
struct Selector
{
    QString label;
    qint64 number = 0; // > 0: this version
    QString cacheKey() const
    {
        return !label.isEmpty() ? QStringLiteral("label:") + label
            : number > 0        ? QStringLiteral("version:%1").arg(number)
                                : QStringLiteral("latest");
    }
};

// What a kept answer was resolved to, for the usage count: the answer
// cache keeps bodies only, so each worker remembers this beside it.
struct Resolved
{
    QString promptId;
    QString versionId;
};
constexpr qsizetype kMaxResolved = 4096;

const QString kVersionColumns
    = QStringLiteral("v.id, v.number, v.kind, v.content, v.messages, v.model, v.temperature, v.max_tokens, "
                     "v.created_at");

HttpResponse notFound(const QString &message)
{
    return HttpResponse::error(shared::ErrorCode::NotFound, message);
}

nlohmann::json numberOrNull(const QString &text, bool whole)
{
    bool ok = false;
    if (whole) {
        const qint64 n = text.toLongLong(&ok);
        return ok ? nlohmann::json(n) : nlohmann::json();
    }
    const double d = text.toDouble(&ok);
    return ok ? nlohmann::json(d) : nlohmann::json();
}

// The names of the variables a template declares, in order of first use,
// as the fill-in form and render read them (includes are not followed: a
// program gets the text it renders itself).
nlohmann::json variableNames(const shared::TemplateVariables &found)
{
    nlohmann::json names = nlohmann::json::array();
    for (const shared::TemplateVariable &v : found.variables)
        names.push_back(v.name.toStdString());
    return names;
}

// The version's number: the server's, or (while versions carry none) its
// place in arrival order, which is how the server numbers them.
shared::Result<qint64> numberOf(shared::Database &db, const QSqlQuery &v, const QString &promptId)
{
    bool ok = false;
    const qint64 n = v.value(1).toString().toLongLong(&ok);
    if (ok)
        return n;
    shared::Result<QVariant> place
        = db.scalar(QStringLiteral("SELECT count(*) FROM prompt_versions WHERE prompt_id = ? AND deleted = 0 AND "
                                   "(created_at < ? OR (created_at = ? AND id <= ?))"),
                    { promptId, v.value(8), v.value(8), v.value(0) });
    if (!place)
        return place.error();
    return place->toLongLong();
}

// The answer for `name` among `ownerId`'s prompts, and what it resolved to.
HttpResponse compute(shared::Database &db, const QString &ownerId, const QString &name, const Selector &selector,
                     Resolved &resolved)
{
    shared::Result<QSqlQuery> prompt
        = db.exec(QStringLiteral("SELECT id, name, kind, content, messages, model, temperature, max_tokens "
                                 "FROM prompts WHERE owner_id = ? AND name = ? AND deleted = 0"),
                  { ownerId, name });
    if (!prompt)
        return HttpResponse::internalError(prompt.error());
    if (!prompt->next())
        return notFound(QStringLiteral("You have no prompt named %1.").arg(name));
    const QString promptId = prompt->value(0).toString();

    shared::Result<QSqlQuery> version = shared::Error::make(shared::ErrorCode::NotFound, QString());
    if (!selector.label.isEmpty())
        version = db.exec(QStringLiteral("SELECT %1 FROM prompt_labels l JOIN prompt_versions v ON v.id = l.version_id "
                                         "WHERE l.prompt_id = ? AND l.name = ? AND l.deleted = 0 AND v.deleted = 0")
                              .arg(kVersionColumns),
                          { promptId, selector.label });
    else if (selector.number > 0)
        version = db.exec(QStringLiteral("SELECT %1 FROM prompt_versions v WHERE v.prompt_id = ? AND v.number = ? "
                                         "AND v.deleted = 0")
                              .arg(kVersionColumns),
                          { promptId, QString::number(selector.number) });
    else
        version = db.exec(QStringLiteral("SELECT %1 FROM prompt_versions v WHERE v.prompt_id = ? AND v.deleted = 0 "
                                         "ORDER BY v.created_at DESC, v.id DESC LIMIT 1")
                              .arg(kVersionColumns),
                          { promptId });
    if (!version)
        return HttpResponse::internalError(version.error());
    bool found = version->next();
    if (!found && selector.number > 0) {
        // Versions without the server's numbers yet: the n-th in arrival order.
        version = db.exec(
            QStringLiteral("SELECT %1 FROM prompt_versions v WHERE v.prompt_id = ? AND v.deleted = 0 "
                           "AND (v.number IS NULL OR v.number = '') ORDER BY v.created_at, v.id LIMIT 1 OFFSET ?")
                .arg(kVersionColumns),
            { promptId, selector.number - 1 });
        if (!version)
            return HttpResponse::internalError(version.error());
        found = version->next();
    }

    nlohmann::json body { { "id", promptId.toStdString() }, { "name", prompt->value(1).toString().toStdString() } };
    // Without versions yet, the latest is the prompt as it is.
    const QSqlQuery &source = found ? *version : *prompt;
    constexpr int at = 2; // kind, then content, messages and the model settings, in both
    if (!found && (!selector.label.isEmpty() || selector.number > 0))
        return notFound(!selector.label.isEmpty()
                            ? QStringLiteral("The prompt %1 has no label %2.").arg(name, selector.label)
                            : QStringLiteral("The prompt %1 has no version %2.").arg(name).arg(selector.number));
    if (found) {
        shared::Result<qint64> number = numberOf(db, *version, promptId);
        if (!number)
            return HttpResponse::internalError(number.error());
        body["version"] = *number;
        body["version_id"] = version->value(0).toString().toStdString();
        resolved.versionId = version->value(0).toString();
    } else {
        body["version"] = nullptr;
        body["version_id"] = nullptr;
    }
    resolved.promptId = promptId;
    body["label"] = selector.label.isEmpty() ? nlohmann::json() : nlohmann::json(selector.label.toStdString());
    const QString kind = source.value(at).toString();
    body["kind"] = kind.toStdString();
    const QString content = source.value(at + 1).toString();
    if (kind == shared::kPromptKinds.name(shared::PromptKind::Chat)) {
        nlohmann::json messages = nlohmann::json::parse(source.value(at + 2).toString().toStdString(), nullptr, false);
        if (!messages.is_array())
            messages = nlohmann::json::array();
        shared::Result<QList<shared::ChatMessage>> chat = shared::PromptRenderer::chatFromJson(messages);
        body["messages"] = messages;
        body["variables"]
            = chat ? variableNames(shared::PromptRenderer::variablesOfChat(*chat)) : nlohmann::json::array();
    } else {
        body["content"] = content.toStdString();
        body["variables"] = variableNames(shared::PromptRenderer::variablesOf(content));
    }
    const QString model = source.value(at + 3).toString();
    body["model_settings"] = { { "model", model.isEmpty() ? nlohmann::json() : nlohmann::json(model.toStdString()) },
                               { "temperature", numberOrNull(source.value(at + 4).toString(), false) },
                               { "max_tokens", numberOrNull(source.value(at + 5).toString(), true) } };
    return HttpResponse::json(200, body);
}

QByteArray etagOf(const QByteArray &body)
{
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char *>(body.constData()),
                       size_t(body.size()), nullptr, 0);
    return '"' + QByteArray(reinterpret_cast<const char *>(hash), sizeof hash).toHex() + '"';
}

HttpResponse fetch(HttpRequest &request, WorkerServices &services)
{
    thread_local QHash<QString, Resolved> resolvedByKey;

    const QString name = request.params.value(QStringLiteral("name"));
    Selector selector;
    shared::FieldErrors errors;
    selector.label = request.query.queryItemValue(QStringLiteral("label"), QUrl::FullyDecoded);
    const QString version = request.query.queryItemValue(QStringLiteral("version"), QUrl::FullyDecoded);
    if (!version.isEmpty()) {
        bool ok = false;
        selector.number = version.toLongLong(&ok);
        if (!ok || selector.number < 1)
            errors.add(QStringLiteral("version"), QStringLiteral("A version number: 1, 2, 3 …"));
    }
    if (!selector.label.isEmpty() && !version.isEmpty())
        errors.add(QStringLiteral("label"), QStringLiteral("Ask for a label or a version, not both."));
    if (selector.label == QLatin1String(shared::kLatestLabel))
        selector.label.clear(); // implicit: the highest version
    if (!errors.isEmpty())
        return errorResponse(errors.toError());

    const Principal &who = *request.principal;
    const QString key
        = QStringLiteral("by-name|") + who.userId + QLatin1Char('|') + name + QLatin1Char('|') + selector.cacheKey();
    HttpResponse answer = services.answers().answer(request, key, [&] {
        Resolved resolved;
        HttpResponse r = compute(services.database(), who.userId, name, selector, resolved);
        if (r.status == 200) {
            if (resolvedByKey.size() >= kMaxResolved)
                resolvedByKey.clear();
            resolvedByKey.insert(key, resolved);
        }
        return r;
    });
    if (answer.status != 200)
        return answer;
    if (!who.apiKeyId.isEmpty()) {
        auto it = resolvedByKey.constFind(key);
        if (it == resolvedByKey.cend()) {
            // Forgotten beside a kept answer: the answer names both.
            const nlohmann::json j = nlohmann::json::parse(answer.body.toStdString(), nullptr, false);
            Resolved r { QString::fromStdString(j.value("id", std::string())),
                         j.value("version_id", nlohmann::json()).is_string()
                             ? QString::fromStdString(j["version_id"].get<std::string>())
                             : QString() };
            it = resolvedByKey.insert(key, r);
        }
        PromptFetchUsage::instance().record(who, it->promptId, it->versionId);
    }
    const QByteArray etag = etagOf(answer.body);
    if (ConditionalRequest::isNotModified(request, etag, QByteArray())) {
        HttpResponse notModified;
        notModified.status = 304;
        notModified.headers.append({ QByteArrayLiteral("ETag"), etag });
        return notModified;
    }
    answer.headers.append({ QByteArrayLiteral("ETag"), etag });
    return answer;
}

} // namespace

void install(Router &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/prompts/by-name/:name"), fetch, Router::BodyKind::None,
               Guard::program(shared::ApiKeyScope::PromptsRead));
}

} // namespace quire::server::PromptFetch
