// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/prompttemplate.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <nlohmann/json_fwd.hpp>

#include <functional>

namespace quire::shared {

// The text of another prompt, by name and label or version number (empty:
// the latest). Whatever error it answers makes a missing_include problem
// with the resolver's message, or a generic one for not_found.
using IncludeResolver = std::function<Result<QString>(const QString &name, const QString &labelOrVersion)>;

struct RenderOptions
{
    QString name; // the rendered prompt's own name, so that it cannot include itself
    int maxDepth = 10; // includes inside includes; an include deeper than this is include_too_deep
    qsizetype maxLength = 4 * 1024 * 1024; // characters of output; more is too_long
};

// The text, or every problem at once (then no text).
struct TemplateRendering
{
    QString text;
    QList<TemplateProblem> problems;
    bool ok() const { return problems.isEmpty(); }
};

// The variables a fill-in form asks for, across includes, in order of first use.
struct TemplateVariables
{
    QList<TemplateVariable> variables;
    QList<TemplateProblem> problems; // syntax, conflicts and includes; never missing values
};

// One message of a chat prompt.
struct ChatMessage
{
    QString role;
    QString content; // a template
    bool operator==(const ChatMessage &) const = default;
};

struct ChatRendering
{
    QList<ChatMessage> messages;
    QList<TemplateProblem> problems; // each with its messageIndex
    bool ok() const { return problems.isEmpty(); }
};

// Renders prompt templates with their includes, each resolved and parsed
// once per call, and one set of values for the whole tree. Includes are
// checked before anything is filled in: a prompt may not include itself at
// any version, directly or through others (include_cycle names the chain,
// "a > b > a"), nor nest includes deeper than RenderOptions::maxDepth.
class PromptRenderer final
{
public:
    // `resolve` may be empty: then every include is missing.
    static TemplateRendering render(QStringView text, const QHash<QString, QString> &values,
                                    const IncludeResolver &resolve = {}, const RenderOptions &options = {});
    static TemplateVariables variablesOf(QStringView text, const IncludeResolver &resolve = {},
                                         const RenderOptions &options = {});

    // A chat prompt: every message's content is a template; the messages
    // share one set of variables (a variable in two messages is one).
    static ChatRendering renderChat(const QList<ChatMessage> &messages, const QHash<QString, QString> &values,
                                    const IncludeResolver &resolve = {}, const RenderOptions &options = {});
    static TemplateVariables variablesOfChat(const QList<ChatMessage> &messages, const IncludeResolver &resolve = {},
                                             const RenderOptions &options = {});

    // The stored form of a chat: a JSON list of {"role", "content"} (both
    // text; other members are ignored). Anything else is validation_failed.
    static Result<QList<ChatMessage>> chatFromJson(const nlohmann::json &messages);
    static nlohmann::json chatToJson(const QList<ChatMessage> &messages);
};

} // namespace quire::shared
