// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/signin.h"

#include "server/accounts/auditlog.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/persistentlimits.h"
#include "server/accounts/ratelimiter.h"
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
    auto fail = [&done](const QString &error) {
        Outcome o;
        o.error = error;
        done(o);
    };
    // The pair's back-off is in the database: with several instances it
    // must not restart on each.
    PersistentLimits limits(services.database(), limiter);
    shared::Result<std::optional<int>> backOff = limits.failureDelay(pair, now);
    if (!backOff)
        return fail(backOff.error().message);
    std::optional<int> wait = *backOff;
    if (!wait)
        wait = limiter.take(QStringLiteral("login:ip:") + ip, kLoginPerIp, now);
    shared::Result<std::optional<StoredUser>> found = std::optional<StoredUser>();
    if (!wait) {
        found = services.accounts().findByEmail(email);
        if (!found)
            return fail(found.error().message);
        // The per-account allowance (against attacks spread over many
        // addresses) does not apply where the account has signed in before,
        // so the real user's own machines are never held to it. Both live
        // in the database: a restart must not make the user a stranger.
        bool known = false;
        if (*found) {
            shared::Result<bool> k = limits.isKnownAddress((*found)->user.id, ip, now);
            if (!k)
                return fail(k.error().message);
            known = *k;
        }
        if (!known) {
            // Unknown addresses take from the same allowance whether the
            // account exists or not, so a 429 tells nothing about that.
            shared::Result<std::optional<int>> taken
                = limits.take(QStringLiteral("login:account:") + email, kLoginPerAccount, now);
            if (!taken)
                return fail(taken.error().message);
            wait = *taken;
        }
    }
    if (wait) {
        Outcome o;
        o.kind = Outcome::Kind::RateLimited;
        o.retryAfter = *wait;
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
                PersistentLimits limits(services.database(), services.limiter());
                if (shared::VoidResult r = limits.recordFailure(pair, shared::Clock::instance().nowMs()); !r)
                    qWarning("login: the failure is not counted: %s", qPrintable(r.error().message));
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
            PersistentLimits limits(services.database(), services.limiter());
            if (shared::VoidResult r = limits.recordSuccess(pair); !r)
                qWarning("login: the failures are not cleared: %s", qPrintable(r.error().message));
            if (shared::VoidResult r = limits.rememberAddress(user->user.id, ip, shared::Clock::instance().nowMs()); !r)
                qWarning("login: the address is not remembered: %s", qPrintable(r.error().message));
            if (const QByteArray rehash = values.value(1).toByteArray(); !rehash.isEmpty()) {
                // Stronger parameters than when this hash was made: upgrade it now
                // that we know the password. Failing only postpones the upgrade.
                if (shared::VoidResult r = services.accounts().upgradePasswordHash(user->user.id, rehash); !r)
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
        return errorResponse(shared::Error::make(shared::ErrorCode::InvalidCredentials,
                                                 QStringLiteral("The email address or the password is wrong.")));
    case Outcome::Kind::Disabled:
        return errorResponse(
            shared::Error::make(shared::ErrorCode::AccountDisabled, QStringLiteral("This account is disabled.")));
    case Outcome::Kind::RateLimited:
        return HttpResponse::tooManyRequests(outcome.retryAfter);
    case Outcome::Kind::Busy:
        return HttpResponse::busy();
    case Outcome::Kind::Ok:
    case Outcome::Kind::Error:
        break;
    }
    return HttpResponse::internalError(shared::Error::make(shared::ErrorCode::SignIn, outcome.error));
}

} // namespace quire::server::SignIn
