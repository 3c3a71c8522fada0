// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/websessionroutes.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/auditlog.h"
#include "server/accounts/formguard.h"
#include "server/accounts/sessioncookie.h"
#include "server/accounts/signin.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"
#include "shared/strictjson.h"

#include <QUrl>
#include <QUrlQuery>

namespace quire::server::WebSessionRoutes {

namespace {

QByteArray sessionCookie(const QString &value, qint64 maxAgeSeconds)
{
    return QByteArray(kSessionCookie) + '=' + value.toLatin1()
        + "; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=" + QByteArray::number(maxAgeSeconds);
}

bool isForm(const HttpRequest &request)
{
    return request.header("Content-Type").split(';').first().trimmed().toLower() == "application/x-www-form-urlencoded";
}

void signIn(HttpRequest &request, WorkerServices &services, Responder respond)
{
    QString email, password, next;
    shared::FieldErrors errors;
    const bool form = isForm(request);
    if (form) {
        // Login CSRF: a form from another site could sign the browser into
        // someone else's account.
        if (FormGuard::fromAnotherSite(request, services.context().publicBaseUrl)) {
            respond(errorResponse(shared::Error::make(shared::ErrorCode::CsrfFailed,
                                                      QStringLiteral("The form did not come from this site."))));
            return;
        }
        const QUrlQuery fields(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
        email = fields.queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded);
        password = fields.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
        next = safeNext(fields.queryItemValue(QStringLiteral("next"), QUrl::FullyDecoded));
        if (email.isEmpty())
            errors.add(QStringLiteral("email"), QStringLiteral("This field is required."));
        if (password.isEmpty())
            errors.add(QStringLiteral("password"), QStringLiteral("This field is required."));
    } else if (request.header("Content-Type").split(';').first().trimmed().toLower() == "application/json") {
        const shared::Result<nlohmann::json> body = shared::StrictJson::parse(request.body);
        if (!body) {
            respond(errorResponse(body.error()));
            return;
        }
        shared::JsonReader r(*body, errors);
        email = r.string("email", shared::JsonReader::Presence::Required).value_or(QString());
        password = r.string("password", shared::JsonReader::Presence::Required).value_or(QString());
        r.refuseUnknown();
    } else {
        respond(errorResponse(
            shared::Error::make(shared::ErrorCode::UnsupportedMediaType, QStringLiteral("Send a form or JSON."))));
        return;
    }
    if (!errors.isEmpty()) {
        respond(errorResponse(errors.toError()));
        return;
    }
    const QString ip = request.remoteAddress.toString();
    SignIn::verify(
        services, email, password, ip,
        [&services, ip, form, next, agent = QString::fromUtf8(request.header("User-Agent")),
         respond](const SignIn::Outcome &outcome) {
            if (outcome.kind != SignIn::Outcome::Kind::Ok) {
                if (form
                    && (outcome.kind == SignIn::Outcome::Kind::Invalid
                        || outcome.kind == SignIn::Outcome::Kind::Disabled)) {
                    // Back to the form, which says what went wrong (in general terms).
                    HttpResponse r;
                    r.status = 303;
                    r.headers.append(
                        { QByteArrayLiteral("Location"), "/sign-in?failed=1&next=" + QUrl::toPercentEncoding(next) });
                    respond(r);
                    return;
                }
                respond(SignIn::failure(outcome));
                return;
            }
            // A new session id at every sign-in: a planted cookie never survives it.
            shared::Result<AccountStore::WebSession> web
                = services.accounts().createWebSession(outcome.user.user.id, ip, agent);
            if (!web) {
                respond(SignIn::failure(SignIn::Outcome { SignIn::Outcome::Kind::Error, {}, 0, web.error().message }));
                return;
            }
            AuditLog::note(services.database(), outcome.user.user.id, QStringLiteral("login"), outcome.user.user.id, ip,
                           { { "via", "browser" } });
            HttpResponse r = form
                ? HttpResponse()
                : HttpResponse::json(200, { { "user", outcome.user.user.toJson() }, { "csrf_token", web->csrfToken } });
            if (form) {
                r.status = 303;
                r.headers.append({ QByteArrayLiteral("Location"), next.toUtf8() });
            }
            r.headers.append(
                { QByteArrayLiteral("Set-Cookie"), sessionCookie(web->cookie, AccountStore::kWebLifetimeMs / 1000) });
            respond(r);
        });
}

HttpResponse whoAmI(HttpRequest &request, WorkerServices &services)
{
    shared::Result<std::optional<StoredUser>> me = services.accounts().findById(request.principal->userId);
    if (!me || !*me)
        return errorResponse(shared::Error::make(shared::ErrorCode::Unauthenticated, QStringLiteral("Sign in first.")));
    return HttpResponse::json(200, { { "user", (*me)->user.toJson() }, { "csrf_token", request.csrfToken } });
}

HttpResponse signOut(HttpRequest &request, WorkerServices &services)
{
    if (shared::VoidResult r = services.accounts().revokeSession(request.principal->sessionId); !r)
        return HttpResponse::internalError(r.error());
    AuditLog::note(services.database(), request.principal->userId, QStringLiteral("logout"),
                   request.principal->sessionId, request.remoteAddress.toString(), { { "via", "browser" } });
    HttpResponse r;
    r.status = 204;
    if (isForm(request)) {
        r.status = 303; // the sign-out button of the site's pages
        r.headers.append({ QByteArrayLiteral("Location"), QByteArrayLiteral("/") });
    }
    r.headers.append({ QByteArrayLiteral("Set-Cookie"), sessionCookie(QString(), 0) });
    return r;
}

} // namespace

void install(Router &router)
{
    router.addAsync(QStringLiteral("POST"), QStringLiteral("/session"), signIn);
    router.add(QStringLiteral("GET"), QStringLiteral("/session"), whoAmI, Router::BodyKind::None, Guard::reader());
    router.add(QStringLiteral("POST"), QStringLiteral("/session/logout"), signOut, Router::BodyKind::None,
               Guard::reader());
}

QString safeNext(const QString &next)
{
    // A local path: one leading slash, no scheme, no host, no backslash
    // tricks browsers read as "//".
    const bool local = next.startsWith(QLatin1Char('/')) && !next.startsWith(QLatin1String("//"))
        && !next.contains(QLatin1Char('\\')) && !next.contains(QLatin1Char('\r')) && !next.contains(QLatin1Char('\n'))
        && QUrl(next, QUrl::StrictMode).isValid() && QUrl(next).isRelative();
    return local ? next : QStringLiteral("/");
}

} // namespace quire::server::WebSessionRoutes
