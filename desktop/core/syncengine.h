// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/syncprotocol.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QTimer;

namespace quire::desktop {

class AuthSession;
class Profile;
class Replica;
class SyncStore;
struct ApiReply;

// Runs sync rounds for one replica: push the outbox in batches, then pull
// until the cursor is current, then push again if edits arrived meanwhile.
// A round starts after local edits (debounced), on a live notice, on a
// timer, when the connection returns, or on "Sync now"; only one runs at a
// time, and a request during a round runs another one after it. Failures
// to reach the server retry with exponential backoff and jitter; nothing
// local is ever discarded on failure.
class SyncEngine final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle, // in step with the server as of the last round
        Syncing,
        Offline, // the server cannot be reached; retrying
        SignedOut, // needs a sign-in; local work is kept
        NeedsConfirmation, // a pull would remove most of the replica
        Outdated, // the server needs a newer Quire
        Failed, // something else; see lastError()
    };
    Q_ENUM(State)

    SyncEngine(Replica &replica, SyncStore &store, AuthSession &session, Profile &profile, QObject *parent = nullptr);
    ~SyncEngine() override;

    State state() const { return m_state; }
    std::optional<shared::Error> lastError() const { return m_lastError; }

    // Starts the automatic triggers (timer, debounce). quire-cli does not.
    void startAutomatic();
    void syncNow();
    // Runs before each round's push and calls its argument when done (the
    // media library uploads new images there, so no article reaches the
    // server before the images it shows).
    void setBeforePush(std::function<void(std::function<void()>)> hook) { m_beforePush = std::move(hook); }
    // Sync after a short pause, so a burst of edits makes one round.
    void scheduleSoon();
    // The user agreed that the pending pull may remove what it removes.
    void confirmMassRemoval();
    // While a live channel is connected, the timer runs rarely.
    void setLiveConnected(bool connected);

    static QString stateText(State state);

    // Rows per pull request: the most the server gives, so a large first
    // pull makes as few round trips and replica commits as it can, while a
    // page (its body, parsed, and the one written meanwhile) stays a few MiB.
    static constexpr int kPullPageSize = shared::SyncProtocol::kMaxPullLimit;

Q_SIGNALS:
    void stateChanged(quire::desktop::SyncEngine::State state);
    void roundFinished(bool ok);
    // Counts changed (pending, conflicts, rejected, last sync).
    void statusChanged();
    void massRemovalPending(qint64 removing, qint64 total);

private:
    void push();
    // Pulls from the stored cursor, or from `cursor` when the previous page
    // named it (the next page is fetched while this one is applied).
    void pull(int resyncs, const std::optional<QString> &cursor = std::nullopt);
    void applyPage(ApiReply reply, int resyncs, quint64 round);
    static shared::Result<shared::SyncProtocol::PullResponse> readPage(const ApiReply &reply);
    void writePage(const shared::SyncProtocol::PullResponse &page, quint64 round);
    void finish(State state, std::optional<shared::Error> error = std::nullopt);
    void failFromReply(const ApiReply &reply);
    void setState(State state);
    void scheduleRetry();

    Replica &m_replica;
    SyncStore &m_store;
    AuthSession &m_session;
    Profile &m_profile;
    State m_state = State::Idle;
    std::optional<shared::Error> m_lastError;
    bool m_running = false;
    bool m_again = false;
    bool m_allowMassRemoval = false;
    bool m_liveConnected = false;
    int m_failures = 0;
    int m_emptyPushes = 0;
    quint64 m_round = 0; // answers from an earlier, ended round are dropped
    QTimer *m_debounce = nullptr;
    QTimer *m_poll = nullptr;
    QTimer *m_retry = nullptr;
    std::function<void(std::function<void()>)> m_beforePush;
};

} // namespace quire::desktop
