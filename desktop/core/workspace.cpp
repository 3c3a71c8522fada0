// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/workspace.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/livechannel.h"
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"
#include "desktop/core/searchindexer.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/syncrecords.h"
#include "desktop/core/syncstore.h"
#include "desktop/media/core/medialibrary.h"

namespace quire::desktop {

Workspace::Workspace(std::unique_ptr<Profile> profile, std::unique_ptr<Replica> replica)
    : m_profile(std::move(profile))
    , m_replica(std::move(replica))
    , m_api(new ApiClient(this))
    , m_monitor(new ConnectionMonitor(*m_api, this))
    , m_credentials(std::make_unique<CredentialStore>(m_profile->directory()))
    , m_session(new AuthSession(*m_api, *m_profile, *m_credentials, this))
    , m_syncStore(std::make_unique<SyncStore>(*m_replica))
    , m_syncRecords(std::make_unique<SyncRecords>(m_replica->database()))
    , m_content(new ContentStore(*m_replica, *m_syncStore, this))
    , m_sync(new SyncEngine(*m_replica, *m_syncStore, *m_session, *m_profile, this))
    , m_live(new LiveChannel(*m_api, *m_session, this))
    , m_indexer(new SearchIndexer(m_replica->database(), this))
    , m_media(new MediaLibrary(*m_replica, *m_session, m_profile->directory(), this))
{
    m_api->setServer(m_profile->serverUrl(), m_profile->pinnedFingerprint());
    // Kept in the profile, so the preview has the site's name offline too.
    connect(m_monitor, &ConnectionMonitor::siteNameChanged, this,
            [this](const QString &name) { m_profile->setSiteName(name); });
    connect(m_monitor, &ConnectionMonitor::publicUrlChanged, this,
            [this](const QUrl &url) { m_profile->setPublicUrl(url); });
    MediaLibrary *media = m_media;
    m_sync->setBeforePush([media](std::function<void()> next) { media->uploadPending(std::move(next)); });
}

QString Workspace::accountId() const
{
    const QString signedIn = m_session->userId();
    if (!signedIn.isEmpty())
        return signedIn;
    return m_profile->account().id;
}

void Workspace::startAutomaticSync()
{
    // After each round the search index catches up in the background.
    connect(m_sync, &SyncEngine::roundFinished, m_indexer, &SearchIndexer::start);
    connect(m_content, &ContentStore::changed, m_sync, &SyncEngine::scheduleSoon);
    connect(m_live, &LiveChannel::changesAvailable, m_sync, &SyncEngine::syncNow);
    connect(m_live, &LiveChannel::connectedChanged, m_sync, &SyncEngine::setLiveConnected);
    connect(m_live, &LiveChannel::connectedChanged, m_sync, [this](bool connected) {
        if (connected)
            m_sync->syncNow(); // whatever happened while we were away
    });
    connect(m_session, &AuthSession::signedInChanged, this, [this](bool signedIn) {
        if (signedIn) {
            m_live->start();
            m_sync->syncNow();
        } else {
            m_live->stop();
        }
    });
    connect(m_monitor, &ConnectionMonitor::stateChanged, m_sync, [this](ConnectionMonitor::State state) {
        if (state != ConnectionMonitor::State::Online)
            return;
        // Started while the server was away, the stored session could not
        // be resumed then: now it can (signing in starts a round itself).
        if (!m_session->isSignedIn() && m_session->hasStoredSession())
            m_session->restore([](const ApiReply &) {});
        else
            m_sync->syncNow();
    });
    m_sync->startAutomatic();
    if (m_session->isSignedIn()) {
        m_live->start();
        m_sync->syncNow();
    }
}

Workspace::~Workspace() = default;

shared::Result<std::unique_ptr<Workspace>> Workspace::open(const QString &profileDir)
{
    auto profile = Profile::open(profileDir);
    if (!profile)
        return profile.error();
    auto replica = Replica::open((*profile)->replicaPath());
    if (!replica)
        return replica.error();
    return std::unique_ptr<Workspace>(new Workspace(std::move(profile.value()), std::move(replica.value())));
}

void Workspace::useServer(const QUrl &url, const QString &fingerprint)
{
    m_profile->setServer(url, fingerprint);
    m_api->setServer(url, fingerprint);
    m_monitor->start();
}

void Workspace::useServerKeepingPin(const QUrl &url, const std::optional<QString> &fingerprint)
{
    useServer(url, fingerprint ? *fingerprint : m_profile->pinFor(url));
}

} // namespace quire::desktop
