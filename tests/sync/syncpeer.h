// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/syncengine.h"
#include "desktop/core/syncrecords.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "tests/support/serverprocess.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace quire::test {

class ServerProcess;

// The password every sync test account gets.
inline const QString kSyncTestPassword = QStringLiteral("correct horse battery staple");

// A text field of a row as a QString; empty when the row is missing.
QString fieldOf(const std::optional<nlohmann::json> &row, const char *field);

// One desktop replica in a temporary profile, driven through the same core
// the app and quire-cli use: the real Workspace, ContentStore and
// SyncEngine, talking HTTPS to a real quire-server process.
class SyncPeer
{
public:
    explicit SyncPeer(const QString &profileDir);
    ~SyncPeer();

    bool isOpen() const { return m_ws != nullptr; }
    desktop::Workspace &ws() { return *m_ws; }

    void connectTo(const ServerProcess &server);
    // Closes the workspace and opens the same profile again, as quitting
    // and starting the app would: pointed at `server`, signed in again from
    // the stored token.
    void reopen(const ServerProcess &server);
    bool signIn(const QString &email, const QString &password);
    // One sync round, waited for; the state it ended in.
    desktop::SyncEngine::State sync(int timeoutMs = 120'000);

    QString create(const QString &title, const QString &body = QString());
    bool edit(const QString &id, const nlohmann::json &fields);
    bool remove(const QString &id);
    std::optional<nlohmann::json> row(const QString &id);
    qint64 count();
    desktop::SyncStore::Status status();
    QList<desktop::SyncRecords::StoredConflict> conflicts();
    QString lastError() const;

private:
    QString m_profileDir;
    std::unique_ptr<desktop::Workspace> m_ws;
};

// Where most sync tests start: a server with the given accounts (email,
// role; password kSyncTestPassword) and two replicas in temporary profiles,
// A signed in as the first account and B as the last.
struct ReplicaPair
{
    QTemporaryDir dir;
    ServerProcess server;
    std::unique_ptr<SyncPeer> a;
    std::unique_ptr<SyncPeer> b;

    // Empty on success, otherwise what went wrong.
    QString start(const QList<QPair<QString, QString>> &accounts, const QStringList &serverArgs = {});
};

// Accounts are made with the real `quire-server create-user` before start.
bool createUser(const QString &dataDir, const QString &email, const QString &role, const QString &password);

} // namespace quire::test

namespace quire::test {

// Writes `count` guides of about `bodyBytes` each straight into a server's
// database (stopped or running), owned by `ownerEmail`, as if they had been
// synced: for tests and benchmarks of large pulls and searches. Bodies are
// drawn from a vocabulary of 20,000 made-up words (deterministic), so a
// search matches some articles, not all. Returns false on error.
bool seedGuides(const QString &dataDir, const QString &ownerEmail, int count, int bodyBytes, bool published = false);

// The made-up word number `n` of that vocabulary, for queries.
QString seedWord(int n);

} // namespace quire::test
