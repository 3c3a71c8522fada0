// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/workspace.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"

namespace quire::desktop {

Workspace::Workspace(std::unique_ptr<Profile> profile, std::unique_ptr<Replica> replica)
    : m_profile(std::move(profile))
    , m_replica(std::move(replica))
    , m_api(new ApiClient(this))
    , m_monitor(new ConnectionMonitor(*m_api, this))
    , m_credentials(std::make_unique<CredentialStore>(m_profile->directory()))
    , m_session(new AuthSession(*m_api, *m_profile, *m_credentials, this))
{
    m_api->setServer(m_profile->serverUrl(), m_profile->pinnedFingerprint());
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

} // namespace quire::desktop
