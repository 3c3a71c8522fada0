// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/postpublisher.h"

#include "server/audit/auditchain.h"
#include "server/credentials/credentialvault.h"
#include "server/media/mediastore.h"
#include "server/scheduler/platformcredentials.h"
#include "server/serverlogging.h"
#include "server/sync/changefeed.h"
#include "shared/clock.h"
#include "shared/database.h"

#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {

// A Retry-After beyond this is taken as this: a day late is late enough.
constexpr qint64 kMaxRetryAfterMs = 24 * 3600 * 1000;

LedgerOutcome failedWith(DeliveryError error, const QString &message)
{
    return { LedgerState::Failed, {}, {}, error, message, {} };
}

} // namespace

// A post can name an image a replica has not uploaded yet.
Result<std::optional<QString>> PostPublisher::findMedia(shared::Database &db, const QString &mediaDir,
                                                        Delivery &delivery)
{
    MediaStore store(db, mediaDir);
    const QLatin1String prefix("/media/");
    for (const QString &address : std::as_const(delivery.media)) {
        const QString name = address.startsWith(prefix) ? address.mid(prefix.size()) : QString();
        if (!MediaStore::isName(name))
            return std::optional<QString>(address);
        Result<std::optional<MediaRecord>> record = store.find(name);
        if (!record)
            return record.error();
        if (!*record)
            return std::optional<QString>(address);
        delivery.files << DeliveryMedia { address, (*record)->mime, store.pathOf(name), (*record)->size };
    }
    return std::optional<QString>();
}

