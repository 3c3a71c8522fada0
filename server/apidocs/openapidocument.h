// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/router.h"
#include "shared/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace quire::server {

// The OpenAPI 3.1 description of the API, made from the router's own table
// (paths, methods, path parameters, body kind, who may call: the Guard) and
// the hand-kept words in resources/api/ (operations.json: one entry per
// route with its summary, schemas and error codes; openapi-base.json: info,
// tags and component schemas). What the table knows is never written twice,
// and check() holds the two files to the table both ways.
class OpenApiDocument
{
public:
    // The routes the description covers: everything under /api/ and the
    // health checks. The readers' pages are the site, not the API.
    static bool isApiRoute(const Router::Route &route);
    // "GET /api/v1/prompts/:id": how operations.json names a route.
    static QString routeKey(const Router::Route &route);

    // The built-in files (from the resource), parsed.
    static shared::Result<nlohmann::json> builtinOperations();
    static shared::Result<nlohmann::json> builtinBase();

    // Every disagreement between the table and `operations`: an API route
    // without an entry, an entry without a route, an unknown error code or
    // query parameter, a request schema on a route that takes no JSON body
    // or none on one that does. Empty when they agree.
    static QStringList check(const QList<Router::Route> &routes, const nlohmann::json &operations,
                             const nlohmann::json &base);

    // The document for `routes`, with `version` as info.version.
    static nlohmann::json build(const QList<Router::Route> &routes, const nlohmann::json &operations,
                                const nlohmann::json &base, const QString &version);

    // Structural problems of a document: not 3.1.0, a path item without
    // operations or an operation without responses, a $ref that does not
    // resolve, an operationId twice, a path parameter not declared.
    static QStringList structuralProblems(const nlohmann::json &document);

    // The OpenAPI path of a route ("/api/v1/prompts/{id}").
    static QString openApiPath(const Router::Route &route);
};

} // namespace quire::server
