// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptusageflusher.h"

#include "server/prompts/promptfetchusage.h"
#include "server/serverlogging.h"
#include "server/sync/changefeed.h"
#include "shared/database.h"

#include <QTimer>

namespace quire::server {

PromptUsageFlusher::PromptUsageFlusher(QString databasePath, QString epoch, ChangeFeed *changes, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_epoch(std::move(epoch))
    , m_changes(changes)
{ }

PromptUsageFlusher::~PromptUsageFlusher()
{
    flush();
}

shared::VoidResult PromptUsageFlusher::start()
{
    auto db = shared::Database::openSqlite(m_databasePath);
    if (!db)
        return db.error();
    m_db = std::move(db.value());
    auto *timer = new QTimer(this);
    timer->setInterval(PromptFetchUsage::kFlushIntervalMs);
    connect(timer, &QTimer::timeout, this, &PromptUsageFlusher::flush);
    timer->start();
    return shared::VoidResult::success();
}

void PromptUsageFlusher::flush()
{
    if (!m_db)
        return;
    qint64 lastSeq = 0;
    if (shared::VoidResult r = PromptFetchUsage::instance().flush(*m_db, m_epoch, lastSeq); !r)
        qCWarning(lcServer) << "cannot record programs' fetches yet:" << r.error().message;
    if (lastSeq > 0 && m_changes)
        m_changes->publish(lastSeq);
}

} // namespace quire::server
