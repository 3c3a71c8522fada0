// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/searchindexer.h"

#include "desktop/core/articlequery.h"
#include "desktop/core/corelogging.h"

#include <QTimer>

namespace quire::desktop {

SearchIndexer::SearchIndexer(shared::Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &SearchIndexer::step);
}

void SearchIndexer::start()
{
    m_timer->start();
}

bool SearchIndexer::isRunning() const
{
    return m_timer->isActive();
}

void SearchIndexer::step()
{
    shared::Result<bool> done = ArticleQuery::catchUpSome(m_db, kRowsPerStep, m_fromRowid);
    if (!done) {
        // A search indexes what is left itself; nothing is lost by stopping.
        qCWarning(lcReplica) << "search index:" << done.error().message;
        return;
    }
    if (*done) {
        m_fromRowid = 0;
        Q_EMIT finished();
    } else
        m_timer->start();
}

} // namespace quire::desktop