PostPublisher::PostPublisher(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
{
    OutboundOptions options;
    options.timeout = m_setup.policy.requestTimeout;
    options.extraCaCertificates = m_setup.extraCaCertificates;
    m_client = new OutboundClient(m_setup.addresses, options, this);
}

PostPublisher::~PostPublisher() = default;

VoidResult PostPublisher::start(std::unique_ptr<shared::Database> db)
{
    m_ownDb = std::move(db);
    return start(*m_ownDb);
}

VoidResult PostPublisher::start(shared::Database &db)
{
    m_db = &db;
    m_tick = new QTimer(this);
    m_tick->setInterval(m_setup.policy.checkIntervalMs);
    connect(m_tick, &QTimer::timeout, this, &PostPublisher::run);
    m_wake = new QTimer(this);
    m_wake->setSingleShot(true);
    connect(m_wake, &QTimer::timeout, this, &PostPublisher::run);
    if (m_setup.changes)
        connect(m_setup.changes, &ChangeFeed::changed, this, &PostPublisher::nudge);
    m_tick->start();
    nudge();
    return VoidResult::success();
}

qint64 PostPublisher::backoffMs(const Policy &policy, int attempts, std::optional<std::chrono::seconds> retryAfter,
                                double jitter)
{
    const int doublings = std::clamp(attempts - 1, 0, 30);
    const qint64 full = std::min(policy.backoffMaxMs, policy.backoffBaseMs << doublings);
    qint64 wait = full / 2 + qint64(std::clamp(jitter, 0.0, 1.0) * double(full - full / 2));
    if (retryAfter)
        wait = std::max(wait, std::min(kMaxRetryAfterMs, qint64(retryAfter->count()) * 1000));
    return wait;
}

void PostPublisher::nudge()
{
    if (m_nudged || !m_db)
        return;
    m_nudged = true;
    QTimer::singleShot(0, this, [this] {
        m_nudged = false;
        run();
    });
}

void PostPublisher::run()
{
    Result<int> sent = runOnce();
    if (!sent)
        qCWarning(lcServerSync) << "post publishing failed:" << sent.error().message;
    armWake();
}

// The periodic check is the floor; this catches a due time between two
// checks, so a post goes out within moments of its time.
void PostPublisher::armWake()
{
    Result<std::optional<QDateTime>> next = PublishLedger::nextWake(*m_db);
    if (!next || !*next)
        return;
    const qint64 wait = shared::Clock::instance().now().msecsTo(**next);
    if (wait >= m_setup.policy.checkIntervalMs)
        return;
    m_wake->start(int(std::max<qint64>(wait, 20)));
}

Result<int> PostPublisher::runOnce()
{
    if (!m_db)
        return 0;
    const QDateTime now = shared::Clock::instance().now();
    if (m_setup.sole && !m_orphansReleased) {
        Result<int> released = PublishLedger::releaseOrphans(*m_db, now);
        if (!released)
            return released.error();
        if (*released > 0)
            qCInfo(lcServerSync) << "taking over" << *released << "delivery(ies) a stopped server left unanswered";
        m_orphansReleased = true;
    }
    struct Ready
    {
        LedgerClaim claim;
        Delivery delivery;
        const Connector *connector;
    };
    QList<Ready> ready;
    qint64 lastSeq = 0;
    const QString holder = m_setup.holder;
    VoidResult done = m_db->transaction([&]() -> VoidResult {
        ready.clear();
        if (Result<int> promoted = PublishLedger::promoteDue(*m_db, now, m_setup.policy.batch, lastSeq); !promoted)
            return promoted.error();
        Result<QList<LedgerClaim>> claims
            = PublishLedger::claim(*m_db, holder, now, m_setup.policy.leaseMs, m_setup.policy.batch, lastSeq);
        if (!claims)
            return claims.error();
        for (const LedgerClaim &c : std::as_const(*claims)) {
            // What cannot go ends here, in the claim's transaction.
            std::optional<LedgerOutcome> ended;
            Result<std::optional<Delivery>> d = PublishLedger::delivery(*m_db, c);
            if (!d)
                return d.error();
            const Connector *connector = *d ? m_setup.connectors.find((*d)->platform.kind) : nullptr;
            std::optional<QString> missing;
            if (*d && connector) {
                Result<std::optional<QString>> found = PostPublisher::findMedia(*m_db, m_setup.mediaDir, **d);
                if (!found)
                    return found.error();
                missing = *found;
            }
            if (!*d) {
                ended = LedgerOutcome { LedgerState::Cancelled, {}, {}, std::nullopt, {}, {} };
            } else if (!connector) {
                ended = failedWith(DeliveryError::NoConnector,
                                   QStringLiteral("This server cannot publish to %1 yet.")
                                       .arg(shared::kPlatformKinds.name((*d)->platform.kind)));
            } else if (c.attempts > m_setup.policy.maxAttempts) {
                ended = failedWith(DeliveryError::TooManyAttempts,
                                   QStringLiteral("Gave up after %1 attempts.").arg(c.attempts - 1));
            } else if (missing) {
                ended = failedWith(DeliveryError::InvalidContent,
                                   QStringLiteral("media: %1 is not on this server; upload it first.").arg(*missing));
            } else if (shared::FieldErrors problems = connector->check(**d); !problems.isEmpty()) {
                QStringList lines;
                for (auto it = problems.fields().cbegin(); it != problems.fields().cend(); ++it)
                    lines << it.key() + QStringLiteral(": ") + it.value();
                ended = failedWith(DeliveryError::InvalidContent, lines.join(QLatin1Char(' ')));
            } else if (!m_setup.vault) {
                ended = failedWith(DeliveryError::NoCredential,
                                   QStringLiteral("This server has no credential keys configured."));
            } else {
                Result<std::optional<nlohmann::json>> secret
                    = PlatformCredentials::open(*m_db, *m_setup.vault, c.platformId);
                if (!secret || !*secret) {
                    if (!secret)
                        qCWarning(lcServerSync) << "cannot open the credential of platform" << c.platformId << ":"
                                                << secret.error().message;
                    ended = failedWith(DeliveryError::NoCredential,
                                       QStringLiteral("The platform has no usable credential; store it again."));
                } else {
                    (*d)->platform.secret = **secret;
                    const AuditEntry used { AuditAction::CredentialUsed,
                                            QString(),
                                            PlatformCredentials::table(),
                                            c.platformId,
                                            { { "post_id", c.postId.toStdString() },
                                              { "destination_id", c.destinationId.toStdString() },
                                              { "attempt", c.attempts },
                                              { "purpose", "publish" } } };
                    if (Result<AuditRecord> r = AuditChain::append(*m_db, used); !r)
                        return r.error();
                    ready << Ready { c, std::move(**d), connector };
                }
            }
            if (ended) {
                if (Result<bool> r = PublishLedger::record(*m_db, holder, c.destinationId, *ended, now, lastSeq); !r)
                    return r.error();
            }
        }
        return VoidResult::success();
    });
    if (!done)
        return done.error();
    if (lastSeq > 0 && m_setup.changes)
        m_setup.changes->publish(lastSeq);
    for (Ready &r : ready)
        dispatch(r.claim, std::move(r.delivery), *r.connector);
    return int(ready.size());
}

void PostPublisher::dispatch(const LedgerClaim &claim, Delivery delivery, const Connector &connector)
{
    m_inFlight.insert(claim.destinationId);
    const QString id = claim.destinationId;
    const int attempts = claim.attempts;
    connector.publish(delivery, *m_client,
                      [this, id, attempts](const DeliveryOutcome &outcome) { finish(id, outcome, attempts); });
}

void PostPublisher::finish(const QString &destinationId, const DeliveryOutcome &outcome, int attempts)
{
    LedgerOutcome recorded {
        LedgerState::Sent, outcome.remoteId, outcome.remoteUrl, outcome.error, outcome.message, {}
    };
    switch (outcome.kind) {
    case DeliveryOutcome::Kind::Published:
        break;
    case DeliveryOutcome::Kind::Failed:
        recorded.state = LedgerState::Failed;
        break;
    case DeliveryOutcome::Kind::Retry:
        if (attempts >= m_setup.policy.maxAttempts) {
            recorded.state = LedgerState::Failed;
            recorded.message += QStringLiteral(" (gave up after %1 attempts)").arg(attempts);
        } else {
            recorded.state = LedgerState::Retry;
            const qint64 wait
                = backoffMs(m_setup.policy, attempts, outcome.retryAfter, QRandomGenerator::global()->generateDouble());
            recorded.nextAttemptAt = shared::Clock::instance().now().addMSecs(wait);
        }
        break;
    }
    Result<bool> stored = store(destinationId, recorded);
    if (!stored)
        qCWarning(lcServerSync) << "cannot record the delivery of destination" << destinationId << ":"
                                << stored.error().message;
    else if (!*stored)
        qCInfo(lcServerSync) << "the claim of destination" << destinationId << "ran out; another instance has it";
    m_inFlight.remove(destinationId);
    emit delivered(destinationId);
    nudge();
}

Result<bool> PostPublisher::store(const QString &destinationId, const LedgerOutcome &outcome)
{
    qint64 lastSeq = 0;
    bool recorded = false;
    VoidResult done = m_db->transaction([&]() -> VoidResult {
        Result<bool> r = PublishLedger::record(*m_db, m_setup.holder, destinationId, outcome,
                                               shared::Clock::instance().now(), lastSeq);
        if (!r)
            return r.error();
        recorded = *r;
        return VoidResult::success();
    });
    if (!done)
        return done.error();
    if (lastSeq > 0 && m_setup.changes)
        m_setup.changes->publish(lastSeq);
    return recorded;
}

} // namespace quire::server
