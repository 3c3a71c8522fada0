// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/credentials/credentialkeys.h"
#include "server/outbound/addresspolicy.h"
#include "server/publishing/postpublisher.h"
#include "server/scheduler/platformcredentials.h"
#include "server/serverdatabase.h"
#include "server/sync/syncaccess.h"
#include "server/sync/syncrows.h"
#include "shared/database.h"
#include "shared/schedulertables.h"
#include "shared/timestamp.h"
#include "shared/uuid.h"
#include "tests/support/mockclock.h"
#include "tests/support/serverprocess.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

namespace quire::test {

// What the publishing tests share, in the test's process on the test
// engine's database (SQLite or PostgreSQL) with a moved clock: a client,
// platforms with their credential sealed, posts with destinations written
// as synced rows, publishers on either of two connections, and reads of
// the ledger and the rows.
class PublishingFixture : public QObject
{
protected:
    using json = nlohmann::json;
    inline static const QString kOwner = QStringLiteral("owner-1");

    QTemporaryDir m_dir;
    std::unique_ptr<shared::Database> m_db;
    std::unique_ptr<shared::Database> m_second; // another instance's connection
    std::shared_ptr<const server::CredentialVault> m_vault;
    std::unique_ptr<test::MockClock> m_clock;
    QString m_client;

    static qint64 scalar(shared::Database &db, const QString &sql, const QVariantList &binds = {})
    {
        shared::Result<QVariant> v = db.scalar(sql, binds);
        return v ? v->toLongLong() : -1;
    }
    QString text(const QString &sql, const QVariantList &binds = {})
    {
        shared::Result<QVariant> v = m_db->scalar(sql, binds);
        return v ? v->toString() : QStringLiteral("<error>");
    }

    bool write(const QString &table, const QString &id, json values)
    {
        const QString at = shared::Timestamp::format(m_clock->now());
        values["id"] = id.toStdString();
        values["owner_id"] = kOwner.toStdString();
        values["created_at"] = at.toStdString();
        values["updated_at"] = at.toStdString();
        server::SyncRows rows(*m_db, server::SyncAccess::find(table)->table());
        return bool(rows.write(server::StoredRow { values, 1, false }, QString()));
    }

    QString platformAt(const QString &kind, const QString &url, const json &secret)
    {
        const QString id = shared::Uuid::createV7();
        if (!write(shared::platformsTable(), id,
                   { { "client_id", m_client.toStdString() },
                     { "kind", kind.toStdString() },
                     { "display_name", "Hook" },
                     { "base_url", url.toStdString() },
                     { "settings", "{}" } }))
            return {};
        bool stored = false;
        (void)m_db->transaction([&]() -> shared::VoidResult {
            shared::Result<QString> at = server::PlatformCredentials::store(*m_db, *m_vault, id, secret);
            stored = bool(at);
            return shared::VoidResult::success();
        });
        return stored ? id : QString();
    }

    // A post scheduled `inMs` from now with one destination per platform;
    // its id and the destinations' ids.
    // `media`: one address per destination, if any (an empty one: none).
    QPair<QString, QStringList> post(qint64 inMs, const QStringList &platforms,
                                     const QString &body = QStringLiteral("Hello"), const QStringList &media = {})
    {
        const QString id = shared::Uuid::createV7();
        write(shared::postsTable(), id,
              { { "client_id", m_client.toStdString() },
                { "title", "T" },
                { "body", body.toStdString() },
                { "scheduled_at", shared::Timestamp::format(m_clock->now().addMSecs(inMs)).toStdString() },
                { "time_zone", "UTC" },
                { "status", "scheduled" } });
        QStringList destinations;
        for (const QString &p : platforms) {
            const QString d = shared::Uuid::createV7();
            const QString address = media.value(destinations.size());
            const json addresses = address.isEmpty() ? json::array() : json::array({ address.toStdString() });
            write(shared::postDestinationsTable(), d,
                  { { "post_id", id.toStdString() },
                    { "platform_id", p.toStdString() },
                    { "media", addresses.dump() },
                    { "options", "{}" },
                    { "status", "pending" },
                    { "attempts", "0" } });
            destinations << d;
        }
        return { id, destinations };
    }

    std::unique_ptr<server::PostPublisher> publisher(const QString &holder, shared::Database &db)
    {
        server::PostPublisher::Setup setup;
        setup.holder = holder;
        setup.vault = m_vault.get();
        setup.addresses = *server::AddressPolicy::fromAllowList({ QStringLiteral("127.0.0.1") });
        setup.policy.backoffBaseMs = 4000;
        setup.policy.leaseMs = 60'000;
        // The test runs every pass itself, at the clock it set.
        setup.policy.checkIntervalMs = 3'600'000;
        setup.mediaDir = m_dir.filePath(QStringLiteral("media"));
        auto p = std::make_unique<server::PostPublisher>(std::move(setup));
        if (!p->start(db))
            return nullptr;
        return p;
    }

    QString ledger(const QString &column, const QString &destination)
    {
        return text(QStringLiteral("SELECT %1 FROM publish_attempts WHERE destination_id = ?").arg(column),
                    { destination });
    }
    QString column(const QString &table, const QString &column, const QString &id)
    {
        return text(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(column, table), { id });
    }

    // One pass, then until every delivery it started was answered.
    static bool pass(server::PostPublisher &p)
    {
        if (!p.runOnce())
            return false;
        return QTest::qWaitFor([&p] { return p.inFlight() == 0; }, 120000);
    }

    // The database, a second connection to it, the credential keys and a client.
    bool openFixture()
    {
        if (!m_dir.isValid())
            return false;
        const QString location = ServerProcess::databaseLocationFor(m_dir.path());
        if (location.isEmpty())
            return false;
        auto db = server::ServerDatabase::openMigrated(location);
        if (!db) {
            qWarning("%s", qPrintable(db.error().message));
            return false;
        }
        m_db = std::move(db.value());
        auto second = shared::Database::open(location);
        if (!second)
            return false;
        m_second = std::move(second.value());
        const QString keys = m_dir.filePath(QStringLiteral("credential.keys"));
        if (!server::CredentialKeys::createKeyFile(keys))
            return false;
        auto vault = server::PlatformCredentials::configuredVault(keys);
        if (!vault || !*vault)
            return false;
        m_vault = *vault;
        m_clock = std::make_unique<MockClock>(QDateTime::currentDateTimeUtc());
        m_client = shared::Uuid::createV7();
        return write(shared::clientsTable(), m_client, { { "name", "Ada" }, { "time_zone", "UTC" } });
    }

    void closeFixture()
    {
        m_second.reset();
        m_db.reset();
        ServerProcess::dropDatabaseOf(m_dir.path());
    }
};

} // namespace quire::test
