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
#include "shared/prompttables.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
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

// The prompt and its version as one row: the prompt's columns, then the
// version's (null when there is none), so that the prompt as it is answers
// for the latest while it has no versions yet.
struct Row
{
    static constexpr int kPrompt = 0; // id, name, then the body
    static constexpr int kVersion = 8; // id, number, created_at, then the body
    static constexpr int kBody = 2; // kind, content, messages, model, temperature, max_tokens
    QVariantList values;
    bool hasVersion() const { return !values.value(kVersion).isNull(); }
    QString text(int at) const { return values.value(at).toString(); }
    // The body column `i` (0: kind … 5: max_tokens) of the version, or of the prompt.
    QString body(int i) const { return text((hasVersion() ? kVersion + 3 : kPrompt + kBody) + i); }
};

const QString kBodyColumns
    = QStringLiteral("%1.kind, %1.content, %1.messages, %1.model, %1.temperature, %1.max_tokens");

// One statement per kind of selector, each a single indexed lookup (see
// EXPLAIN QUERY PLAN in the README): the prompt by (owner_id, name)
// (prompts_author_by_name), then its label by (prompt_id, name)
// (prompt_labels_prompt_by_name) and the version by id, or its versions by
// prompt_id (prompt_versions_prompt_by_created). The selector binds first,
// then the owner and the name.
QString statementFor(const Selector &selector)
{
    QString join;
    if (!selector.label.isEmpty())
        join = QStringLiteral("LEFT JOIN %1 l ON l.prompt_id = p.id AND l.name = ? AND l.deleted = 0 "
                              "LEFT JOIN %2 v ON v.id = l.version_id AND v.deleted = 0")
                   .arg(shared::promptLabelsTable(), shared::promptVersionsTable());
    else if (selector.number > 0)
        join = QStringLiteral("LEFT JOIN %1 v ON v.prompt_id = p.id AND v.number = ? AND v.deleted = 0")
                   .arg(shared::promptVersionsTable());
    else
        join = QStringLiteral("LEFT JOIN %1 v ON v.id = (SELECT x.id FROM %1 x WHERE "
                              "x.prompt_id = p.id AND x.deleted = 0 ORDER BY x.created_at DESC, x.id DESC LIMIT 1)")
                   .arg(shared::promptVersionsTable());
    return QStringLiteral("SELECT p.id, p.name, %1, v.id, v.number, v.created_at, %2 FROM %3 p %4 "
                          "WHERE p.owner_id = ? AND p.name = ? AND p.deleted = 0 LIMIT 1")
        .arg(kBodyColumns.arg(QLatin1Char('p')), kBodyColumns.arg(QLatin1Char('v')), shared::promptsTable(), join);
}

// The first row of `sql` (a statement prepared once per worker), read and
// finished at once; no row: an empty Row.
shared::Result<Row> readRow(shared::Database &db, const QString &sql, const QVariantList &binds)
{
    shared::Result<std::shared_ptr<QSqlQuery>> prepared = db.prepared(sql);
    if (!prepared)
        return prepared.error();
    QSqlQuery &q = **prepared;
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bindValue(int(i), db.forBinding(binds[i]));
    if (!q.exec()) {
        const shared::Error error = shared::Error::make(shared::ErrorCode::Internal, q.lastError().text());
        q.finish();
        return error;
    }
    Row row;
    if (q.next()) {
        const int n = q.record().count();
        row.values.reserve(n);
        for (int i = 0; i < n; ++i)
            row.values << q.value(i);
    }
    q.finish();
    return row;
}

// The version's number: the server's, or (while versions carry none) its
// place in arrival order, which is how the server numbers them.
shared::Result<qint64> numberOf(shared::Database &db, const Row &row)
{
    bool ok = false;
    const qint64 n = row.text(Row::kVersion + 1).toLongLong(&ok);
    if (ok)
        return n;
    const QVariant createdAt = row.values.value(Row::kVersion + 2);
    shared::Result<QVariant> place
        = db.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE prompt_id = ? AND deleted = 0 AND "
                                   "(created_at < ? OR (created_at = ? AND id <= ?))")
                        .arg(shared::promptVersionsTable()),
                    { row.values.value(Row::kPrompt), createdAt, createdAt, row.values.value(Row::kVersion) });
    if (!place)
        return place.error();
    return place->toLongLong();
}

