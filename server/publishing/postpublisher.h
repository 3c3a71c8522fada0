// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/outbound/addresspolicy.h"
#include "server/outbound/outboundclient.h"
#include "server/publishing/connectorregistry.h"
#include "server/publishing/publishledger.h"
#include "shared/result.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

class QTimer;

namespace quire::shared {
class Database;
}

namespace quire::server {

class ChangeFeed;
class CredentialVault;

// Publishes the creators' scheduled posts on the server, with every
// desktop closed: wakes when a post or a retry is due (a timer to the next
// due time, a check at least every second, and a nudge whenever synced
// data changed), claims due deliveries in the ledger (PublishLedger),
// opens the platform's credential, hands each delivery to its connector and
// records the outcome with the synced statuses in one transaction.
//
// Several instances on one database share the work: every claim is a
// conditional update, so each delivery is held by one instance at a time,
// for a lease longer than any request may take. An instance that dies
// mid-delivery leaves its claim to run out; whoever takes it next sends the
// same idempotency key. An instance alone on its database (unnamed) knows
// at start that every claim it finds is an orphan and takes them at once.
class PostPublisher final : public QObject
{
    Q_OBJECT
public:
    struct Policy
    {
        qint64 leaseMs = 120'000; // longer than the outbound timeout
        int maxAttempts = 8;
        qint64 backoffBaseMs = 10'000; // before the second attempt, doubling
        qint64 backoffMaxMs = 3'600'000;
        int batch = 50; // posts promoted, deliveries claimed per run
        int checkIntervalMs = 1000;
        std::chrono::milliseconds requestTimeout { 30'000 };
    };

    struct Setup
    {
        QString holder; // this instance's name (claimed_by)
        bool sole = false; // no other instance uses the database
        const CredentialVault *vault = nullptr; // null: every delivery fails with no_credential
        AddressPolicy addresses;
        QList<QSslCertificate> extraCaCertificates;
        ConnectorRegistry connectors = ConnectorRegistry::standard();
        Policy policy;
        ChangeFeed *changes = nullptr; // announces our writes; its changes nudge us
        QString mediaDir; // where MediaStore keeps the images posts carry
    };

    // Runs on `db`, which must outlive the publisher (tests), or on a
    // connection of its own opened by start(location).
    PostPublisher(Setup setup, QObject *parent = nullptr);
    ~PostPublisher() override;

    // Starts the timers on a connection of its own.
    shared::VoidResult start(std::unique_ptr<shared::Database> db);
    // Starts on a connection the caller keeps.
    shared::VoidResult start(shared::Database &db);

    // One pass at Clock's now: promotes due posts and hands the due
    // deliveries to their connectors; how many deliveries went out.
    shared::Result<int> runOnce();
    // Deliveries handed to a connector and not yet answered.
    int inFlight() const { return int(m_inFlight.size()); }

    // Fills delivery.files from the media store for the addresses the
    // delivery names; the first address this server does not have, if any.
    static shared::Result<std::optional<QString>> findMedia(shared::Database &db, const QString &mediaDir,
                                                            Delivery &delivery);

    // The wait before the next attempt after `attempts` failed attempts:
    // base * 2^(attempts-1), capped, with "equal jitter" (half fixed, half
    // random by `jitter` in [0, 1]), and never sooner than `retryAfter`.
    static qint64 backoffMs(const Policy &policy, int attempts, std::optional<std::chrono::seconds> retryAfter,
                            double jitter);

public slots:
    // Something changed: look again soon (coalesced).
    void nudge();

signals:
    // The outcome of a delivery was recorded (or found no longer ours).
    void delivered(const QString &destinationId);

private:
    void run();
    void armWake();
    void dispatch(const LedgerClaim &claim, Delivery delivery, const Connector &connector);
    void finish(const QString &destinationId, const DeliveryOutcome &outcome, int attempts);
    // Records `outcome` in its own transaction and announces the change.
    shared::Result<bool> store(const QString &destinationId, const LedgerOutcome &outcome);

    Setup m_setup;
    std::unique_ptr<shared::Database> m_ownDb;
    shared::Database *m_db = nullptr;
    OutboundClient *m_client = nullptr;
    QTimer *m_tick = nullptr;
    QTimer *m_wake = nullptr;
    bool m_nudged = false;
    bool m_orphansReleased = false;
    QSet<QString> m_inFlight;
};

} // namespace quire::server
