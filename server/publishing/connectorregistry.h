// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/publishing/connector.h"

#include <QList>

#include <map>
#include <memory>

namespace quire::server {

// Which connector publishes to which kind of platform: one table, keyed by
// shared::PlatformKind, so nothing else ever branches on a kind's name.
// A kind without a row has no connector yet; its deliveries fail with
// no_connector.
class ConnectorRegistry
{
public:
    ConnectorRegistry() = default;
    ConnectorRegistry(ConnectorRegistry &&) = default;
    ConnectorRegistry &operator=(ConnectorRegistry &&) = default;

    // Every connector the server ships: the one table.
    static ConnectorRegistry standard();

    // Adds `connector` under its kind(), replacing any (tests add fakes).
    void add(std::unique_ptr<Connector> connector);
    // The connector of `kind`; null when there is none.
    const Connector *find(shared::PlatformKind kind) const;
    // The kinds whose connector asks the network for engagement.
    QList<shared::PlatformKind> countingKinds() const;

private:
    std::map<shared::PlatformKind, std::unique_ptr<Connector>> m_connectors;
};

} // namespace quire::server
