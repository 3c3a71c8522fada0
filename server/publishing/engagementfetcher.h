// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/joblease.h"
#include "server/outbound/addresspolicy.h"
#include "server/publishing/connectorregistry.h"
#include "shared/result.h"

#include <QObject>
#include <QSet>
#include <QSslCertificate>

#include <chrono>
#include <memory>

class QTimer;

namespace quire::shared {
class Database;
}

namespace quire::server {

class CredentialVault;
class OutboundClient;

// Fetches the engagement of published posts back from the networks that
// tell it (Mastodon's counts, Bluesky's likes and reposts) on a schedule,
// with every desktop closed, into engagement_metrics (MetricsStore), where
// GET /metrics/engagement reads it.
//
// The networks report totals; a day's row holds what that day added (the
// total less the earlier days' rows), so that summing days, weeks or
// months gives the totals again. A post is asked about while it is young
// (windowDays after it went out), at most once per interval; of several
// instances on one database only the holder of the job's lease asks.
class EngagementFetcher final : public QObject
{
    Q_OBJECT
public:
    struct Policy
    {
        qint64 intervalMs = 3'600'000; // a post is asked about at most this often
        int windowDays = 30;
        int batch = 100; // posts asked about per run
        int firstRunMs = 1000; // after start; -1: only on the interval (tests run each pass themselves)
        int checkIntervalMs = 5 * 60'000;
        std::chrono::milliseconds requestTimeout { 30'000 };
    };
    struct Setup
    {
        QString holder;
        bool sole = false;
        const CredentialVault *vault = nullptr; // null: nothing is fetched
        AddressPolicy addresses;
        QList<QSslCertificate> extraCaCertificates;
        ConnectorRegistry connectors = ConnectorRegistry::standard();
        Policy policy;
    };

    explicit EngagementFetcher(Setup setup, QObject *parent = nullptr);
    ~EngagementFetcher() override;

    shared::VoidResult start(std::unique_ptr<shared::Database> db);
    shared::VoidResult start(shared::Database &db);

    // One run at Clock's now: how many posts it asked about.
    shared::Result<int> runOnce();
    int inFlight() const { return int(m_inFlight.size()); }

signals:
    // A post's counts were stored (or the network said it has no such post).
    void counted(const QString &destinationId);

private:
    void record(const QString &destinationId, const shared::Result<std::optional<Connector::Engagement>> &counts);

    Setup m_setup;
    JobLease m_lease;
    std::unique_ptr<shared::Database> m_ownDb;
    shared::Database *m_db = nullptr;
    OutboundClient *m_client = nullptr;
    QTimer *m_tick = nullptr;
    QSet<QString> m_inFlight;
};

} // namespace quire::server
