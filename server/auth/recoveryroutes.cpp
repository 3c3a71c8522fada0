// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/auth/recoveryroutes.h"

#include "server/auth/accountstore.h"
#include "server/auth/auditlog.h"
#include "server/auth/passwordhasher.h"
#include "server/auth/passwordpolicy.h"
#include "server/auth/ratelimiter.h"
#include "server/http/router.h"
#include "server/mail/mailer.h"
#include "server/servercontext.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/jsonreader.h"

#include <QUrlQuery>
#include <QVariant>

#include <functional>

namespace quire::server::RecoveryRoutes {

using shared::FieldErrors;
using shared::JsonReader;

namespace {

constexpr qint64 kResetLifetimeMs = 30 * 60 * 1000;
constexpr qint64 kVerifyLifetimeMs = 24 * 60 * 60 * 1000;
const QString kReset = QStringLiteral("reset_password");
const QString kVerify = QStringLiteral("verify_email");
const QString kChange = QStringLiteral("change_email");

const RateLimiter::Policy kForgotPerIp { 5, 1.0 / 60 };
const RateLimiter::Policy kForgotPerAccount { 3, 1.0 / 300 };
const RateLimiter::Policy kResetPerIp { 10, 1.0 / 60 };

// Links are built from the configured public address, never from the
// request's Host header, which a client controls.
QString link(WorkerServices &services, const QString &page, const QString &token)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), token);
    return services.context().publicBaseUrl + page + QLatin1Char('?') + q.toString(QUrl::FullyEncoded);
}

HttpResponse forgotPassword(HttpRequest &request, WorkerServices &services)
{
    const qint64 now = shared::Clock::instance().nowMs();
    if (const std::optional<int> wait
        = services.limiter().take(QStringLiteral("forgot:ip:") + request.remoteAddress.toString(), kForgotPerIp, now))
        return HttpResponse::tooManyRequests(*wait);
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString email
        = shared::User::normalizeEmail(r.string("email", JsonReader::Presence::Required).value_or(QString()));
    r.refuseUnknown();
    if (!errors.isEmpty())
        return HttpResponse::error(400, errors.toError());

    // The same answer whether or not the account exists; mail goes out later.
    const HttpResponse accepted = HttpResponse::json(
        202,
        { { "status", "accepted" },
          { "message", "If an account exists for this address, a link to reset its password is on its way." } });
    shared::Result<std::optional<StoredUser>> user = services.accounts().findByEmail(email);
    if (!user)
        return HttpResponse::internalError(user.error());
    if (!*user || (*user)->user.disabled)
        return accepted;
    if (services.limiter().take(QStringLiteral("forgot:account:") + email, kForgotPerAccount, now))
        return accepted; // quietly: a flood of reset mails would be harassment
    shared::Result<QString> token = services.accounts().issueEmailToken((*user)->user.id, kReset, kResetLifetimeMs);
    if (!token)
        return HttpResponse::internalError(token.error());
    MailMessage mail;
    mail.to = email;
    mail.subject = QStringLiteral("Reset your Quire password");
    mail.text
        = QStringLiteral("Hello %1,\n\nsomeone (hopefully you) asked to reset the password of your Quire account.\n"
                         "Open this link within 30 minutes to choose a new one:\n\n%2\n\n"
                         "If you did not ask for this, ignore this mail; your password stays as it is.\n")
              .arg((*user)->user.name, link(services, QStringLiteral("/reset-password"), *token));
    services.mailer().send(mail);
    AuditLog::note(services.database(), QString(), QStringLiteral("password_reset_requested"), (*user)->user.id,
                   request.remoteAddress.toString());
    return accepted;
}

