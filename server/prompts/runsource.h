// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/principal.h"
#include "server/prompts/promptlibrary.h"
#include "shared/chatprovider.h"
#include "shared/prompttemplate.h"
#include "shared/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <utility>

namespace quire::server {

class WorkerServices;

// What one run of a prompt sends: the version asked for (by number or
// label; neither: the latest, or the prompt itself before its first
// version), rendered with the caller's variables into chat messages. The
// version and the includes are found as the render route finds them.
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
    // The rendered request with `values` for its variables; when the
    // template does not render (a missing or invalid variable, a missing
    // include, a cycle), every problem is in `problems` and the error is
    // their validation_failed (shared::toError).
    shared::Result<shared::ChatRequest> render(const QHash<QString, QString> &values,
                                               QList<shared::TemplateProblem> &problems);

    QString versionId() const { return m_versionId; }

private:
    // The content (kind, content, messages, settings) `choice` names of the
    // prompt `promptId`, and the version's id (empty: the prompt's own).
    shared::Result<std::pair<nlohmann::json, QString>> contentOf(const QString &promptId, const Choice &choice);

    PromptLibrary m_library;
    nlohmann::json m_prompt; // the prompt row: its owner and name
    nlohmann::json m_content; // kind, content, messages and model settings
    QString m_versionId; // empty: the prompt's own content, before any version
};

} // namespace quire::server
