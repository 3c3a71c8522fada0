// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/syncengine.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/corelogging.h"
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/tr.h"
#include "shared/clock.h"
#include "shared/protocol.h"
#include "shared/pullpagereader.h"
#include "shared/timestamp.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

namespace quire::desktop {

using shared::Error;
using shared::Result;
using shared::VoidResult;
using namespace shared::SyncProtocol;

namespace {

constexpr int kDebounceMs = 800;
constexpr int kPollMs = 30'000;
constexpr int kPollWithLiveMs = 300'000;
constexpr int kMaxBackoffMs = 300'000;

} // namespace

SyncEngine::SyncEngine(Replica &replica, SyncStore &store, AuthSession &session, Profile &profile, QObject *parent)
    : QObject(parent)
    , m_replica(replica)
    , m_store(store)
    , m_session(session)
    , m_profile(profile)
{
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_poll = new QTimer(this);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);
}

SyncEngine::~SyncEngine() = default;

QString SyncEngine::stateText(State state)
{
    switch (state) {
    case State::Idle:
        return Tr::tr("Up to date");
    case State::Syncing:
        return Tr::tr("Syncing…");
    case State::Offline:
        return Tr::tr("Offline: changes are kept and sent later");
    case State::SignedOut:
        return Tr::tr("Signed out: sign in to sync");
    case State::NeedsConfirmation:
        return Tr::tr("Waiting for your confirmation");
    case State::Outdated:
        return Tr::tr("Update Quire to sync with this server");
    case State::Failed:
        return Tr::tr("Sync failed");
    }
    return {};
}

void SyncEngine::startAutomatic()
{
    m_poll->start();
}

void SyncEngine::scheduleSoon()
{
    Q_EMIT statusChanged();
    m_debounce->start();
}

void SyncEngine::setLiveConnected(bool connected)
{
    m_liveConnected = connected;
    m_poll->setInterval(connected ? kPollWithLiveMs : kPollMs);
}

void SyncEngine::confirmMassRemoval()
{
    m_allowMassRemoval = true;
    syncNow();
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncEngine::syncNow()
{
    if (m_running) {
        m_again = true; // whatever asked for this is covered by one more round
        return;
    }
    m_debounce->stop();
    m_retry->stop();
    if (!m_session.isSignedIn()) {
        finish(State::SignedOut);
        return;
    }
    // A replica belongs to one account: another account's edits must never
    // be pushed under this one.
    Result<QString> owner = m_replica.meta(QStringLiteral("user_id"));
    if (!owner) {
        finish(State::Failed, owner.error());
        return;
    }
    if (owner->isEmpty()) {
        if (VoidResult r = m_replica.setMeta(QStringLiteral("user_id"), m_session.userId()); !r) {
            finish(State::Failed, r.error());
            return;
        }
    } else if (*owner != m_session.userId()) {
        finish(State::Failed,
               Error::make(shared::ErrorCode::ProfileOfAnotherUser,
                           Tr::tr("This profile holds the data of another account. Sign in as that "
                                  "account, or use another profile (--profile).")));
        return;
    }
    m_running = true;
    m_again = false;
    m_emptyPushes = 0;
    m_lastError.reset();
    setState(State::Syncing);
    if (m_beforePush) {
        QPointer<SyncEngine> self(this);
        m_beforePush([self] {
            if (self)
                self->push();
        });
        return;
    }
    push();
}

void SyncEngine::push()
{
    Result<PushRequest> batch = m_store.nextBatch(m_profile.clientId());
    if (!batch) {
        finish(State::Failed, batch.error());
        return;
    }
    if (batch->mutations.isEmpty()) {
        pull(0);
        return;
    }
    qCInfo(lcSync) << "pushing" << batch->mutations.size() << "changes from" << batch->mutations.first().id;
    const qint64 first = batch->mutations.first().id;
    m_session.call(QStringLiteral("POST"), QStringLiteral("/api/v1/sync/push"), batch->toJson(),
                   [this, first](const ApiReply &reply) {
                       if (!reply.ok()) {
                           failFromReply(reply);
                           return;
                       }
                       Result<PushResponse> response = PushResponse::fromJson(reply.json);
                       if (!response) {
                           finish(State::Failed, response.error());
                           return;
                       }
                       if (VoidResult r = m_store.applyPushResponse(*response); !r) {
                           finish(State::Failed, r.error());
                           return;
                       }
                       Q_EMIT statusChanged();
                       if (response->results.isEmpty()) {
                           // The server expects another number than we hold:
                           // it lost history we cannot send again.
                           if (++m_emptyPushes > 2 || response->expected < first) {
                               finish(State::Failed,
                                      Error::make(shared::ErrorCode::OutOfStep,
                                                  Tr::tr("The server expects change %1, but this replica's next "
                                                         "change is %2. Your changes are kept; ask the administrator.")
                                                      .arg(response->expected)
                                                      .arg(first)));
                               return;
                           }
                       }
                       push(); // more queued, or edits made while this batch was out
                   });
}

void SyncEngine::pull(int resyncs, const std::optional<QString> &cursor)
{
    QString from;
    if (cursor) {
        from = *cursor;
    } else {
        Result<QString> stored = m_store.cursor();
        if (!stored) {
            finish(State::Failed, stored.error());
            return;
        }
        from = *stored;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("cursor"), from);
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPullPageSize));
    query.addQueryItem(QStringLiteral("schema_version"), QString::number(shared::Protocol::kSchemaVersion));
    const QString path = QStringLiteral("/api/v1/sync/pull?") + query.toString(QUrl::FullyEncoded);
    const quint64 round = m_round;
    m_session.call(
        QStringLiteral("GET"), path, std::nullopt,
        [this, resyncs, round](ApiReply reply) { applyPage(std::move(reply), resyncs, round); },
        ApiClient::BodyReading::Raw);
}

