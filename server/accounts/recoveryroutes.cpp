// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/recoveryroutes.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/auditlog.h"
#include "server/accounts/mailedlinks.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/passwordpolicy.h"
#include "server/accounts/ratelimiter.h"
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
// A new account's first password: its owner may read the mail days later.
constexpr qint64 kWelcomeLifetimeMs = 7LL * 24 * 60 * 60 * 1000;

const RateLimiter::Policy kForgotPerIp { 5, 1.0 / 60 };
const RateLimiter::Policy kForgotPerAccount { 3, 1.0 / 300 };
const RateLimiter::Policy kResetPerIp { 10, 1.0 / 60 };

QString link(WorkerServices &services, MailedLinks::Kind kind, const QString &token)
{
    return MailedLinks::url(services.context().publicBaseUrl, kind, token);
}

void resetPasswordRoute(HttpRequest &request, WorkerServices &services, Responder respond)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString token = r.string("token", JsonReader::Presence::Required).value_or(QString());
    const QString password = r.string("password", JsonReader::Presence::Required).value_or(QString());
    r.refuseUnknown();
    if (!errors.isEmpty()) {
        respond(errorResponse(errors.toError()));
        return;
    }
    resetPassword(services, token, password, request.remoteAddress.toString(), [respond](const LinkOutcome &outcome) {
        if (outcome.kind == LinkOutcome::Kind::Done)
            respond(HttpResponse::noContent());
        else
            respond(failure(outcome));
    });
}

HttpResponse verifyEmail(HttpRequest &request, WorkerServices &services)
{
    FieldErrors errors;
    JsonReader r(request.json, errors);
    const QString token = r.string("token", JsonReader::Presence::Required).value_or(QString());
    r.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    // The API takes both: a first confirmation, and a new address.
    const LinkOutcome outcome
        = confirmAddress(services, token, { MailedLinks::Kind::VerifyEmail, MailedLinks::Kind::ConfirmNewEmail },
                         request.remoteAddress.toString());
    if (outcome.kind != LinkOutcome::Kind::Done)
        return failure(outcome);
    return HttpResponse::json(200, { { "user", outcome.user.user.toJson() } });
}

HttpResponse resendVerification(HttpRequest &request, WorkerServices &services)
{
    const Principal &me = *request.principal;
    if (me.emailVerified)
        return errorResponse(shared::Error::make(shared::ErrorCode::AlreadyVerified,
                                                 QStringLiteral("This email address is verified already.")));
    if (const std::optional<int> wait = services.limiter().take(QStringLiteral("verify:account:") + me.userId,
                                                                kForgotPerAccount, shared::Clock::instance().nowMs()))
        return HttpResponse::tooManyRequests(*wait);
    shared::Result<std::optional<StoredUser>> user = services.accounts().findById(me.userId);
    if (!user || !*user)
        return HttpResponse::internalError(
            shared::Error::make(shared::ErrorCode::Gone, QStringLiteral("signed-in user missing")));
    sendVerification(services, me.userId, (*user)->user.email, (*user)->user.name);
    return HttpResponse::json(202, { { "status", "accepted" } });
}

} // namespace

namespace {
// Issues a single-use token and mails `to` the link of `kind` with it.
void mailTokenLink(WorkerServices &services, const QString &userId, MailedLinks::Kind kind, qint64 lifetimeMs,
                   const QString &to, const QString &newEmail, const QString &subject,
                   const std::function<QString(const QString &)> &text)
{
    const QString purpose = MailedLinks::purpose(kind);
    shared::Result<QString> token = services.accounts().issueEmailToken(userId, purpose, lifetimeMs, newEmail);
    if (!token) {
        qWarning("recovery: %s token not issued: %s", qPrintable(purpose), qPrintable(token.error().message));
        return;
    }
    MailMessage mail;
    mail.to = to;
    mail.subject = subject;
    mail.text = text(link(services, kind, *token));
    services.mailer().send(mail);
}
} // namespace

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
        return errorResponse(errors.toError());

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
    shared::Result<QString> token = services.accounts().issueEmailToken(
        (*user)->user.id, MailedLinks::purpose(MailedLinks::Kind::ResetPassword), kResetLifetimeMs);
    if (!token)
        return HttpResponse::internalError(token.error());
    MailMessage mail;
    mail.to = email;
    mail.subject = QStringLiteral("Reset your Quire password");
    mail.text
        = QStringLiteral("Hello %1,\n\nsomeone (hopefully you) asked to reset the password of your Quire account.\n"
                         "Open this link within 30 minutes to choose a new one:\n\n%2\n\n"
                         "If you did not ask for this, ignore this mail; your password stays as it is.\n")
              .arg((*user)->user.name, link(services, MailedLinks::Kind::ResetPassword, *token));
    services.mailer().send(mail);
    AuditLog::note(services.database(), QString(), QStringLiteral("password_reset_requested"), (*user)->user.id,
                   request.remoteAddress.toString());
    return accepted;
}

