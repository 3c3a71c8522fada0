// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/runsource.h"

#include "server/servercontext.h"
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
    : m_library(services, who)
{ }

Result<std::pair<nlohmann::json, QString>> RunSource::contentOf(const QString &promptId, const Choice &choice)
{
    Result<std::optional<StoredRow>> prompt = m_library.prompt(promptId);
    if (!prompt)
        return prompt.error();
    if (!*prompt)
        return notFound(QStringLiteral("No prompt with this id, or not yours to run."));
    // The version as render chooses it (PromptLibrary::versionAt).
    const QString ref = choice.label ? *choice.label : (choice.version ? QString::number(*choice.version) : QString());
    Result<std::optional<StoredRow>> version = m_library.versionAt(promptId, ref);
    if (!version)
        return version.error();
    m_prompt = (*prompt)->values;
    if (*version)
        return std::pair((*version)->values, QString::fromStdString((*version)->values.value("id", std::string())));
    if (choice.label)
        return notFound(QStringLiteral("The prompt has no label %1.").arg(*choice.label));
    if (choice.version)
        return notFound(QStringLiteral("The prompt has no version %1.").arg(*choice.version));
    return std::pair((*prompt)->values, QString()); // no version yet: the prompt's own content
}

VoidResult RunSource::resolve(const QString &promptId, const Choice &choice)
{
    Result<std::pair<nlohmann::json, QString>> content = contentOf(promptId, choice);
    if (!content)
        return content.error();
    std::tie(m_content, m_versionId) = *content;
    return VoidResult::success();
}

Result<shared::ChatRequest> RunSource::render(const QHash<QString, QString> &values,
                                              QList<shared::TemplateProblem> &problems)
{
    shared::ChatRequest request;
    readSettings(m_content, request);
    // Includes as render resolves them (PromptLibrary::includeResolver).
    const shared::IncludeResolver resolve = m_library.includeResolver(shared::textOf(m_prompt, "owner_id"));
    shared::RenderOptions options;
    options.name = shared::textOf(m_prompt, "name");
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
