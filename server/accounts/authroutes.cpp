// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/authroutes.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/auditlog.h"
#include "server/accounts/onetimepassword.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/passwordpolicy.h"
#include "server/accounts/ratelimiter.h"
#include "server/accounts/recoveryroutes.h"
#include "server/accounts/signin.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"

#include <QVariant>

namespace quire::server::AuthRoutes {

using shared::FieldErrors;
using shared::JsonReader;

namespace {

const RateLimiter::Policy kRegisterPerIp { 5, 1.0 / 120 };

nlohmann::json tokensJson(const IssuedTokens &t, const shared::User &user)
{
    return { { "access_token", t.accessToken },
             { "refresh_token", t.refreshToken },
             { "token_type", "Bearer" },
             { "expires_in", t.expiresInSeconds },
             { "user", user.toJson() } };
}

QString userAgent(const HttpRequest &request)
{
    return QString::fromUtf8(request.header("User-Agent"));
}

} // namespace

void registerUser(HttpRequest &request, WorkerServices &services, Responder respond)
{
    if (const std::optional<int> wait
        = services.limiter().take(QStringLiteral("register:ip:") + request.remoteAddress.toString(), kRegisterPerIp,
                                  shared::Clock::instance().nowMs())) {
        respond(HttpResponse::tooManyRequests(*wait));
        return;
    }
    const ServerConfig::Registration mode = services.context().config.registration;
    if (mode == ServerConfig::Registration::Closed) {
        respond(errorResponse(shared::Error::make(
            shared::ErrorCode::RegistrationClosed,
            QStringLiteral("This server does not take registrations; ask an administrator for an account."))));
        return;
    }
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString email
        = shared::User::normalizeEmail(r.string("email", JsonReader::Presence::Required).value_or(QString()));
    const QString password = r.string("password", JsonReader::Presence::Required).value_or(QString());
    const QString name = r.string("name", JsonReader::Presence::Required).value_or(QString()).trimmed();
    const std::optional<QString> invite = r.string("invite_code");
    r.refuseUnknown();
    if (!errors.has(QStringLiteral("email"))
        && (!shared::User::isPlausibleEmail(email) || email.size() > shared::User::kMaxEmailLength))
        errors.add(QStringLiteral("email"), QStringLiteral("Must be an email address like name@example.com."));
    errors.checkText(QStringLiteral("name"), name, shared::User::kMaxNameLength);
    if (!errors.has(QStringLiteral("password"))) {
        if (const std::optional<QString> weak = PasswordPolicy::instance().check(password))
            errors.add(QStringLiteral("password"), *weak);
    }
    if (mode == ServerConfig::Registration::Invite && !invite && !errors.has(QStringLiteral("invite_code")))
        errors.add(QStringLiteral("invite_code"),
                   QStringLiteral("This server takes registrations with an invite code only."));
    if (!errors.isEmpty()) {
        respond(errorResponse(errors.toError()));
        return;
    }
    shared::Result<std::optional<StoredUser>> existing = services.accounts().findByEmail(email);
    if (!existing) {
        respond(HttpResponse::internalError(existing.error()));
        return;
    }
    if (*existing) {
        respond(errorResponse(shared::Error::make(shared::ErrorCode::EmailTaken,
                                                  QStringLiteral("An account with this email address exists."))));
        return;
    }
    if (mode == ServerConfig::Registration::Invite) {
        shared::Result<std::optional<shared::Role>> role = services.accounts().inviteRole(invite.value_or(QString()));
        if (!role) {
            respond(HttpResponse::internalError(role.error()));
            return;
        }
        if (!*role) {
            FieldErrors bad;
            bad.add(QStringLiteral("invite_code"), QStringLiteral("This invite code is unknown, used or expired."));
            respond(errorResponse(bad.toError()));
            return;
        }
    }
    const QByteArray secret = password.toUtf8();
    const bool queued = services.hasher().runAsync(
        services.thread(),
        [&hasher = services.hasher(), secret] {
            shared::Result<QByteArray> h = hasher.hash(secret);
            return h ? QVariant(h.value()) : QVariant();
        },
        [&services, email, name, code = invite.value_or(QString()), mode, ip = request.remoteAddress.toString(),
         respond](const QVariant &hash) {
            if (!hash.isValid()) {
                respond(HttpResponse::internalError(
                    shared::Error::make(shared::ErrorCode::HashFailed, QStringLiteral("hashing failed"))));
                return;
            }
            shared::Result<StoredUser> created = mode == ServerConfig::Registration::Invite
                ? services.accounts().insertUserWithInvite(code, email, name, hash.toByteArray())
                : services.accounts().insertUser(email, name, shared::Role::Reader, hash.toByteArray(), false);
            if (!created) {
                respond(errorResponse(created.error())); // email_taken, invite_invalid or the database
                return;
            }
            AuditLog::note(services.database(), created->user.id, QStringLiteral("register"), created->user.id, ip);
            RecoveryRoutes::sendVerification(services, created->user.id, created->user.email, created->user.name);
            respond(HttpResponse::json(201, { { "user", created->user.toJson() } }));
        });
    if (!queued)
        respond(HttpResponse::busy());
}

namespace {

void login(HttpRequest &request, WorkerServices &services, Responder respond)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString email = r.string("email", JsonReader::Presence::Required).value_or(QString());
    const QString password = r.string("password", JsonReader::Presence::Required).value_or(QString());
    r.refuseUnknown();
    if (!errors.isEmpty()) {
        respond(errorResponse(errors.toError()));
        return;
    }
    const QString ip = request.remoteAddress.toString();
    SignIn::verify(services, email, password, ip,
                   [&services, ip, agent = userAgent(request), respond](const SignIn::Outcome &outcome) {
                       if (outcome.kind != SignIn::Outcome::Kind::Ok) {
                           respond(SignIn::failure(outcome));
                           return;
                       }
                       shared::Result<IssuedTokens> tokens
                           = services.accounts().createSession(outcome.user.user.id, ip, agent);
                       if (!tokens) {
                           respond(HttpResponse::internalError(tokens.error()));
                           return;
                       }
                       AuditLog::note(services.database(), outcome.user.user.id, QStringLiteral("login"),
                                      outcome.user.user.id, ip);
                       nlohmann::json body = tokensJson(*tokens, outcome.user.user);
                       // A password that was shown in a terminal: the client asks
                       // for a new one. Unknown (a failed read) asks nothing.
                       shared::Result<bool> oneTime
                           = OneTimePassword::isPending(services.database(), outcome.user.user.id);
                       body["password_change_required"] = oneTime && *oneTime;
                       respond(HttpResponse::json(200, body));
                   });
}

HttpResponse refresh(HttpRequest &request, WorkerServices &services)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString token = r.string("refresh_token", JsonReader::Presence::Required).value_or(QString());
    r.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    shared::Result<AccountStore::RefreshResult> result
        = services.accounts().refresh(token, qint64(services.context().config.refreshReuseGraceSeconds) * 1000);
    if (!result)
        return HttpResponse::internalError(result.error());
    const QString ip = request.remoteAddress.toString();
    switch (result->outcome) {
    case AccountStore::RefreshOutcome::Rotated: {
        shared::Result<std::optional<StoredUser>> user = services.accounts().findById(result->userId);
        if (!user || !*user)
            return HttpResponse::internalError(
                shared::Error::make(shared::ErrorCode::Internal, QStringLiteral("user vanished during refresh")));
        return HttpResponse::json(200, tokensJson(result->tokens, (*user)->user));
    }
    case AccountStore::RefreshOutcome::Reused:
        AuditLog::note(services.database(), result->userId, QStringLiteral("refresh_token_reuse"), result->sessionId,
                       ip);
        return errorResponse(shared::Error::make(
            shared::ErrorCode::RefreshTokenReused,
            QStringLiteral("This refresh token was used before; the session is ended. Sign in again.")));
    case AccountStore::RefreshOutcome::Disabled:
        // 401, not the 403 of sign-in: here it is the token that stops working.
        return HttpResponse::error(
            401, shared::Error::make(shared::ErrorCode::AccountDisabled, QStringLiteral("This account is disabled.")));
    case AccountStore::RefreshOutcome::Invalid:
        break;
    }
    return errorResponse(
        shared::Error::make(shared::ErrorCode::InvalidRefreshToken,
                            QStringLiteral("The refresh token is unknown, expired or revoked. Sign in again.")));
}

