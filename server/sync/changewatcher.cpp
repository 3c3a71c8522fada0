// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/changewatcher.h"

#include "server/serverdatabase.h"
#include "server/serverlogging.h"
#include "server/sync/changefeed.h"
#include "shared/database.h"
#include "shared/sqldialect.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QTimer>
#include <QVariant>

namespace quire::server {

using shared::Result;

ChangeWatcher::ChangeWatcher(ServerConfig config, ChangeFeed *changes, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_changes(changes)
{ }

ChangeWatcher::~ChangeWatcher() = default;

shared::VoidResult ChangeWatcher::start(int intervalMs)
{
    auto db = ServerDatabase::open(m_config);
    if (!db)
        return db.error();
    m_db = std::move(db.value());
    Result<QVariant> seq = m_db->scalar(QStringLiteral("SELECT seq FROM sync_state WHERE id = 1"));
    if (!seq)
        return seq.error();
    m_seen = seq->toLongLong();
    // Direct: our own commits are known the moment they are published, so
    // the next poll does not announce them a second time.
    connect(
        m_changes, &ChangeFeed::changed, this,
        [this](qint64 published) {
            qint64 seen = m_seen.load();
            while (published > seen && !m_seen.compare_exchange_weak(seen, published)) { }
        },
        Qt::DirectConnection);
    if (m_db->engine() == shared::Database::Engine::Postgres) {
        if (shared::VoidResult r = listen(); !r)
            return r;
        // The listening connection can die (the database restarted, the
        // session was ended); its notices stop without a word. A look at
        // its state each second costs no query; a dead one is replaced and
        // the counter read, so nothing that came meanwhile goes unannounced.
        auto *check = new QTimer(this);
        check->setInterval(1000);
        connect(check, &QTimer::timeout, this, [this] {
            if (m_listener && m_listener->handle().driver()->isOpen())
                return;
            if (shared::VoidResult r = listen(); !r) {
                qCWarning(lcServerSync) << "cannot listen for other instances' changes again:" << r.error().message;
                return;
            }
            qCInfo(lcServerSync) << "listening for other instances' changes again";
            if (Result<bool> read = poll(); !read)
                qCWarning(lcServerSync) << "cannot read the change counter:" << read.error().message;
        });
        check->start();
    }
    auto *timer = new QTimer(this);
    timer->setInterval(intervalMs);
    connect(timer, &QTimer::timeout, this, [this] {
        if (Result<bool> r = poll(); !r)
            qCWarning(lcServerSync) << "cannot read the change counter:" << r.error().message;
    });
    timer->start();
    return shared::VoidResult::success();
}

shared::VoidResult ChangeWatcher::listen()
{
    m_listener.reset(); // a dead connection's driver goes with its notifier
    auto listener = ServerDatabase::open(m_config);
    if (!listener)
        return listener.error();
    QSqlDriver *driver = listener.value()->handle().driver();
    if (!driver->subscribeToNotification(shared::SqlDialect::kChangeChannel)) {
        return shared::Error::make(
            shared::ErrorCode::DatabaseError,
            QStringLiteral("Listening for other instances' changes failed: %1").arg(driver->lastError().text()));
    }
    connect(driver, &QSqlDriver::notification, this, [this] {
        if (Result<bool> r = poll(); !r)
            qCWarning(lcServerSync) << "cannot read the change counter:" << r.error().message;
    });
    m_listener = std::move(listener.value());
    ++m_listens;
    return shared::VoidResult::success();
}

Result<bool> ChangeWatcher::poll()
{
    Result<QVariant> seq = m_db->scalar(QStringLiteral("SELECT seq FROM sync_state WHERE id = 1"));
    if (!seq)
        return seq.error();
    const qint64 newest = seq->toLongLong();
    if (newest <= m_seen.load())
        return false;
    m_changes->publish(newest); // moves m_seen through the connection above
    return true;
}

} // namespace quire::server
