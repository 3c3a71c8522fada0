// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "shared/chatprovider.h"
#include "shared/result.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::server {

class WorkerServices;

// What one run of a prompt sends: the version asked for (by number or
// label; neither: the latest, or the prompt itself before its first
// version), rendered with the caller's variables into chat messages.
class RunSource
{
public:
    struct Choice
    {
        std::optional<qint64> version;
        std::optional<QString> label;
    };

    RunSource(WorkerServices &services, const Principal &who);

    // Finds the prompt `promptId` (404 when the caller may not read it) and
    // the content `choice` names; then versionId() says which version it was.
    shared::VoidResult resolve(const QString &promptId, const Choice &choice);
    // The rendered request; a render error (a missing or invalid variable)
    // is 422 and names the variables.
    shared::Result<shared::ChatRequest> render(const nlohmann::json &variables) const;

    QString versionId() const { return m_versionId; }

private:
    shared::Result<std::optional<QString>> findVersion(const QString &promptId, const Choice &choice);

    WorkerServices &m_services;
    const Principal &m_who;
    nlohmann::json m_content; // kind, content, messages and model settings
    QString m_versionId; // empty: the prompt's own content, before any version
};

} // namespace quire::server