HttpResponse logout(HttpRequest &request, WorkerServices &services)
{
    const Principal &me = *request.principal;
    if (shared::VoidResult r = services.accounts().revokeSession(me.sessionId); !r)
        return HttpResponse::internalError(r.error());
    AuditLog::note(services.database(), me.userId, QStringLiteral("logout"), me.sessionId,
                   request.remoteAddress.toString());
    return HttpResponse::noContent();
}

HttpResponse logoutAll(HttpRequest &request, WorkerServices &services)
{
    const Principal &me = *request.principal;
    shared::Result<int> n = services.accounts().revokeAllSessions(me.userId);
    if (!n)
        return HttpResponse::internalError(n.error());
    AuditLog::note(services.database(), me.userId, QStringLiteral("logout_all"), me.userId,
                   request.remoteAddress.toString(), { { "sessions", *n } });
    return HttpResponse::noContent();
}

} // namespace

void install(Router &router)
{
    using Body = Router::BodyKind;
    router.addAsync(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/register"), registerUser, Body::Json);
    router.addAsync(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/login"), login, Body::Json);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh"), refresh, Body::Json);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/logout"), logout, Body::None, Guard::user());
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/logout-all"), logoutAll, Body::None, Guard::user());
}

} // namespace quire::server::AuthRoutes
