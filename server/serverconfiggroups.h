// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/serverconfig.h"
#include "shared/result.h"

#include <QMap>
#include <QString>

#include <optional>

namespace quire::server {

// The settings of ServerConfigLoader::build that read several options or check more than one thing. Each reads the
// merged `flag -> value` map into `c` and answers the usage error of a bad value, or nothing.
class ServerConfigGroups
{
public:
    // The instance's name: given (letters, digits, '.', '_', '-': it goes into
    // headers and log lines as it is), or this host's name and our pid.
    static std::optional<shared::Error> instanceName(const QMap<QString, QString> &v, ServerConfig &c);
    // The chat provider's settings: a URL that may carry a key (https, or http
    // to loopback), a default model, and the key from the option or its file.
    static std::optional<shared::Error> provider(const QMap<QString, QString> &v, ServerConfig &c);
    // --metrics-listen HOST:PORT ([v6]:PORT for IPv6); port 0 picks a free one.
    static std::optional<shared::Error> metricsListen(const QMap<QString, QString> &v, ServerConfig &c);
};

} // namespace quire::server
