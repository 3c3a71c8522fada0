// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"
#include "shared/apikeyscope.h"
#include "shared/permissions.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace quire::server {

// The application's per-thread services, handed to every handler. The
// transport only passes a reference along and never looks inside; the
// application defines it (server/servercontext.h).
class WorkerServices;

// Who may call a route. The transport only carries it in the route table:
// the application's sign-in middleware reads it before any handler runs, so
// authorisation lives here, in the route table, and not in handlers.
struct Guard
{
    bool signedIn = false;
    std::optional<shared::Permission> permission;
    // Authenticated by the readers' session cookie instead of a bearer token;
    // every state-changing request must then carry the session's CSRF token.
    bool browser = false;
    // The scope a personal API key needs to call the route. Routes without
    // one refuse API keys outright, whatever else they allow: keys are for
    // programs, and only these routes are.
    std::optional<shared::ApiKeyScope> apiKeyScope = std::nullopt;

    static Guard open() { return {}; }
    static Guard user() { return { true, std::nullopt, false }; }
    static Guard needs(shared::Permission p) { return { true, p, false }; }
    static Guard reader() { return { true, std::nullopt, true }; }
    // Signed in, or a personal API key with `scope`.
    static Guard program(shared::ApiKeyScope scope) { return { true, std::nullopt, false, scope }; }
};

// Completes an asynchronous request; safe to call from any thread, once.
using Responder = std::function<void(HttpResponse)>;

// The route table: method plus a pattern of literal and `:name` segments.
// Built once before the workers start and only read after, so all threads
// share it without locks.
class Router
{
public:
    using Handler = std::function<HttpResponse(HttpRequest &, WorkerServices &)>;
    using AsyncHandler = std::function<void(HttpRequest &, WorkerServices &, Responder)>;
    // Json: parsed before the handler runs (415/400 otherwise). Upload: a
    // raw body held to the upload limit instead of the general one.
    enum class BodyKind { None, Json, Upload };

    struct Route
    {
        QString method;
        QStringList segments;
        Handler handler;
        AsyncHandler asyncHandler;
        BodyKind body = BodyKind::None;
        Guard guard;

        // As written when added (`/api/v1/articles/:id`): what the route table
        // is listed and documented by, and the bounded label requests are
        // counted under, never the raw path.
        QByteArray pattern;
    };

    struct Match
    {
        const Route *route = nullptr; // set when method and path match
        QHash<QString, QString> params;
        QStringList allowedMethods; // the path matched, but not for this method
    };

    void add(const QString &method, const QString &pattern, Handler handler, BodyKind body = BodyKind::None,
             Guard guard = Guard::open());
    void addAsync(const QString &method, const QString &pattern, AsyncHandler handler, BodyKind body = BodyKind::None,
                  Guard guard = Guard::open());
    // What answers a GET or HEAD for a path no route has, outside /api/ (the
    // readers' styled 404); without it, and for the API, the JSON 404.
    void setPageNotFound(Handler handler);
    Match match(const QString &method, const QString &path) const;
    // Every route, in the order added: for tools that walk the whole table
    // (the JSON-routes fuzzer, the OpenAPI document, `quire-server routes`).
    const QList<Route> &routes() const { return m_routes; }
    // Every method some route answers to, sorted (HEAD comes with GET).
    const QStringList &methods() const { return m_methods; }

private:
    static bool matchSegments(const Route &route, const QStringList &segments, QHash<QString, QString> &params);

    void addMethod(const QString &method);

    QList<Route> m_routes;
    QStringList m_methods;
    std::optional<Route> m_pageNotFound;
};

} // namespace quire::server