void resetPassword(HttpRequest &request, WorkerServices &services, Responder respond)
{
    if (const std::optional<int> wait
        = services.limiter().take(QStringLiteral("reset:ip:") + request.remoteAddress.toString(), kResetPerIp,
                                  shared::Clock::instance().nowMs())) {
        respond(HttpResponse::tooManyRequests(*wait));
        return;
    }
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString token = r.string("token", JsonReader::Presence::Required).value_or(QString());
    const QString password = r.string("password", JsonReader::Presence::Required).value_or(QString());
    r.refuseUnknown();
    if (!errors.has(QStringLiteral("password"))) {
        if (const std::optional<QString> weak = PasswordPolicy::instance().check(password))
            errors.add(QStringLiteral("password"), *weak);
    }
    if (!errors.isEmpty()) {
        respond(HttpResponse::error(400, errors.toError()));
        return;
    }
    const QString ip = request.remoteAddress.toString();
    const bool queued = services.hasher().runAsync(
        services.thread(),
        [&hasher = services.hasher(), secret = password.toUtf8()] {
            shared::Result<QByteArray> h = hasher.hash(secret);
            return h ? QVariant(h.value()) : QVariant();
        },
        [&services, token, ip, respond](const QVariant &hash) {
            if (!hash.isValid()) {
                respond(HttpResponse::internalError(
                    shared::Error::make(QStringLiteral("hash_failed"), QStringLiteral("hashing failed"))));
                return;
            }
            // The token is claimed only now, with the new hash in hand, so a
            // busy server never eats a link without setting the password.
            std::optional<AccountStore::ClaimedToken> claimed;
            shared::VoidResult done = services.database().transaction([&]() -> shared::VoidResult {
                shared::Result<std::optional<AccountStore::ClaimedToken>> c
                    = services.accounts().claimEmailToken(token, kReset);
                if (!c)
                    return c.error();
                claimed = *c;
                if (!claimed)
                    return shared::VoidResult::success();
                if (auto p = services.accounts().setPasswordHash(claimed->userId, hash.toByteArray()); !p)
                    return p;
                if (auto s = services.accounts().revokeAllSessions(claimed->userId); !s)
                    return s.error();
                return AuditLog::record(services.database(), claimed->userId, QStringLiteral("password_reset"),
                                        claimed->userId, ip);
            });
            if (!done) {
                respond(HttpResponse::internalError(done.error()));
                return;
            }
            if (!claimed) {
                respond(HttpResponse::error(400, QStringLiteral("invalid_token"),
                                            QStringLiteral("This link is not valid: it was used, replaced by a newer "
                                                           "one, or it expired. Ask for a new one.")));
                return;
            }
            if (auto user = services.accounts().findById(claimed->userId); user && *user) {
                MailMessage notice;
                notice.to = (*user)->user.email;
                notice.subject = QStringLiteral("Your Quire password was changed");
                notice.text
                    = QStringLiteral("Hello %1,\n\nthe password of your Quire account was just reset, and every device "
                                     "was signed out.\n"
                                     "If this was not you, reset it again at once and tell your administrator.\n")
                          .arg((*user)->user.name);
                services.mailer().send(notice);
            }
            respond(HttpResponse::noContent());
        });
    if (!queued) {
        respond(HttpResponse::busy());
    }
}

HttpResponse verifyEmail(HttpRequest &request, WorkerServices &services)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString token = r.string("token", JsonReader::Presence::Required).value_or(QString());
    r.refuseUnknown();
    if (!errors.isEmpty())
        return HttpResponse::error(400, errors.toError());
    // The same link page serves both: a first confirmation, and a new address.
    bool changing = false;
    shared::Result<std::optional<AccountStore::ClaimedToken>> claimed
        = services.accounts().claimEmailToken(token, kVerify);
    if (claimed && !*claimed) {
        claimed = services.accounts().claimEmailToken(token, kChange);
        changing = true;
    }
    if (!claimed)
        return HttpResponse::internalError(claimed.error());
    if (!*claimed)
        return HttpResponse::error(
            400, QStringLiteral("invalid_token"),
            QStringLiteral("This link is not valid: it was used, replaced by a newer one, or it expired."));
    if (changing) {
        shared::Result<std::optional<StoredUser>> taken = services.accounts().findByEmail((*claimed)->newEmail);
        if (!taken)
            return HttpResponse::internalError(taken.error());
        if (*taken)
            return HttpResponse::error(409, QStringLiteral("email_taken"),
                                       QStringLiteral("Another account took this address meanwhile."));
        if (auto c = services.accounts().changeEmail((*claimed)->userId, (*claimed)->newEmail); !c)
            return HttpResponse::internalError(c.error());
        AuditLog::note(services.database(), (*claimed)->userId, QStringLiteral("email_changed"), (*claimed)->userId,
                       request.remoteAddress.toString());
    } else if (auto v = services.accounts().setEmailVerified((*claimed)->userId); !v) {
        return HttpResponse::internalError(v.error());
    }
    AuditLog::note(services.database(), (*claimed)->userId, QStringLiteral("email_verified"), (*claimed)->userId,
                   request.remoteAddress.toString());
    shared::Result<std::optional<StoredUser>> user = services.accounts().findById((*claimed)->userId);
    if (!user || !*user)
        return HttpResponse::internalError(
            shared::Error::make(QStringLiteral("gone"), QStringLiteral("verified user vanished")));
    return HttpResponse::json(200, { { "user", (*user)->user.toJson() } });
}

