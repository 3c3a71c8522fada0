// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/apidocs/apireference.h"

#include "server/apidocs/openapidocument.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/jsonqt.h"
#include "shared/pagetemplate.h"
#include "shared/version.h"

#include <memory>

namespace quire::server::ApiReference {

namespace {

using shared::PageTemplate;
using shared::Result;

// Built once, after every route is in the table; read by every worker.
struct Built
{
    Result<nlohmann::json> document = shared::Error::make(shared::ErrorCode::Unavailable, QStringLiteral("not built"));
};

// Who may call an operation, in words, from what build() wrote of its Guard.
QString whoMayCall(const nlohmann::json &op)
{
    const nlohmann::json &security = op["security"];
    if (security.empty())
        return QStringLiteral("anyone");
    QStringList ways;
    for (const auto &alternative : security) {
        for (auto it = alternative.begin(); it != alternative.end(); ++it)
            ways << QString::fromStdString(it.key());
    }
    QString who = ways.join(QStringLiteral(" or "));
    if (const QString permission = shared::textOf(op, "x-quire-permission"); !permission.isEmpty())
        who += QStringLiteral(", needs %1").arg(permission);
    if (const QString scope = shared::textOf(op, "x-quire-api-key-scope"); !scope.isEmpty())
        who += QStringLiteral(" (key scope %1)").arg(scope);
    return who;
}

QString answers(const nlohmann::json &op)
{
    QStringList lines;
    // A success's description is the summary, shown already; errors list their codes.
    for (auto it = op["responses"].begin(); it != op["responses"].end(); ++it) {
        const QString status = QString::fromStdString(it.key());
        lines << (it->contains("x-quire-error-codes") ? status + QLatin1Char(' ') + shared::textOf(*it, "description")
                                                      : status);
    }
    return lines.join(QStringLiteral("; "));
}

QString requestSchema(const nlohmann::json &op)
{
    if (!op.contains("requestBody"))
        return QStringLiteral("none");
    const nlohmann::json &content = op["requestBody"]["content"];
    if (content.contains("application/json"))
        return shared::textOf(content["application/json"]["schema"], "$ref").section(QLatin1Char('/'), -1);
    return QString::fromStdString(content.begin().key());
}

} // namespace

Result<QByteArray> renderPage(const nlohmann::json &document, const QString &siteName)
{
    static const Result<PageTemplate> page = PageTemplate::builtin(QStringLiteral("api-reference"));
    static const Result<PageTemplate> section = PageTemplate::builtin(QStringLiteral("api-reference-tag"));
    static const Result<PageTemplate> row = PageTemplate::builtin(QStringLiteral("api-reference-operation"));
    for (const Result<PageTemplate> *t : { &page, &section, &row }) {
        if (!*t)
            return t->error();
    }
    QByteArray sections;
    int count = 0;
    for (const auto &tag : document["tags"]) {
        const QString tagName = shared::textOf(tag, "name");
        QByteArray rows;
        const nlohmann::json &paths = document["paths"];
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            for (auto op = path->begin(); op != path->end(); ++op) {
                if (!op->contains("tags") || (*op)["tags"].empty() || (*op)["tags"][0].get<QString>() != tagName)
                    continue;
                Result<QByteArray> html = row->render({ { "id", shared::textOf(*op, "operationId") },
                                                        { "method", QString::fromStdString(op.key()).toUpper() },
                                                        { "path", QString::fromStdString(path.key()) },
                                                        { "summary", shared::textOf(*op, "summary") },
                                                        { "who", whoMayCall(*op) },
                                                        { "request", requestSchema(*op) },
                                                        { "answers", answers(*op) } });
                if (!html)
                    return html.error();
                rows += *html;
                ++count;
            }
        }
        if (rows.isEmpty())
            continue;
        Result<QByteArray> html = section->render(
            { { "tag", tagName }, { "description", shared::textOf(tag, "description") } }, { { "rows_html", rows } });
        if (!html)
            return html.error();
        sections += *html;
    }
    const nlohmann::json &info = document["info"];
    return page->render({ { "lang", QStringLiteral("en") },
                          { "site_name", siteName },
                          { "title", shared::textOf(info, "title") },
                          { "version", shared::textOf(info, "version") },
                          { "description", shared::textOf(info, "description") },
                          { "count", QString::number(count) },
                          { "document_path", QLatin1String(kDocumentPath) } },
                        { { "sections_html", sections } });
}

void install(Router &router)
{
    auto built = std::make_shared<Built>();
    router.add(QStringLiteral("GET"), QLatin1String(kDocumentPath), [built](HttpRequest &, WorkerServices &) {
        if (!built->document)
            return HttpResponse::internalError(built->document.error());
        return HttpResponse::json(200, *built->document);
    });
    router.add(QStringLiteral("GET"), QLatin1String(kPagePath), [built](HttpRequest &, WorkerServices &services) {
        if (!built->document)
            return HttpResponse::internalError(built->document.error());
        Result<QByteArray> html = renderPage(*built->document, services.context().siteName);
        if (!html)
            return HttpResponse::internalError(html.error());
        HttpResponse r;
        r.contentType = QByteArrayLiteral("text/html; charset=utf-8");
        r.body = *html;
        return r;
    });
    // Now the table is whole: describe it. A missing resource is answered
    // as a 500 on these two routes rather than stopping the server.
    Result<nlohmann::json> operations = OpenApiDocument::builtinOperations();
    Result<nlohmann::json> base = OpenApiDocument::builtinBase();
    if (!operations)
        built->document = operations.error();
    else if (!base)
        built->document = base.error();
    else
        built->document
            = OpenApiDocument::build(router.routes(), *operations, *base, QString::fromLatin1(shared::kVersion));
}

} // namespace quire::server::ApiReference
