// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/preflightchecker.h"

#include "server/audit/auditchain.h"
#include "server/credentials/credentialvault.h"
#include "server/outbound/outboundclient.h"
#include "server/publishing/postpublisher.h"
#include "server/publishing/publishingnames.h"
#include "server/publishing/publishledger.h"
#include "server/scheduler/platformcredentials.h"
#include "server/serverlogging.h"
#include "server/sync/changefeed.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/schedulernames.h"
#include "shared/schedulertables.h"
#include "shared/timestamp.h"

#include <QTimer>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {

const QString kJob = QStringLiteral("post-preflight");

QString problem(DeliveryError code, const QString &message)
{
    return kDeliveryErrors.name(code) + QStringLiteral(": ") + message;
}

} // namespace

PreflightChecker::PreflightChecker(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_lease(kJob, m_setup.holder, std::max<qint64>(2 * m_setup.policy.checkIntervalMs, 120'000), m_setup.sole)
{
    OutboundOptions options;
    options.timeout = m_setup.policy.requestTimeout;
    options.extraCaCertificates = m_setup.extraCaCertificates;
    m_client = new OutboundClient(m_setup.addresses, options, this);
}

PreflightChecker::~PreflightChecker() = default;

VoidResult PreflightChecker::start(std::unique_ptr<shared::Database> db)
{
    m_ownDb = std::move(db);
    return start(*m_ownDb);
}

VoidResult PreflightChecker::start(shared::Database &db)
{
    m_db = &db;
    m_tick = new QTimer(this);
    m_tick->setInterval(m_setup.policy.checkIntervalMs);
    const auto run = [this] {
        if (Result<int> r = runOnce(); !r)
            qCWarning(lcServerSync) << "pre-flight checks failed:" << r.error().message;
    };
    connect(m_tick, &QTimer::timeout, this, run);
    m_tick->start();
    // And once soon after start, not a whole interval later.
    if (m_setup.policy.firstRunMs >= 0)
        QTimer::singleShot(m_setup.policy.firstRunMs, this, run);
    return VoidResult::success();
}

Result<int> PreflightChecker::runOnce()
{
    if (!m_db)
        return 0;
    const QDateTime now = shared::Clock::instance().now();
    struct Check
    {
        QString destinationId;
        QStringList problems; // found without the network
        std::optional<Delivery> delivery; // set when the network is to be asked
        const Connector *connector = nullptr;
    };
    QList<Check> checks;
    VoidResult done = m_db->transaction([&]() -> VoidResult {
        checks.clear();
        Result<bool> held = m_lease.holdWithin(*m_db, now);
        if (!held)
            return held.error();
        if (!*held)
            return VoidResult::success();
        const QString at = shared::Timestamp::format(now);
        Result<QSqlQuery> q = m_db->exec(
            QStringLiteral("SELECT d.id, d.post_id, d.platform_id, d.owner_id "
                           "FROM post_destinations d JOIN posts p ON p.id = d.post_id AND p.deleted = 0 "
                           "WHERE d.deleted = 0 AND p.status = ? AND p.scheduled_at > ? AND p.scheduled_at <= ? "
                           "AND (d.preflight_at = '' OR d.preflight_at < ? OR p.updated_at > d.preflight_at "
                           "OR d.updated_at > d.preflight_at) "
                           "ORDER BY p.scheduled_at LIMIT ?"),
            { shared::kPostStatuses.name(shared::PostStatus::Scheduled), at,
              shared::Timestamp::format(now.addMSecs(m_setup.policy.leadMs)),
              shared::Timestamp::format(now.addMSecs(-m_setup.policy.recheckMs)), m_setup.policy.batch });
        if (!q)
            return q.error();
        QList<LedgerClaim> wanted;
        while (q->next()) {
            LedgerClaim c;
            c.destinationId = q->value(0).toString();
            c.postId = q->value(1).toString();
            c.platformId = q->value(2).toString();
            c.ownerId = q->value(3).toString();
            if (!m_inFlight.contains(c.destinationId))
                wanted << c;
        }
        for (const LedgerClaim &c : std::as_const(wanted)) {
            Check check;
            check.destinationId = c.destinationId;
            Result<std::optional<Delivery>> d = PublishLedger::delivery(*m_db, c);
            if (!d)
                return d.error();
            if (!*d)
                continue; // its platform or destination went meanwhile
            check.connector = m_setup.connectors.find((*d)->platform.kind);
            if (!check.connector) {
                check.problems << problem(DeliveryError::NoConnector,
                                          QStringLiteral("This server cannot publish to %1.")
                                              .arg(shared::kPlatformKinds.name((*d)->platform.kind)));
                checks << check;
                continue;
            }
            Result<std::optional<QString>> missing = PostPublisher::findMedia(*m_db, m_setup.mediaDir, **d);
            if (!missing)
                return missing.error();
            if (*missing)
                check.problems << problem(DeliveryError::InvalidContent,
                                          QStringLiteral("%1 is not on this server; upload it first.").arg(**missing));
            const shared::FieldErrors content = check.connector->check(**d);
            for (auto it = content.fields().cbegin(); it != content.fields().cend(); ++it)
                check.problems << problem(DeliveryError::InvalidContent, it.key() + QStringLiteral(": ") + it.value());
            Result<std::optional<nlohmann::json>> secret = m_setup.vault
                ? PlatformCredentials::open(*m_db, *m_setup.vault, c.platformId)
                : Result<std::optional<nlohmann::json>>(std::optional<nlohmann::json>());
            if (!secret) {
                qCWarning(lcServerSync) << "cannot open the credential of platform" << c.platformId << ":"
                                        << secret.error().message;
                secret = std::optional<nlohmann::json>();
            }
            if (!*secret) {
                check.problems << problem(DeliveryError::NoCredential,
                                          QStringLiteral("The platform has no usable credential; store it again."));
            } else {
                (*d)->platform.secret = **secret;
                check.delivery = std::move(**d);
                const AuditEntry used { AuditAction::CredentialUsed,
                                        QString(),
                                        PlatformCredentials::table(),
                                        c.platformId,
                                        { { "post_id", c.postId.toStdString() },
                                          { "destination_id", c.destinationId.toStdString() },
                                          { "purpose", "preflight" } } };
                if (Result<AuditRecord> r = AuditChain::append(*m_db, used); !r)
                    return r.error();
            }
            checks << check;
        }
        return VoidResult::success();
    });
    if (!done)
        return done.error();
    for (Check &check : checks) {
        if (!check.delivery) {
            store(check.destinationId, check.problems);
            continue;
        }
        m_inFlight.insert(check.destinationId);
        const QString id = check.destinationId;
        const QStringList found = check.problems;
        check.connector->verify(check.delivery->platform, *m_client, [this, id, found](const VoidResult &verified) {
            QStringList problems = found;
            if (!verified) {
                const std::optional<DeliveryError> code = kDeliveryErrors.fromName(verified.error().code);
                problems.prepend(problem(code.value_or(DeliveryError::Network),
                                         QStringLiteral("The network did not accept the credential check: %1")
                                             .arg(verified.error().message)));
            }
            m_inFlight.remove(id);
            store(id, problems);
        });
    }
    return int(checks.size());
}

void PreflightChecker::store(const QString &destinationId, const QStringList &problems)
{
    const QString now = shared::Timestamp::format(shared::Clock::instance().now());
    qint64 lastSeq = 0;
    VoidResult stored = m_db->transaction([&]() -> VoidResult {
        return PublishLedger::serverChange(
            *m_db, shared::postDestinationsTable(), destinationId,
            { { "preflight_at", now.toStdString() },
              { "preflight", problems.join(QLatin1Char('\n')).left(2000).toStdString() } },
            now, lastSeq);
    });
    if (!stored) {
        qCWarning(lcServerSync) << "cannot store the pre-flight check of destination" << destinationId << ":"
                                << stored.error().message;
        return;
    }
    if (lastSeq > 0 && m_setup.changes)
        m_setup.changes->publish(lastSeq);
    emit checked(destinationId);
}

} // namespace quire::server
