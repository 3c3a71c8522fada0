// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptusageflusher.h"

#include "server/metrics/jobmetrics.h"
#include "server/prompts/promptfetchusage.h"
#include "server/serverdatabase.h"
#include "server/serverlogging.h"
#include "server/sync/changefeed.h"
#include "shared/database.h"

#include <QElapsedTimer>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <sys/resource.h>

#include <unistd.h>
#endif

namespace quire::server {

namespace {

// How much nicer than the workers the flushing thread runs (Linux: the
// nice value of that thread alone). Lower, not idle: on a busy machine an
// idle thread could wait for ever, and the counts with it.
constexpr int kNiceness = 10;

void lowerPriority()
{
#ifdef Q_OS_LINUX
    if (setpriority(PRIO_PROCESS, id_t(gettid()), kNiceness) != 0)
        qCWarning(lcServer) << "the usage flush runs at the workers' priority:" << qt_error_string(errno);
#endif
}

} // namespace

int PromptUsageFlusher::nextIntervalMs(qint64 tookMs)
{
    return int(std::clamp<qint64>(tookMs * kBusyFactor, kMinIntervalMs, kMaxIntervalMs));
}

PromptUsageFlusher::PromptUsageFlusher(ServerConfig config, ChangeFeed *changes, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_changes(changes)
{
    m_thread.setObjectName(QStringLiteral("usage-flush"));
}

PromptUsageFlusher::~PromptUsageFlusher()
{
    if (!m_context)
        return;
    // The last flush, on the thread that owns the connection.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            flush();
            m_db.reset();
            // A timer is stopped on the thread it runs on.
            delete m_timer;
            m_timer = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

shared::VoidResult PromptUsageFlusher::start()
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    shared::VoidResult started = shared::VoidResult::success();
    QMetaObject::invokeMethod(
        m_context,
        [this, &started] {
            lowerPriority();
            auto db = ServerDatabase::open(m_config);
            if (!db) {
                started = db.error();
                return;
            }
            m_db = std::move(db.value());
            if (shared::VoidResult mapped = m_db->mapForReading(kMappedBytes); !mapped)
                qCWarning(lcServer) << "the usage flush reads without a memory map:" << mapped.error().message;
            m_timer = new QTimer(m_context);
            m_timer->setSingleShot(true);
            QObject::connect(m_timer, &QTimer::timeout, m_context, [this] {
                QElapsedTimer took;
                took.start();
                flush();
                m_timer->start(nextIntervalMs(took.elapsed()));
            });
            m_timer->start(kMinIntervalMs);
        },
        Qt::BlockingQueuedConnection);
    return started;
}

void PromptUsageFlusher::flush()
{
    if (!m_db)
        return;
    static JobMetrics metrics("usage_flush");
    qint64 lastSeq = 0;
    if (shared::VoidResult r = PromptFetchUsage::instance().flush(*m_db, lastSeq); !r) {
        metrics.failed();
        qCWarning(lcServer) << "cannot record programs' fetches yet:" << r.error().message;
    } else {
        metrics.succeeded();
    }
    if (lastSeq > 0 && m_changes)
        m_changes->publish(lastSeq);
}

} // namespace quire::server
