// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/connectorregistry.h"

#include "server/publishing/blueskyconnector.h"
#include "server/publishing/mastodonconnector.h"
#include "server/publishing/webhookconnector.h"

namespace quire::server {

ConnectorRegistry ConnectorRegistry::standard()
{
    ConnectorRegistry registry;
    registry.add(std::make_unique<WebhookConnector>());
    registry.add(std::make_unique<MastodonConnector>());
    registry.add(std::make_unique<BlueskyConnector>());
    return registry;
}

void ConnectorRegistry::add(std::unique_ptr<Connector> connector)
{
    const shared::PlatformKind kind = connector->kind();
    m_connectors[kind] = std::move(connector);
}

const Connector *ConnectorRegistry::find(shared::PlatformKind kind) const
{
    const auto it = m_connectors.find(kind);
    return it == m_connectors.end() ? nullptr : it->second.get();
}

QList<shared::PlatformKind> ConnectorRegistry::countingKinds() const
{
    QList<shared::PlatformKind> kinds;
    for (const auto &[kind, connector] : m_connectors) {
        if (connector->countsEngagement())
            kinds << kind;
    }
    return kinds;
}

} // namespace quire::server
