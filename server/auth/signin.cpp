// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/auth/signin.h"

#include "server/auth/auditlog.h"
#include "server/auth/passwordhasher.h"
#include "server/auth/ratelimiter.h"
#include "server/http/httpmessage.h"
#include "server/servercontext.h"
#include "shared/clock.h"
#include "shared/jsonqt.h"

#include <QVariant>

namespace quire::server::SignIn {

namespace {
// The allowances per client address and per account (see README, "Brute force").
const RateLimiter::Policy kLoginPerIp { 20, 1.0 / 3 };
const RateLimiter::Policy kLoginPerAccount { 10, 1.0 / 30 };
} // namespace

void verify(WorkerServices &services, const QString &rawEmail, const QString &password, const QString &ip,
            std::function<void(const Outcome &)> done)
{
    const QString email = shared::User::normalizeEmail(rawEmail);
    const QString pair = QStringLiteral("login:pair:") + email + QLatin1Char('|') + ip;
    RateLimiter &limiter = services.limiter();
    const qint64 now = shared::Clock::instance().nowMs();
    std::optional<int> wait = limiter.failureDelay(pair, now);
    if (!wait)
        wait = limiter.take(QStringLiteral("login:ip:") + ip, kLoginPerIp, now);
    if (!wait && !limiter.isTrusted(pair))
        wait = limiter.take(QStringLiteral("login:account:") + email, kLoginPerAccount, now);
    if (wait) {
        Outcome o;
        o.kind = Outcome::Kind::RateLimited;
        o.retryAfter = *wait;
        done(o);
        return;
    }
    shared::Result<std::optional<StoredUser>> found = services.accounts().findByEmail(email);
    if (!found) {
        Outcome o;
        o.error = found.error().message;
        done(o);
        return;
    }
    const std::optional<StoredUser> user = *found;
    const QByteArray storedHash = user ? user->passwordHash : services.hasher().dummyHash();
    const bool queued = services.hasher().runAsync(
        services.thread(),
        [&hasher = services.hasher(), storedHash, secret = password.toUtf8()] {
            const bool ok = hasher.verify(storedHash, secret);
            QByteArray rehash;
            if (ok && hasher.needsRehash(storedHash)) {
                if (shared::Result<QByteArray> h = hasher.hash(secret))
                    rehash = h.value();
            }
            return QVariant(QVariantList { ok, rehash });
        },
        [&services, user, ip, pair, done](const QVariant &result) {
            const QVariantList values = result.toList();
            Outcome o;
            if (!user.has_value() || !values.value(0).toBool()) {
                services.limiter().recordFailure(pair, shared::Clock::instance().nowMs());
                AuditLog::note(services.database(), QString(), QStringLiteral("login_failed"),
                               user ? user->user.id : QString(), ip,
                               { { "reason", user ? "wrong_password" : "unknown_email" } });
                o.kind = Outcome::Kind::Invalid;
                done(o);
                return;
            }
            if (user->user.disabled) {
                AuditLog::note(services.database(), user->user.id, QStringLiteral("login_failed"), user->user.id, ip,
                               { { "reason", "disabled" } });
                o.kind = Outcome::Kind::Disabled;
                done(o);
                return;
            }
            services.limiter().recordSuccess(pair);
            if (const QByteArray rehash = values.value(1).toByteArray(); !rehash.isEmpty()) {
                // Stronger parameters than when this hash was made: upgrade it now
                // that we know the password. Failing only postpones the upgrade.
                if (shared::VoidResult r = services.accounts().setPasswordHash(user->user.id, rehash); !r)
                    qWarning("login: password rehash not stored: %s", qPrintable(r.error().message));
            }
            o.kind = Outcome::Kind::Ok;
            o.user = *user;
            done(o);
        });
    if (!queued) {
        Outcome o;
        o.kind = Outcome::Kind::Busy;
        done(o);
    }
}

HttpResponse failure(const Outcome &outcome)
{
    switch (outcome.kind) {
    case Outcome::Kind::Invalid:
        return HttpResponse::error(401, QStringLiteral("invalid_credentials"),
                                   QStringLiteral("The email address or the password is wrong."));
    case Outcome::Kind::Disabled:
        return HttpResponse::error(403, QStringLiteral("account_disabled"),
                                   QStringLiteral("This account is disabled."));
    case Outcome::Kind::RateLimited:
        return HttpResponse::tooManyRequests(outcome.retryAfter);
    case Outcome::Kind::Busy:
        return HttpResponse::busy();
    case Outcome::Kind::Ok:
    case Outcome::Kind::Error:
        break;
    }
    return HttpResponse::internalError(shared::Error::make(QStringLiteral("sign_in"), outcome.error));
}

} // namespace quire::server::SignIn