HttpResponse resendVerification(HttpRequest &request, WorkerServices &services)
{
    const Principal &me = *request.principal;
    if (me.emailVerified)
        return HttpResponse::error(409, QStringLiteral("already_verified"),
                                   QStringLiteral("This email address is verified already."));
    if (const std::optional<int> wait = services.limiter().take(QStringLiteral("verify:account:") + me.userId,
                                                                kForgotPerAccount, shared::Clock::instance().nowMs()))
        return HttpResponse::tooManyRequests(*wait);
    shared::Result<std::optional<StoredUser>> user = services.accounts().findById(me.userId);
    if (!user || !*user)
        return HttpResponse::internalError(
            shared::Error::make(QStringLiteral("gone"), QStringLiteral("signed-in user missing")));
    sendVerification(services, me.userId, (*user)->user.email, (*user)->user.name);
    return HttpResponse::json(202, { { "status", "accepted" } });
}

} // namespace

namespace {
// Issues a single-use token and mails `to` a link to /verify-email with it.
void mailTokenLink(WorkerServices &services, const QString &userId, const QString &purpose, qint64 lifetimeMs,
                   const QString &to, const QString &newEmail, const QString &subject,
                   const std::function<QString(const QString &)> &text)
{
    shared::Result<QString> token = services.accounts().issueEmailToken(userId, purpose, lifetimeMs, newEmail);
    if (!token) {
        qWarning("recovery: %s token not issued: %s", qPrintable(purpose), qPrintable(token.error().message));
        return;
    }
    MailMessage mail;
    mail.to = to;
    mail.subject = subject;
    mail.text = text(link(services, QStringLiteral("/verify-email"), *token));
    services.mailer().send(mail);
}
} // namespace

void sendVerification(WorkerServices &services, const QString &userId, const QString &email, const QString &name)
{
    mailTokenLink(services, userId, kVerify, kVerifyLifetimeMs, email, QString(),
                  QStringLiteral("Confirm your email address for Quire"), [&name](const QString &url) {
                      return QStringLiteral("Hello %1,\n\nplease confirm that this is your address by opening this "
                                            "link within 24 hours:\n\n%2\n\n"
                                            "If you did not create a Quire account, ignore this mail.\n")
                          .arg(name, url);
                  });
}

void sendEmailChange(WorkerServices &services, const QString &userId, const QString &name, const QString &newEmail)
{
    mailTokenLink(services, userId, kChange, kResetLifetimeMs, newEmail, newEmail,
                  QStringLiteral("Confirm your new email address for Quire"), [&name](const QString &url) {
                      return QStringLiteral("Hello %1,\n\nto use this address for your Quire account, open this link "
                                            "within 30 minutes:\n\n%2\n\n"
                                            "If you did not ask for this, ignore this mail.\n")
                          .arg(name, url);
                  });
}

void install(Router &router)
{
    using Body = Router::BodyKind;
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/forgot-password"), forgotPassword, Body::Json);
    router.addAsync(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/reset-password"), resetPassword, Body::Json);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/verify-email"), verifyEmail, Body::Json);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/resend-verification"), resendVerification,
               Body::None, Guard::user());
}

} // namespace quire::server::RecoveryRoutes
