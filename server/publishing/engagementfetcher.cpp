// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/engagementfetcher.h"

#include "server/audit/auditchain.h"
#include "server/credentials/credentialvault.h"
#include "server/outbound/outboundclient.h"
#include "server/publishing/publishingnames.h"
#include "server/scheduler/metricsstore.h"
#include "server/scheduler/platformcredentials.h"
#include "server/serverlogging.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/timestamp.h"

#include <QTimer>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {

const QString kJob = QStringLiteral("engagement-fetch");

nlohmann::json jsonObject(const QString &text)
{
    nlohmann::json j = nlohmann::json::parse(text.toStdString(), nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

} // namespace

EngagementFetcher::EngagementFetcher(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_lease(kJob, m_setup.holder, 2 * m_setup.policy.checkIntervalMs, m_setup.sole)
{
    OutboundOptions options;
    options.timeout = m_setup.policy.requestTimeout;
    options.extraCaCertificates = m_setup.extraCaCertificates;
    m_client = new OutboundClient(m_setup.addresses, options, this);
}

EngagementFetcher::~EngagementFetcher() = default;

VoidResult EngagementFetcher::start(std::unique_ptr<shared::Database> db)
{
    m_ownDb = std::move(db);
    return start(*m_ownDb);
}

VoidResult EngagementFetcher::start(shared::Database &db)
{
    m_db = &db;
    m_tick = new QTimer(this);
    m_tick->setInterval(m_setup.policy.checkIntervalMs);
    const auto run = [this] {
        if (Result<int> r = runOnce(); !r)
            qCWarning(lcServerSync) << "fetching engagement failed:" << r.error().message;
    };
    connect(m_tick, &QTimer::timeout, this, run);
    m_tick->start();
    // And once soon after start, not a whole interval later.
    if (m_setup.policy.firstRunMs >= 0)
        QTimer::singleShot(m_setup.policy.firstRunMs, this, run);
    return VoidResult::success();
}

Result<int> EngagementFetcher::runOnce()
{
    if (!m_db || !m_setup.vault)
        return 0;
    const QList<shared::PlatformKind> kinds = m_setup.connectors.countingKinds();
    if (kinds.isEmpty())
        return 0;
    const QDateTime now = shared::Clock::instance().now();
    struct Ask
    {
        QString destinationId;
        QString remoteId;
        PlatformAccess platform;
        const Connector *connector = nullptr;
    };
    QList<Ask> asks;
    VoidResult done = m_db->transaction([&]() -> VoidResult {
        asks.clear();
        Result<bool> held = m_lease.holdWithin(*m_db, now);
        if (!held)
            return held.error();
        if (!*held)
            return VoidResult::success();
        QStringList marks;
        QVariantList binds { kLedgerStates.name(LedgerState::Sent),
                             shared::Timestamp::format(now.addDays(-m_setup.policy.windowDays)),
                             shared::Timestamp::format(now.addMSecs(-m_setup.policy.intervalMs)) };
        for (shared::PlatformKind kind : kinds) {
            marks << QStringLiteral("?");
            binds << shared::kPlatformKinds.name(kind);
        }
        binds << m_setup.policy.batch;
        Result<QSqlQuery> q
            = m_db->exec(QStringLiteral("SELECT a.destination_id, a.remote_id, a.platform_id, p.kind, p.base_url, "
                                        "p.account_handle, p.settings "
                                        "FROM publish_attempts a "
                                        "JOIN platforms p ON p.id = a.platform_id AND p.deleted = 0 "
                                        "JOIN post_destinations d ON d.id = a.destination_id AND d.deleted = 0 "
                                        "WHERE a.state = ? AND a.remote_id <> '' AND a.sent_at >= ? "
                                        "AND NOT EXISTS (SELECT 1 FROM engagement_metrics e "
                                        "WHERE e.destination_id = a.destination_id AND e.updated_at > ?) "
                                        "AND p.kind IN (%1) "
                                        "ORDER BY a.sent_at DESC LIMIT ?")
                             .arg(marks.join(QLatin1Char(','))),
                         binds);
        if (!q)
            return q.error();
        while (q->next()) {
            Ask a;
            a.destinationId = q->value(0).toString();
            if (m_inFlight.contains(a.destinationId))
                continue;
            a.remoteId = q->value(1).toString();
            a.platform.platformId = q->value(2).toString();
            const std::optional<shared::PlatformKind> kind = shared::kPlatformKinds.fromName(q->value(3).toString());
            a.connector = kind ? m_setup.connectors.find(*kind) : nullptr;
            if (!a.connector)
                continue;
            a.platform.kind = *kind;
            a.platform.baseUrl = q->value(4).toString();
            a.platform.accountHandle = q->value(5).toString();
            a.platform.settings = jsonObject(q->value(6).toString());
            asks << a;
        }
        // The secrets are opened, and their use audited, in the same transaction.
        for (Ask &a : asks) {
            Result<std::optional<nlohmann::json>> secret
                = PlatformCredentials::open(*m_db, *m_setup.vault, a.platform.platformId);
            if (!secret)
                return secret.error();
            if (!*secret) {
                a.connector = nullptr; // removed since it published; nothing to ask with
                continue;
            }
            a.platform.secret = **secret;
            const AuditEntry used { AuditAction::CredentialUsed,
                                    QString(),
                                    PlatformCredentials::table(),
                                    a.platform.platformId,
                                    { { "destination_id", a.destinationId.toStdString() },
                                      { "purpose", "engagement" } } };
            if (Result<AuditRecord> r = AuditChain::append(*m_db, used); !r)
                return r.error();
        }
        return VoidResult::success();
    });
    if (!done)
        return done.error();
    int asked = 0;
    for (const Ask &a : std::as_const(asks)) {
        if (!a.connector)
            continue;
        m_inFlight.insert(a.destinationId);
        const QString id = a.destinationId;
        a.connector->engagement(
            a.platform, a.remoteId, *m_client,
            [this, id](const Result<std::optional<Connector::Engagement>> &counts) { record(id, counts); });
        ++asked;
    }
    return asked;
}

void EngagementFetcher::record(const QString &destinationId, const Result<std::optional<Connector::Engagement>> &counts)
{
    m_inFlight.remove(destinationId);
    if (!counts) {
        // Asked again at the next run; a refused credential also shows in
        // the pre-flight checks and the next delivery.
        qCInfo(lcServerSync) << "no engagement for destination" << destinationId << ":" << counts.error().message;
        return;
    }
    if (*counts) {
        const QDate today = shared::Clock::instance().now().date();
        VoidResult stored = m_db->transaction([&]() -> VoidResult {
            // The days before today already hold what they added.
            Result<QSqlQuery> earlier = m_db->exec(
                QStringLiteral("SELECT COALESCE(SUM(impressions), 0), COALESCE(SUM(likes), 0), "
                               "COALESCE(SUM(comments), 0), COALESCE(SUM(shares), 0), COALESCE(SUM(clicks), 0) "
                               "FROM engagement_metrics WHERE destination_id = ? AND day < ?"),
                { destinationId, today.toString(Qt::ISODate) });
            if (!earlier)
                return earlier.error();
            MetricsStore::EngagementCounts added = **counts;
            if (earlier->next()) {
                added.impressions = std::max<qint64>(0, added.impressions - earlier->value(0).toLongLong());
                added.likes = std::max<qint64>(0, added.likes - earlier->value(1).toLongLong());
                added.comments = std::max<qint64>(0, added.comments - earlier->value(2).toLongLong());
                added.shares = std::max<qint64>(0, added.shares - earlier->value(3).toLongLong());
                added.clicks = std::max<qint64>(0, added.clicks - earlier->value(4).toLongLong());
            }
            return MetricsStore(*m_db).recordEngagement(destinationId, today, added);
        });
        if (!stored)
            qCWarning(lcServerSync) << "cannot store the engagement of destination" << destinationId << ":"
                                    << stored.error().message;
    }
    emit counted(destinationId);
}

} // namespace quire::server