void SyncEngine::applyPage(ApiReply reply, int resyncs, quint64 round)
{
    if (round != m_round || !m_running)
        return; // a prefetched page of a round that has ended
    if (reply.status == 409 && reply.error && reply.error->is(shared::ErrorCode::ResyncRequired) && resyncs < 2) {
        qCInfo(lcSync) << "server asks for a full resync:" << reply.error->message;
        if (VoidResult r = m_store.beginResync(); !r) {
            finish(State::Failed, r.error());
            return;
        }
        pull(resyncs + 1);
        return;
    }
    if (!reply.ok()) {
        failFromReply(reply);
        return;
    }
    Result<PullResponse> page = readPage(reply);
    if (!page) {
        finish(State::Failed, page.error());
        return;
    }
    if (!page->hasMore) {
        writePage(*page, round);
        return;
    }
    // Ask for the next page now and write this one once the request is on
    // its way (Qt sends it from the event loop), so the server prepares the
    // next page while this one is written. Pages are still written in order:
    // the next answer is queued behind this write.
    pull(resyncs, page->cursor);
    QMetaObject::invokeMethod(
        this, [this, round, page = std::move(page.value())] { writePage(page, round); }, Qt::QueuedConnection);
}

Result<PullResponse> SyncEngine::readPage(const ApiReply &reply)
{
    // The body was left raw (a page holds thousands of rows): read it
    // straight into the page, refusing what ApiClient would have refused.
    if (reply.body.isEmpty())
        return PullResponse::fromJson(nlohmann::json());
    Result<PullResponse> page = shared::PullPageReader::read(reply.body);
    if (page || !page.error().is(shared::ErrorCode::InvalidJson))
        return page;
    if (reply.jsonDeclared)
        return ApiClient::unreadableAnswer(page.error());
    // Not JSON and not said to be: read as the empty answer it was taken for.
    return PullResponse::fromJson(nlohmann::json());
}

void SyncEngine::writePage(const PullResponse &page, quint64 round)
{
    if (round != m_round || !m_running)
        return;
    qint64 removing = 0;
    qint64 total = 0;
    Result<SyncStore::PageResult> applied = m_store.applyPullPage(page, m_allowMassRemoval, removing, total);
    if (!applied) {
        finish(State::Failed, applied.error());
        return;
    }
    if (*applied == SyncStore::PageResult::NeedsConfirmation) {
        Q_EMIT massRemovalPending(removing, total);
        finish(State::NeedsConfirmation,
               Error::make(shared::ErrorCode::ConfirmRemoval,
                           Tr::tr("The server's changes would remove %1 of the %2 items here. Nothing was removed "
                                  "yet; confirm to go on.")
                               .arg(removing)
                               .arg(total)));
        return;
    }
    Q_EMIT statusChanged();
    if (page.hasMore)
        return; // the next page is on its way
    m_allowMassRemoval = false;
    Result<SyncStore::Status> status = m_store.status();
    if (status && status->pending > 0) {
        push(); // edits made during the round go now
        return;
    }
    finish(State::Idle);
}

void SyncEngine::failFromReply(const ApiReply &reply)
{
    const Error error
        = reply.error.value_or(Error::make(shared::ErrorCode::Unknown, Tr::tr("The server gave no answer.")));
    if (reply.status == 0 || reply.status == 503 || reply.status == 502 || reply.status == 504)
        finish(State::Offline, error);
    else if (reply.status == 401)
        // Even a refresh was refused: the server has no such sign-in (any
        // more). Say why in words; nothing local is touched.
        finish(State::SignedOut,
               Error::make(shared::ErrorCode::SessionUnknown,
                           Tr::tr("The server does not know this sign-in any more: it was ended, or the server was "
                                  "restored from a backup. Sign in again to sync; all your work here is kept and "
                                  "sent then.")));
    else if (reply.status == 426)
        finish(State::Outdated, error);
    else
        finish(State::Failed, error);
}

void SyncEngine::finish(State state, std::optional<Error> error)
{
    const bool wasRunning = m_running;
    m_running = false;
    ++m_round;
    m_lastError = error;
    if (state == State::Idle) {
        m_failures = 0;
        if (VoidResult r = m_store.setLastSync(shared::Timestamp::format(shared::Clock::instance().now())); !r)
            qCWarning(lcSync) << "cannot record the sync time:" << r.error().message;
    } else if (error) {
        qCInfo(lcSync) << "sync round ended:" << error->code << error->message;
    }
    setState(state);
    Q_EMIT statusChanged();
    if (state == State::Offline
        || (state == State::Failed && error && !error->is(shared::ErrorCode::ProfileOfAnotherUser)))
        scheduleRetry();
    if (wasRunning)
        Q_EMIT roundFinished(state == State::Idle);
    else
        Q_EMIT roundFinished(false);
    if (m_again && state == State::Idle)
        QTimer::singleShot(0, this, &SyncEngine::syncNow);
}

void SyncEngine::scheduleRetry()
{
    // Exponential backoff with jitter, so many clients of a server that
    // comes back do not all return in the same second.
    ++m_failures;
    const int base = std::min(kMaxBackoffMs, 1000 << std::min(m_failures, 9));
    const int jitter = int(QRandomGenerator::global()->bounded(base / 2 + 1));
    m_retry->start(base / 2 + jitter);
}

} // namespace quire::desktop
