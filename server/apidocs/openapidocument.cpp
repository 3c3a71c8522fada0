// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/apidocs/openapidocument.h"

#include "shared/errorcode.h"
#include "shared/jsonqt.h"
#include "shared/strictjson.h"

#include <QFile>
#include <QMap>
#include <QSet>

#include <functional>

namespace quire::server {

using shared::Error;
using shared::ErrorCode;
using shared::Result;

namespace {

const QString kPathParameter = QStringLiteral(":");

Result<nlohmann::json> readResource(const QString &name)
{
    QFile file(QStringLiteral(":/quire/api/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::TemplateMissing, QStringLiteral("no built-in %1").arg(name));
    return shared::StrictJson::parse(file.readAll());
}

QStringList pathParameters(const Router::Route &route)
{
    QStringList names;
    for (const QString &segment : route.segments) {
        if (segment.startsWith(kPathParameter))
            names << segment.mid(1);
    }
    return names;
}

nlohmann::json schemaRef(const std::string &name)
{
    return { { "$ref", "#/components/schemas/" + name } };
}

// The error codes a route can answer whatever its handler does: those of
// the worker and middleware in front of it, read from the route's table row.
QStringList transportErrors(const Router::Route &route)
{
    QList<ErrorCode> codes;
    if (route.body == Router::BodyKind::Json)
        codes << ErrorCode::ValidationFailed << ErrorCode::InvalidJson << ErrorCode::UnsupportedMediaType
              << ErrorCode::PayloadTooLarge;
    if (route.body == Router::BodyKind::Upload)
        codes << ErrorCode::PayloadTooLarge;
    if (route.guard.signedIn)
        codes << ErrorCode::Unauthenticated;
    if (route.guard.permission || route.guard.apiKeyScope)
        codes << ErrorCode::Forbidden;
    if (route.guard.browser)
        codes << ErrorCode::CsrfFailed;
    if (!pathParameters(route).isEmpty())
        codes << ErrorCode::NotFound;
    QStringList names;
    for (ErrorCode code : codes)
        names << shared::errorCodeName(code);
    return names;
}

nlohmann::json security(const Guard &guard)
{
    if (!guard.signedIn)
        return nlohmann::json::array(); // open: no credentials needed
    if (guard.browser)
        return { { { "sessionCookie", nlohmann::json::array() } } };
    nlohmann::json schemes = { { { "bearer", nlohmann::json::array() } } };
    if (guard.apiKeyScope)
        schemes.push_back({ { "apiKey", nlohmann::json::array() } });
    return schemes;
}

nlohmann::json operation(const Router::Route &route, const nlohmann::json &entry)
{
    nlohmann::json op { { "operationId", entry.value("id", "") },
                        { "summary", entry.value("summary", "") },
                        { "tags", { entry.value("tag", "") } },
                        { "security", security(route.guard) } };
    if (entry.contains("description"))
        op["description"] = entry["description"];
    if (route.guard.permission)
        op["x-quire-permission"] = shared::permissionName(*route.guard.permission);
    if (route.guard.apiKeyScope)
        op["x-quire-api-key-scope"] = shared::kApiKeyScopes.name(*route.guard.apiKeyScope);

    nlohmann::json parameters = nlohmann::json::array();
    for (const QString &name : pathParameters(route))
        parameters.push_back(
            { { "name", name }, { "in", "path" }, { "required", true }, { "schema", { { "type", "string" } } } });
    for (const auto &query : entry.value("query", nlohmann::json::array()))
        parameters.push_back({ { "$ref", "#/components/parameters/" + query.get<std::string>() } });
    if (!parameters.empty())
        op["parameters"] = parameters;

    if (route.body == Router::BodyKind::Json)
        op["requestBody"] = {
            { "required", true },
            { "content",
              { { "application/json", { { "schema", schemaRef(entry.value("request", std::string("Empty"))) } } } } }
        };
    if (route.body == Router::BodyKind::Upload)
        op["requestBody"] = { { "required", true },
                              { "content",
                                { { entry.value("request_media", std::string("application/octet-stream")),
                                    { { "schema", { { "type", "string" }, { "format", "binary" } } } } } } } };

    nlohmann::json responses = nlohmann::json::object();
    const int status = entry.value("status", 200);
    nlohmann::json success { { "description", entry.value("summary", "") } };
    if (entry.contains("response")) {
        const std::string media = entry.value("media", "application/json");
        const nlohmann::json schema
            = media == "application/json" ? schemaRef(entry["response"]) : nlohmann::json { { "type", "string" } };
        success["content"] = { { media, { { "schema", schema } } } };
    }
    responses[std::to_string(status)] = success;

    // Each error status lists its codes; the body is always the Error shape.
    QMap<int, QStringList> byStatus;
    QStringList codes = transportErrors(route);
    for (const auto &code : entry.value("errors", nlohmann::json::array()))
        codes << code.get<QString>();
    for (const QString &code : codes) {
        const int s = shared::httpStatusOf(code);
        if (!byStatus[s].contains(code))
            byStatus[s] << code;
    }
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        responses[std::to_string(it.key())]
            = { { "description", it.value().join(QStringLiteral(", ")) },
                { "x-quire-error-codes", it.value() },
                { "content", { { "application/json", { { "schema", schemaRef("Error") } } } } } };
    op["responses"] = responses;
    return op;
}

} // namespace

bool OpenApiDocument::isApiRoute(const Router::Route &route)
{
    return !route.segments.isEmpty()
        && (route.segments.first() == QLatin1String("api") || route.segments.first() == QLatin1String("health"));
}

QString OpenApiDocument::routeKey(const Router::Route &route)
{
    return route.method + QLatin1Char(' ') + QString::fromLatin1(route.pattern);
}

QString OpenApiDocument::openApiPath(const Router::Route &route)
{
    QStringList parts;
    for (const QString &segment : route.segments)
        parts << (segment.startsWith(kPathParameter) ? QLatin1Char('{') + segment.mid(1) + QLatin1Char('}') : segment);
    return QLatin1Char('/') + parts.join(QLatin1Char('/'));
}

Result<nlohmann::json> OpenApiDocument::builtinOperations()
{
    return readResource(QStringLiteral("operations.json"));
}

Result<nlohmann::json> OpenApiDocument::builtinBase()
{
    return readResource(QStringLiteral("openapi-base.json"));
}

QStringList OpenApiDocument::check(const QList<Router::Route> &routes, const nlohmann::json &operations,
                                   const nlohmann::json &base)
{
    QStringList problems;
    QSet<QString> routed;
    const nlohmann::json &parameters = base["components"]["parameters"];
    const nlohmann::json &schemas = base["components"]["schemas"];
    for (const Router::Route &route : routes) {
        if (!isApiRoute(route))
            continue;
        const QString key = routeKey(route);
        routed.insert(key);
        const auto found = operations.find(key.toStdString());
        if (found == operations.end()) {
            problems << QStringLiteral("undocumented route: %1").arg(key);
            continue;
        }
        const nlohmann::json &entry = *found;
        for (const char *field : { "id", "tag", "summary" }) {
            if (shared::textOf(entry, field).isEmpty())
                problems << QStringLiteral("%1: no %2").arg(key, QLatin1String(field));
        }
        const bool takesJson = route.body == Router::BodyKind::Json;
        if (takesJson != entry.contains("request"))
            problems << QStringLiteral("%1: a request schema %2")
                            .arg(key,
                                 takesJson ? QStringLiteral("is missing")
                                           : QStringLiteral("on a route without a JSON body"));
        for (const char *field : { "request", "response" }) {
            if (entry.contains(field) && entry.value("media", "application/json") == "application/json"
                && !schemas.contains(entry[field].get<std::string>()))
                problems << QStringLiteral("%1: no schema %2").arg(key, entry[field].get<QString>());
        }
        for (const auto &code : entry.value("errors", nlohmann::json::array())) {
            if (!code.is_string() || !shared::errorCodeFromName(code.get<QString>()))
                problems << QStringLiteral("%1: unknown error code %2").arg(key, QString::fromStdString(code.dump()));
        }
        for (const auto &query : entry.value("query", nlohmann::json::array())) {
            if (!query.is_string() || !parameters.contains(query.get<std::string>()))
                problems
                    << QStringLiteral("%1: unknown query parameter %2").arg(key, QString::fromStdString(query.dump()));
        }
    }
    for (auto it = operations.begin(); it != operations.end(); ++it) {
        if (!routed.contains(QString::fromStdString(it.key())))
            problems
                << QStringLiteral("documented route that does not exist: %1").arg(QString::fromStdString(it.key()));
    }
    return problems;
}

nlohmann::json OpenApiDocument::build(const QList<Router::Route> &routes, const nlohmann::json &operations,
                                      const nlohmann::json &base, const QString &version)
{
    nlohmann::json document = base;
    document["info"]["version"] = version;
    // The codes come from the one table of them, so the schema cannot lag.
    nlohmann::json codes = nlohmann::json::array();
    for (const QString &name : shared::errorCodeNames())
        codes.push_back(name);
    document["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"] = codes;
    nlohmann::json paths = nlohmann::json::object();
    for (const Router::Route &route : routes) {
        const auto entry = operations.find(routeKey(route).toStdString());
        // An undocumented route is left out here and named by check().
        if (!isApiRoute(route) || entry == operations.end())
            continue;
        paths[openApiPath(route).toStdString()][route.method.toLower().toStdString()] = operation(route, *entry);
    }
    document["paths"] = paths;
    return document;
}

QStringList OpenApiDocument::structuralProblems(const nlohmann::json &document)
{
    QStringList problems;
    if (document.value("openapi", "") != "3.1.0")
        problems << QStringLiteral("openapi is not \"3.1.0\"");
    if (!document.contains("info") || !document["info"].contains("title") || !document["info"].contains("version"))
        problems << QStringLiteral("info needs title and version");
    static const QSet<QString> kMethods { QStringLiteral("get"),    QStringLiteral("put"),     QStringLiteral("post"),
                                          QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
                                          QStringLiteral("patch"),  QStringLiteral("trace") };
    QSet<QString> operationIds;
    const nlohmann::json paths = document.value("paths", nlohmann::json::object());
    if (paths.empty())
        problems << QStringLiteral("no paths");
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QString name = QString::fromStdString(path.key());
        int count = 0;
        for (auto op = path->begin(); op != path->end(); ++op) {
            if (!kMethods.contains(QString::fromStdString(op.key())))
                continue;
            ++count;
            const QString where = QString::fromStdString(op.key()).toUpper() + QLatin1Char(' ') + name;
            const QString id = shared::textOf(*op, "operationId");
            if (id.isEmpty() || operationIds.contains(id))
                problems << QStringLiteral("%1: operationId missing or used twice (%2)").arg(where, id);
            operationIds.insert(id);
            if (!op->contains("responses") || (*op)["responses"].empty())
                problems << QStringLiteral("%1: no responses").arg(where);
            QSet<QString> declared;
            for (const auto &p : op->value("parameters", nlohmann::json::array())) {
                if (p.value("in", "") == "path")
                    declared.insert(p.value("name", QString()));
            }
            for (const QString &segment : name.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
                if (segment.startsWith(QLatin1Char('{')) && !declared.contains(segment.mid(1).chopped(1)))
                    problems << QStringLiteral("%1: path parameter %2 not declared").arg(where, segment);
            }
        }
        if (count == 0)
            problems << QStringLiteral("%1: no operations").arg(name);
    }
    // Every $ref must point at something in this document.
    std::function<void(const nlohmann::json &)> walk = [&](const nlohmann::json &node) {
        if (node.is_object()) {
            if (const auto ref = node.find("$ref"); ref != node.end()) {
                const std::string target = ref->is_string() ? ref->get<std::string>() : std::string();
                if (target.rfind("#/", 0) != 0 || !document.contains(nlohmann::json::json_pointer(target.substr(1))))
                    problems << QStringLiteral("unresolved $ref %1").arg(QString::fromStdString(target));
            }
        }
        if (node.is_structured()) {
            for (const auto &child : node)
                walk(child);
        }
    };
    walk(document);
    return problems;
}

} // namespace quire::server