void resetPassword(WorkerServices &services, const QString &token, const QString &password, const QString &ip,
                   std::function<void(const LinkOutcome &)> done)
{
    if (const std::optional<int> wait
        = services.limiter().take(QStringLiteral("reset:ip:") + ip, kResetPerIp, shared::Clock::instance().nowMs())) {
        done(LinkOutcome { LinkOutcome::Kind::RateLimited, {}, *wait, {}, {}, false });
        return;
    }
    if (const std::optional<QString> weak = PasswordPolicy::instance().check(password)) {
        done(LinkOutcome { LinkOutcome::Kind::WeakPassword, *weak, 0, {}, {}, false });
        return;
    }
    const bool queued = services.hasher().runAsync(
        services.thread(),
        [&hasher = services.hasher(), secret = password.toUtf8()] {
            shared::Result<QByteArray> h = hasher.hash(secret);
            return h ? QVariant(h.value()) : QVariant();
        },
        [&services, token, ip, done](const QVariant &hash) {
            if (!hash.isValid()) {
                done(LinkOutcome { LinkOutcome::Kind::Error,
                                   {},
                                   0,
                                   shared::Error::make(shared::ErrorCode::HashFailed, QStringLiteral("hashing failed")),
                                   {},
                                   false });
                return;
            }
            // The token is claimed only now, with the new hash in hand, so a
            // busy server never eats a link without setting the password.
            std::optional<AccountStore::ClaimedToken> claimed;
            shared::VoidResult stored = services.database().transaction([&]() -> shared::VoidResult {
                shared::Result<std::optional<AccountStore::ClaimedToken>> c = services.accounts().claimEmailToken(
                    token, MailedLinks::purpose(MailedLinks::Kind::ResetPassword));
                if (!c)
                    return c.error();
                claimed = *c;
                if (!claimed)
                    return shared::VoidResult::success();
                if (auto p = services.accounts().setPasswordHash(claimed->userId, hash.toByteArray()); !p)
                    return p;
                // The link came by mail to the address: its owner opened it.
                if (auto v = services.accounts().setEmailVerified(claimed->userId); !v)
                    return v;
                if (auto s = services.accounts().revokeAllSessions(claimed->userId); !s)
                    return s.error();
                return AuditLog::record(services.database(), claimed->userId, QStringLiteral("password_reset"),
                                        claimed->userId, ip);
            });
            if (!stored) {
                done(LinkOutcome { LinkOutcome::Kind::Error, {}, 0, stored.error(), {}, false });
                return;
            }
            if (!claimed) {
                done(LinkOutcome { LinkOutcome::Kind::InvalidToken, {}, 0, {}, {}, false });
                return;
            }
            LinkOutcome outcome { LinkOutcome::Kind::Done, {}, 0, {}, {}, false };
            if (auto user = services.accounts().findById(claimed->userId); user && *user) {
                outcome.user = **user;
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
            done(outcome);
        });
    if (!queued)
        done(LinkOutcome { LinkOutcome::Kind::Busy, {}, 0, {}, {}, false });
}

LinkOutcome confirmAddress(WorkerServices &services, const QString &token, const QList<MailedLinks::Kind> &kinds,
                           const QString &ip)
{
    const auto failed
        = [](const shared::Error &error) { return LinkOutcome { LinkOutcome::Kind::Error, {}, 0, error, {}, false }; };
    std::optional<AccountStore::ClaimedToken> claimed;
    bool changing = false;
    for (const MailedLinks::Kind kind : kinds) {
        shared::Result<std::optional<AccountStore::ClaimedToken>> c
            = services.accounts().claimEmailToken(token, MailedLinks::purpose(kind));
        if (!c)
            return failed(c.error());
        if (*c) {
            claimed = *c;
            changing = kind == MailedLinks::Kind::ConfirmNewEmail;
            break;
        }
    }
    if (!claimed)
        return LinkOutcome { LinkOutcome::Kind::InvalidToken, {}, 0, {}, {}, false };
    if (changing) {
        shared::Result<std::optional<StoredUser>> taken = services.accounts().findByEmail(claimed->newEmail);
        if (!taken)
            return failed(taken.error());
        if (*taken)
            return LinkOutcome { LinkOutcome::Kind::EmailTaken, {}, 0, {}, {}, false };
        if (auto c = services.accounts().changeEmail(claimed->userId, claimed->newEmail); !c)
            return failed(c.error());
        AuditLog::note(services.database(), claimed->userId, QStringLiteral("email_changed"), claimed->userId, ip);
    } else if (auto v = services.accounts().setEmailVerified(claimed->userId); !v) {
        return failed(v.error());
    }
    AuditLog::note(services.database(), claimed->userId, QStringLiteral("email_verified"), claimed->userId, ip);
    shared::Result<std::optional<StoredUser>> user = services.accounts().findById(claimed->userId);
    if (!user)
        return failed(user.error());
    if (!*user)
        return failed(shared::Error::make(shared::ErrorCode::Gone, QStringLiteral("verified user vanished")));
    return LinkOutcome { LinkOutcome::Kind::Done, {}, 0, {}, **user, changing };
}

HttpResponse failure(const LinkOutcome &outcome)
{
    switch (outcome.kind) {
    case LinkOutcome::Kind::InvalidToken:
        return errorResponse(
            shared::Error::make(shared::ErrorCode::InvalidToken,
                                QStringLiteral("This link is not valid: it was used, replaced by a newer one, or it "
                                               "expired. Ask for a new one.")));
    case LinkOutcome::Kind::WeakPassword: {
        FieldErrors errors;
        errors.add(QStringLiteral("password"), outcome.message);
        return errorResponse(errors.toError());
    }
    case LinkOutcome::Kind::EmailTaken:
        return errorResponse(shared::Error::make(shared::ErrorCode::EmailTaken,
                                                 QStringLiteral("Another account took this address meanwhile.")));
    case LinkOutcome::Kind::RateLimited:
        return HttpResponse::tooManyRequests(outcome.retryAfter);
    case LinkOutcome::Kind::Busy:
        return HttpResponse::busy();
    case LinkOutcome::Kind::Done:
    case LinkOutcome::Kind::Error:
        break;
    }
    return HttpResponse::internalError(outcome.error);
}

void sendVerification(WorkerServices &services, const QString &userId, const QString &email, const QString &name)
{
    mailTokenLink(services, userId, MailedLinks::Kind::VerifyEmail, kVerifyLifetimeMs, email, QString(),
                  QStringLiteral("Confirm your email address for Quire"), [&name](const QString &url) {
                      return QStringLiteral("Hello %1,\n\nplease confirm that this is your address by opening this "
                                            "link within 24 hours:\n\n%2\n\n"
                                            "If you did not create a Quire account, ignore this mail.\n")
                          .arg(name, url);
                  });
}

void sendWelcome(WorkerServices &services, const QString &userId, const QString &email, const QString &name)
{
    mailTokenLink(services, userId, MailedLinks::Kind::ResetPassword, kWelcomeLifetimeMs, email, QString(),
                  QStringLiteral("Your Quire account is ready"), [&](const QString &url) {
                      return QStringLiteral("Hello %1,\n\nan administrator made you a Quire account for %2.\n"
                                            "Open this link within 7 days to choose your password:\n\n%3\n\n"
                                            "If you did not expect this, ignore this mail.\n")
                          .arg(name, email, url);
                  });
}

void sendEmailChange(WorkerServices &services, const QString &userId, const QString &name, const QString &newEmail)
{
    mailTokenLink(services, userId, MailedLinks::Kind::ConfirmNewEmail, kResetLifetimeMs, newEmail, newEmail,
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
    router.addAsync(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/reset-password"), resetPasswordRoute,
                    Body::Json);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/verify-email"), verifyEmail, Body::Json);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/resend-verification"), resendVerification,
               Body::None, Guard::user());
}

} // namespace quire::server::RecoveryRoutes