// The answer for `name` among `ownerId`'s prompts, and what it resolved to.
HttpResponse compute(shared::Database &db, const QString &ownerId, const QString &name, const Selector &selector,
                     Resolved &resolved)
{
    QVariantList binds;
    if (!selector.label.isEmpty())
        binds << selector.label;
    else if (selector.number > 0)
        binds << QString::number(selector.number);
    binds << ownerId << name;
    shared::Result<Row> row = readRow(db, statementFor(selector), binds);
    if (!row)
        return HttpResponse::internalError(row.error());
    if (row->values.isEmpty())
        return notFound(QStringLiteral("You have no prompt named %1.").arg(name));
    const QString promptId = row->text(Row::kPrompt);
    if (!row->hasVersion() && selector.number > 0) {
        // Versions without the server's numbers yet: the n-th in arrival order.
        const QString sql
            = QStringLiteral("SELECT p.id, p.name, %1, v.id, v.number, v.created_at, %2 FROM %3 p "
                             "JOIN %4 v ON v.prompt_id = p.id WHERE p.id = ? AND v.deleted = 0 "
                             "AND (v.number IS NULL OR v.number = '') ORDER BY v.created_at, v.id LIMIT 1 OFFSET ?")
                  .arg(kBodyColumns.arg(QLatin1Char('p')), kBodyColumns.arg(QLatin1Char('v')), shared::promptsTable(),
                       shared::promptVersionsTable());
        shared::Result<Row> nth = readRow(db, sql, { promptId, selector.number - 1 });
        if (!nth)
            return HttpResponse::internalError(nth.error());
        if (!nth->values.isEmpty())
            row = std::move(nth);
    }
    const bool found = row->hasVersion();
    if (!found && (!selector.label.isEmpty() || selector.number > 0))
        return notFound(!selector.label.isEmpty()
                            ? QStringLiteral("The prompt %1 has no label %2.").arg(name, selector.label)
                            : QStringLiteral("The prompt %1 has no version %2.").arg(name).arg(selector.number));

    nlohmann::json body { { "id", promptId.toStdString() }, { "name", row->text(Row::kPrompt + 1).toStdString() } };
    // Without versions yet, the latest is the prompt as it is.
    if (found) {
        shared::Result<qint64> number = numberOf(db, *row);
        if (!number)
            return HttpResponse::internalError(number.error());
        body["version"] = *number;
        resolved.versionId = row->text(Row::kVersion);
        body["version_id"] = resolved.versionId.toStdString();
    } else {
        body["version"] = nullptr;
        body["version_id"] = nullptr;
    }
    resolved.promptId = promptId;
    body["label"] = selector.label.isEmpty() ? nlohmann::json() : nlohmann::json(selector.label.toStdString());
    const QString kind = row->body(0);
    body["kind"] = kind.toStdString();
    const QString content = row->body(1);
    if (kind == shared::kPromptKinds.name(shared::PromptKind::Chat)) {
        nlohmann::json messages = nlohmann::json::parse(row->body(2).toStdString(), nullptr, false);
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
    const QString model = row->body(3);
    body["model_settings"] = { { "model", model.isEmpty() ? nlohmann::json() : nlohmann::json(model.toStdString()) },
                               { "temperature", numberOrNull(row->body(4), false) },
                               { "max_tokens", numberOrNull(row->body(5), true) } };
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

QStringList lookupStatements()
{
    return { statementFor(Selector { .label = QStringLiteral("production") }),
             statementFor(Selector { .label = QString(), .number = 1 }), statementFor(Selector {}) };
}

void install(Router &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/prompts/by-name/:name"), fetch, Router::BodyKind::None,
               Guard::program(shared::ApiKeyScope::PromptsRead));
}

} // namespace quire::server::PromptFetch
