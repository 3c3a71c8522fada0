// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QObject>

#include <memory>
#include <optional>

namespace quire::desktop {

class ApiClient;
class AuthSession;
class ContentStore;
class LiveChannel;
class MediaLibrary;
class SearchIndexer;
class SyncEngine;
class SyncRecords;
class SyncStore;
class ConnectionMonitor;
class CredentialStore;
class Profile;
class Replica;

// Everything one open profile needs, shared by the GUI and quire-cli: the
// settings, the local replica and the connection to the server.
class Workspace final : public QObject
{
    Q_OBJECT
public:
    static shared::Result<std::unique_ptr<Workspace>> open(const QString &profileDir);
    ~Workspace() override;

    Profile &profile() { return *m_profile; }
    Replica &replica() { return *m_replica; }
    ApiClient &api() { return *m_api; }
    ConnectionMonitor &connection() { return *m_monitor; }
    CredentialStore &credentials() { return *m_credentials; }
    AuthSession &session() { return *m_session; }
    SyncStore &syncStore() { return *m_syncStore; }
    SyncRecords &syncRecords() { return *m_syncRecords; }
    ContentStore &content() { return *m_content; }
    SyncEngine &sync() { return *m_sync; }
    LiveChannel &live() { return *m_live; }
    SearchIndexer &searchIndexer() { return *m_indexer; }
    MediaLibrary &media() { return *m_media; }

    // Turns on automatic sync for an interactive session: after edits, on
    // live notices, on a timer and when the server comes back.
    void startAutomaticSync();
    // The signed-in account, or the last one this profile knew (offline).
    QString accountId() const;

    // Uses `url` from now on, trusting the certificate with `fingerprint`
    // (empty for one a CA vouches for), and remembers both in the profile.
    void useServer(const QUrl &url, const QString &fingerprint);
    // The same for a start or a command that names a server: a given
    // `fingerprint` replaces the pin; without one the pin this profile keeps
    // for that same server stays (a start without the flag must not undo
    // the trust of an earlier one), and another server starts unpinned.
    void useServerKeepingPin(const QUrl &url, const std::optional<QString> &fingerprint);

private:
    Workspace(std::unique_ptr<Profile> profile, std::unique_ptr<Replica> replica);

    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Replica> m_replica;
    ApiClient *m_api;
    ConnectionMonitor *m_monitor;
    std::unique_ptr<CredentialStore> m_credentials;
    AuthSession *m_session;
    std::unique_ptr<SyncStore> m_syncStore;
    std::unique_ptr<SyncRecords> m_syncRecords;
    ContentStore *m_content;
    SyncEngine *m_sync;
    LiveChannel *m_live;
    SearchIndexer *m_indexer;
    MediaLibrary *m_media;
};

} // namespace quire::desktop
