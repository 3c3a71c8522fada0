// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/runsource.h"

#include "server/collections/contentwriter.h"
#include "server/servercontext.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/promptnames.h"
#include "shared/promptrenderer.h"
#include "shared/strictjson.h"

namespace quire::server {

using shared::Error;
using shared::ErrorCode;
using shared::Result;
using shared::VoidResult;

namespace {

const QString kPrompts = QStringLiteral("prompts");
const QString kVersions = QStringLiteral("prompt_versions");

Error notFound(const QString &message)
{
    return Error::make(ErrorCode::NotFound, message);
}

// The model settings are decimal text in the row; what does not read as a
// sensible number is left for the provider's default.
void readSettings(const nlohmann::json &row, shared::ChatRequest &request)
{
    request.model = shared::textOf(row, "model").trimmed();
    bool ok = false;
    const double temperature = shared::textOf(row, "temperature").toDouble(&ok);
    if (ok && temperature >= 0 && temperature <= 2)
        request.temperature = temperature;
    const qint64 maxTokens = shared::textOf(row, "max_tokens").toLongLong(&ok);
    if (ok && maxTokens > 0)
        request.maxTokens = maxTokens;
}

} // namespace

RunSource::RunSource(WorkerServices &services, const Principal &who)
    : m_services(services)
    , m_who(who)
{ }

Result<std::optional<QString>> RunSource::findVersion(const QString &promptId, const Choice &choice)
{
    shared::Database &db = m_services.database();
    Result<QVariant> found = QVariant();
    if (choice.label) {
        found = db.scalar(QStringLiteral("SELECT version_id FROM prompt_labels "
                                         "WHERE prompt_id = ? AND name = ? AND deleted = 0"),
                          { promptId, *choice.label });
        if (found && (found->isNull() || found->toString().isEmpty()))
            return notFound(QStringLiteral("The prompt has no label %1.").arg(*choice.label));
    } else if (choice.version) {
        found = db.scalar(QStringLiteral("SELECT id FROM prompt_versions "
                                         "WHERE prompt_id = ? AND number = ? AND deleted = 0"),
                          { promptId, QString::number(*choice.version) });
        if (found && found->isNull())
            return notFound(QStringLiteral("The prompt has no version %1.").arg(*choice.version));
    } else {
        // The latest version; none yet: the prompt's own content.
        found = db.scalar(QStringLiteral("SELECT id FROM prompt_versions WHERE prompt_id = ? AND deleted = 0 "
                                         "ORDER BY CAST(number AS INTEGER) DESC LIMIT 1"),
                          { promptId });
    }
    if (!found)
        return found.error();
    if (found->isNull())
        return std::optional<QString>();
    return std::optional<QString>(found->toString());
}

Result<std::pair<nlohmann::json, QString>> RunSource::contentOf(const QString &promptId, const Choice &choice)
{
    ContentWriter rows(m_services, m_who);
    Result<std::optional<StoredRow>> prompt = rows.load(kPrompts, promptId);
    if (!prompt)
        return prompt.error();
    if (!*prompt)
        return notFound(QStringLiteral("No prompt with this id, or not yours to run."));
    Result<std::optional<QString>> versionId = findVersion(promptId, choice);
    if (!versionId)
        return versionId.error();
    if (!*versionId)
        return std::pair((*prompt)->values, QString());
    Result<std::optional<StoredRow>> version = rows.load(kVersions, **versionId);
    if (!version)
        return version.error();
    if (!*version)
        return notFound(QStringLiteral("This version of the prompt is not yours to run."));
    return std::pair((*version)->values, **versionId);
}

VoidResult RunSource::resolve(const QString &promptId, const Choice &choice)
{
    Result<std::pair<nlohmann::json, QString>> content = contentOf(promptId, choice);
    if (!content)
        return content.error();
    std::tie(m_content, m_versionId) = *content;
    Result<std::optional<StoredRow>> prompt = ContentWriter(m_services, m_who).load(kPrompts, promptId);
    m_name = prompt && *prompt ? shared::textOf((**prompt).values, "name") : QString();
    return VoidResult::success();
}

Result<QString> RunSource::includeText(const QString &name, const QString &ref)
{
    // Names are unique per owner: an include names one of the caller's prompts.
    Result<QVariant> id = m_services.database().scalar(
        QStringLiteral("SELECT id FROM prompts WHERE owner_id = ? AND name = ? AND deleted = 0"),
        { m_who.userId, name });
    if (!id)
        return id.error();
    if (id->isNull())
        return notFound(QStringLiteral("No prompt named %1.").arg(name));
    Choice choice;
    bool isNumber = false;
    if (const qint64 number = ref.toLongLong(&isNumber); isNumber)
        choice.version = number;
    else if (!ref.isEmpty())
        choice.label = ref;
    Result<std::pair<nlohmann::json, QString>> content = contentOf(id->toString(), choice);
    if (!content)
        return content.error();
    return shared::textOf(content->first, "content");
}

Result<shared::ChatRequest> RunSource::render(const QHash<QString, QString> &values,
                                              QList<shared::TemplateProblem> &problems)
{
    shared::ChatRequest request;
    readSettings(m_content, request);
    const shared::IncludeResolver resolve
        = [this](const QString &name, const QString &ref) { return includeText(name, ref); };
    shared::RenderOptions options;
    options.name = m_name;
    if (shared::kPromptKinds.fromName(shared::textOf(m_content, "kind")) == shared::PromptKind::Chat) {
        Result<nlohmann::json> json = shared::StrictJson::parse(shared::textOf(m_content, "messages").toUtf8());
        if (!json)
            return Error::make(ErrorCode::ValidationFailed, QStringLiteral("The prompt's messages are not JSON."));
        Result<QList<shared::ChatMessage>> messages = shared::PromptRenderer::chatFromJson(*json);
        if (!messages)
            return messages.error();
        shared::ChatRendering rendered = shared::PromptRenderer::renderChat(*messages, values, resolve, options);
        problems = rendered.problems;
        request.messages = rendered.messages;
    } else {
        shared::TemplateRendering rendered
            = shared::PromptRenderer::render(shared::textOf(m_content, "content"), values, resolve, options);
        problems = rendered.problems;
        request.messages.append({ QStringLiteral("user"), rendered.text });
    }
    if (!problems.isEmpty())
        return shared::toError(problems);
    return request;
}

} // namespace quire::server
