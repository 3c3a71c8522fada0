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

class ChangeFeed;
class CredentialVault;
class OutboundClient;

// Checks a scheduled post's destinations some hours before they are due,
// while there is still time to mend them, and tells the creator through
// the synced destination (preflight_at, and preflight: one "code: message"
// line per problem, empty when ready): the platform has a connector and a
// credential that opens, the network accepts the credential (the
// connector's cheap authenticated call, which also shows its API answers
// as expected), the media are on this server, and the text and media fit
// the network (the connector's own checks). A destination is checked again
// when its post or itself changed since, and at least every recheck
// interval; of several instances only the holder of the job's lease checks.
class PreflightChecker final : public QObject
{
    Q_OBJECT
public:
    struct Policy
    {
        qint64 leadMs = 6 * 3'600'000; // how long before the due time checks start
        qint64 recheckMs = 3'600'000;
        int batch = 50;
        int firstRunMs = 1000; // after start; -1: only on the interval (tests run each pass themselves)
        int checkIntervalMs = 60'000;
        std::chrono::milliseconds requestTimeout { 30'000 };
    };
    struct Setup
    {
        QString holder;
        bool sole = false;
        const CredentialVault *vault = nullptr;
        AddressPolicy addresses;
        QList<QSslCertificate> extraCaCertificates;
        ConnectorRegistry connectors = ConnectorRegistry::standard();
        QString mediaDir;
        Policy policy;
        ChangeFeed *changes = nullptr; // announces the results to replicas
    };

    explicit PreflightChecker(Setup setup, QObject *parent = nullptr);
    ~PreflightChecker() override;

    shared::VoidResult start(std::unique_ptr<shared::Database> db);
    shared::VoidResult start(shared::Database &db);

    // One run at Clock's now: how many destinations it began to check.
    shared::Result<int> runOnce();
    int inFlight() const { return int(m_inFlight.size()); }

signals:
    // A destination's result was stored.
    void checked(const QString &destinationId);

private:
    void store(const QString &destinationId, const QStringList &problems);

    Setup m_setup;
    JobLease m_lease;
    std::unique_ptr<shared::Database> m_ownDb;
    shared::Database *m_db = nullptr;
    OutboundClient *m_client = nullptr;
    QTimer *m_tick = nullptr;
    QSet<QString> m_inFlight;
};

} // namespace quire::server
