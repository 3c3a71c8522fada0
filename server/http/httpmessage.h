// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "shared/errorcode.h"
#include "shared/result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::server {

// A request as handlers see it: the path already normalised, route
// parameters filled in and, for JSON routes, the body parsed.
struct HttpRequest
{
    QString method; // upper case, e.g. "GET"
    QString path; // normalised, e.g. "/api/v1/health"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    nlohmann::json json;
    QHash<QString, QString> params;
    QString requestId;
    QHostAddress remoteAddress;
    bool secure = false;
    std::optional<Principal> principal; // set by the sign-in middleware when valid credentials came with it

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
    // A cookie's value from the Cookie header; empty when absent.
    QByteArray cookie(const QByteArray &name) const;
    // For browser routes: the CSRF token of the cookie's session.
    QString csrfToken;
};

// What a handler answers. Common headers (security, request id, length)
// are added by the worker, so handlers set only what is theirs.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const nlohmann::json &body);
    // The API's error envelope.
    static HttpResponse error(int status, const shared::Error &error);
    static HttpResponse error(int status, const QString &code, const QString &message);
    // The envelope of a declared code, with the status it is declared with.
    static HttpResponse error(shared::ErrorCode code, const QString &message);
    // 429 with Retry-After.
    // 404 `not_found` for a path no route answers.
    static HttpResponse nothingAt(const QString &path);
    static HttpResponse tooManyRequests(int retryAfterSeconds);
    // 503 with Retry-After: 1, when a bounded queue is full.
    static HttpResponse busy();
    // 500 without details for the client; `error` goes to the log.
    static HttpResponse internalError(const shared::Error &error);
    // 204 No Content.
    static HttpResponse noContent();
};

} // namespace quire::server
