// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/runsource.h"

#include "server/collections/contentwriter.h"
#include "server/servercontext.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/promptnames.h"
#include "shared/strictjson.h"

#include <QRegularExpression>

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

// Fills the {{name}} placeholders of `text` from `variables`; every missing
// one is named in `errors` (field "variables.<name>").
// Interim: until shared/prompttemplate (the templates lane) is merged, only
// plain {{name}} placeholders are understood.
QString renderText(const QString &text, const nlohmann::json &variables, shared::FieldErrors &errors)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1);
        const std::string key = name.toStdString();
        const auto value = variables.is_object() ? variables.find(key) : variables.end();
        if (value == variables.end()) {
            errors.add(QStringLiteral("variables.") + name, QStringLiteral("The variable %1 has no value.").arg(name));
            continue;
        }
        out += value->is_string() ? shared::textOf(variables, key.c_str()) : QString::fromStdString(value->dump());
    }
    return out + text.mid(last);
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

VoidResult RunSource::resolve(const QString &promptId, const Choice &choice)
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
    if (!*versionId) {
        m_content = (*prompt)->values;
        m_versionId.clear();
        return VoidResult::success();
    }
    Result<std::optional<StoredRow>> version = rows.load(kVersions, **versionId);
    if (!version)
        return version.error();
    if (!*version)
        return notFound(QStringLiteral("This version of the prompt is not yours to run."));
    m_content = (*version)->values;
    m_versionId = **versionId;
    return VoidResult::success();
}

Result<shared::ChatRequest> RunSource::render(const nlohmann::json &variables) const
{
    shared::ChatRequest request;
    readSettings(m_content, request);
    shared::FieldErrors errors;
    const QString kind = shared::textOf(m_content, "kind");
    if (shared::kPromptKinds.fromName(kind) == shared::PromptKind::Chat) {
        Result<nlohmann::json> messages = shared::StrictJson::parse(shared::textOf(m_content, "messages").toUtf8());
        if (!messages || !messages->is_array())
            return Error::make(ErrorCode::ValidationFailed, QStringLiteral("The prompt's messages are not a list."));
        for (const nlohmann::json &m : *messages) {
            const QString role = shared::textOf(m, "role");
            if (role.isEmpty())
                return Error::make(ErrorCode::ValidationFailed, QStringLiteral("A message of the prompt has no role."));
            request.messages.append({ role, renderText(shared::textOf(m, "content"), variables, errors) });
        }
    } else {
        request.messages.append(
            { QStringLiteral("user"), renderText(shared::textOf(m_content, "content"), variables, errors) });
    }
    if (!errors.isEmpty())
        return errors.toError();
    return request;
}

} // namespace quire::server
