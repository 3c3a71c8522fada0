// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/promptrenderer.h"

#include "shared/jsonqt.h"
#include "shared/tr.h"

#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <memory>

namespace quire::shared {
namespace {

QString quoted(QStringView s)
{
    return QStringLiteral("“%1”").arg(s);
}

QString chainText(const QStringList &chain)
{
    QStringList shown;
    for (const QString &name : chain) {
        if (!name.isEmpty()) // an unnamed prompt (a draft) starts the chain
            shown << name;
    }
    return shown.join(QStringLiteral(" > "));
}

// One included prompt (name@ref), resolved and walked once per call.
struct Node
{
    std::optional<PromptTemplate> parsed; // nullopt: missing or broken (already reported)
    bool walked = false;
    int height = 0; // levels of includes at and below it (1: includes nothing)
    QStringList deepest; // its longest chain of includes, itself first
    std::optional<QString> text; // rendered, once
};

// One call: the roots (a text, or each message of a chat), the includes
// they reach, the variables they share and what is wrong.
class Session
{
public:
    Session(const IncludeResolver &resolve, const RenderOptions &options)
        : m_resolve(resolve)
        , m_options(options)
    { }

    // Reads a root and everything it includes; nullopt if its own text is broken.
    std::optional<PromptTemplate> addRoot(QStringView text, int messageIndex)
    {
        m_messageIndex = messageIndex;
        QList<TemplateProblem> problems;
        PromptTemplate parsed = PromptTemplate::parse(text, problems);
        for (const TemplateProblem &problem : problems)
            report(problem);
        if (!problems.isEmpty())
            return std::nullopt;
        QStringList chain { m_options.name };
        walk(parsed, QString(), chain);
        return parsed;
    }

    // Every variable without a value or default, every invalid value.
    void checkValues(const QHash<QString, QString> &values)
    {
        for (qsizetype i = 0; i < m_variables.size(); ++i) {
            const TemplateVariable &variable = m_variables[i];
            m_messageIndex = m_variableMessage[i];
            const auto value = values.constFind(variable.name);
            if (value != values.cend()) {
                if (auto problem = PromptTemplate::checkValue(variable, *value))
                    report(*problem);
            } else if (!variable.defaultValue) {
                report({ TemplateProblemCode::MissingVariable, variable.name,
                         Tr::tr("%1 has no value and no default.").arg(quoted(variable.name)), variable.position,
                         variable.prompt });
            }
        }
    }

    // Only when nothing was reported: every include is there and within bounds.
    std::optional<QString> fill(const PromptTemplate &root, const QHash<QString, QString> &values, int messageIndex)
    {
        m_messageIndex = messageIndex;
        QString out;
        if (!fillInto(root, values, out, 0))
            return std::nullopt;
        return out;
    }

    const QList<TemplateVariable> &variables() const { return m_variables; }
    const QList<TemplateProblem> &problems() const { return m_problems; }

private:
    void report(TemplateProblem problem)
    {
        if (problem.messageIndex < 0)
            problem.messageIndex = m_messageIndex;
        // One include missing in three places, or a cycle met twice, is one problem.
        QString key = problem.codeName() + QChar(0) + problem.subject;
        if (problem.code == TemplateProblemCode::Syntax)
            key += QChar(0) + problem.prompt + QChar(0) + QString::number(problem.position.offset);
        if (m_reported.contains(key))
            return;
        m_reported.insert(key);
        m_problems.append(problem);
    }

    void join(TemplateVariable use)
    {
        const auto known = m_variableIndex.constFind(use.name);
        if (known == m_variableIndex.cend()) {
            m_variableIndex.insert(use.name, int(m_variables.size()));
            m_variables.append(use);
            m_variableMessage.append(m_messageIndex);
        } else if (auto problem = PromptTemplate::merge(m_variables[*known], use)) {
            report(*problem);
        }
    }

    // The variables and includes of `t` (met in `prompt`) in reading
    // order, so a form asks in the order the text does; its height.
    std::pair<int, QStringList> walk(const PromptTemplate &t, const QString &prompt, QStringList &chain)
    {
        std::pair<int, QStringList> highest { 0, {} };
        QSet<int> joined;
        for (const PromptTemplate::Part &part : t.parts()) {
            if (part.kind == PromptTemplate::Part::Kind::Variable && !joined.contains(part.index)) {
                joined.insert(part.index);
                TemplateVariable use = t.variables().at(part.index);
                use.prompt = prompt;
                join(use);
            } else if (part.kind == PromptTemplate::Part::Kind::Include) {
                const auto [height, deepest] = visit(t.includes().at(part.index), prompt, chain);
                if (height > highest.first)
                    highest = { height, deepest };
            }
        }
        return highest;
    }

    std::pair<int, QStringList> visit(const TemplateInclude &include, const QString &from, QStringList &chain)
    {
        const qsizetype repeated = chain.indexOf(include.name);
        if (repeated >= 0) {
            const QString cycle = chainText(chain.mid(repeated) << include.name);
            report({ TemplateProblemCode::IncludeCycle, cycle,
                     Tr::tr("The includes go round in a circle: %1.").arg(cycle), include.position, from });
            return {};
        }
        const int depth = int(chain.size()); // the root is level 0
        if (depth > m_options.maxDepth) {
            tooDeep(chain, { include.name }, include, from);
            return {};
        }
        const QString key = include.spec();
        std::shared_ptr<Node> &slot = m_nodes[key];
        if (!slot)
            slot = resolve(include, from);
        const std::shared_ptr<Node> node = slot; // m_nodes may grow below
        if (!node->parsed)
            return {};
        if (node->walked) {
            // Met before, without a cycle; only this place's depth is new.
            if (depth + node->height - 1 > m_options.maxDepth)
                tooDeep(chain, node->deepest, include, from);
            return { node->height, node->deepest };
        }
        chain.append(include.name);
        const auto [below, deepest] = walk(*node->parsed, key, chain);
        chain.removeLast();
        node->walked = true;
        node->height = below + 1;
        node->deepest = QStringList { include.name } + deepest;
        return { node->height, node->deepest };
    }

    std::shared_ptr<Node> resolve(const TemplateInclude &include, const QString &from)
    {
        auto node = std::make_shared<Node>();
        const Result<QString> text = m_resolve ? m_resolve(include.name, include.ref)
                                               : Result<QString>(Error::make(ErrorCode::NotFound, QString()));
        if (!text) {
            const QString message = text.error().is(ErrorCode::NotFound) || text.error().message.isEmpty()
                ? Tr::tr("There is no prompt %1 to include.").arg(quoted(include.spec()))
                : text.error().message;
            report({ TemplateProblemCode::MissingInclude, include.spec(), message, include.position, from });
            return node;
        }
        QList<TemplateProblem> problems;
        PromptTemplate parsed = PromptTemplate::parse(*text, problems);
        for (TemplateProblem problem : problems) {
            problem.prompt = include.spec();
            report(problem);
        }
        if (problems.isEmpty())
            node->parsed = std::move(parsed);
        return node;
    }

    void tooDeep(const QStringList &chain, const QStringList &below, const TemplateInclude &include,
                 const QString &from)
    {
        const QString path = chainText(chain + below);
        report({ TemplateProblemCode::IncludeTooDeep, path,
                 Tr::tr("Includes nest deeper than %n level(s): %1.", nullptr, m_options.maxDepth).arg(path),
                 include.position, from });
    }

    bool append(QString &out, QStringView piece)
    {
        if (out.size() + piece.size() > m_options.maxLength) {
            report({ TemplateProblemCode::TooLong, QString(),
                     Tr::tr("The rendered prompt would be longer than %n character(s).", nullptr,
                            int(std::min<qsizetype>(m_options.maxLength, std::numeric_limits<int>::max()))) });
            return false;
        }
        out += piece;
        return true;
    }

    bool fillInto(const PromptTemplate &t, const QHash<QString, QString> &values, QString &out, int depth)
    {
        for (const PromptTemplate::Part &part : t.parts()) {
            switch (part.kind) {
            case PromptTemplate::Part::Kind::Literal:
                if (!append(out, part.literal))
                    return false;
                break;
            case PromptTemplate::Part::Kind::Variable: {
                const TemplateVariable &variable = t.variables().at(part.index);
                const auto value = values.constFind(variable.name);
                const TemplateVariable &merged = m_variables.at(m_variableIndex.value(variable.name));
                if (!append(out, value != values.cend() ? *value : merged.defaultValue.value_or(QString())))
                    return false;
                break;
            }
            case PromptTemplate::Part::Kind::Include: {
                const TemplateInclude &include = t.includes().at(part.index);
                const std::shared_ptr<Node> node = m_nodes.value(include.spec());
                if (!node || !node->parsed || depth >= m_options.maxDepth) // checked by walk(); never met
                    return false;
                if (!node->text) {
                    QString text;
                    if (!fillInto(*node->parsed, values, text, depth + 1))
                        return false;
                    node->text = std::move(text);
                }
                if (!append(out, *node->text))
                    return false;
                break;
            }
            }
        }
        return true;
    }

    const IncludeResolver &m_resolve;
    const RenderOptions &m_options;
    QHash<QString, std::shared_ptr<Node>> m_nodes;
    QList<TemplateVariable> m_variables;
    QList<int> m_variableMessage;
    QHash<QString, int> m_variableIndex;
    QList<TemplateProblem> m_problems;
    QSet<QString> m_reported;
    int m_messageIndex = -1;
};

} // namespace

TemplateRendering PromptRenderer::render(QStringView text, const QHash<QString, QString> &values,
                                         const IncludeResolver &resolve, const RenderOptions &options)
{
    Session session(resolve, options);
    const auto root = session.addRoot(text, -1);
    session.checkValues(values);
    TemplateRendering rendering;
    if (root && session.problems().isEmpty())
        rendering.text = session.fill(*root, values, -1).value_or(QString());
    rendering.problems = session.problems();
    if (!rendering.problems.isEmpty())
        rendering.text.clear();
    return rendering;
}

TemplateVariables PromptRenderer::variablesOf(QStringView text, const IncludeResolver &resolve,
                                              const RenderOptions &options)
{
    Session session(resolve, options);
    (void)session.addRoot(text, -1);
    return { session.variables(), session.problems() };
}

ChatRendering PromptRenderer::renderChat(const QList<ChatMessage> &messages, const QHash<QString, QString> &values,
                                         const IncludeResolver &resolve, const RenderOptions &options)
{
    Session session(resolve, options);
    QList<std::optional<PromptTemplate>> roots;
    for (qsizetype i = 0; i < messages.size(); ++i)
        roots.append(session.addRoot(messages[i].content, int(i)));
    session.checkValues(values);
    ChatRendering rendering;
    for (qsizetype i = 0; i < messages.size() && session.problems().isEmpty(); ++i) {
        const auto content = session.fill(*roots[i], values, int(i));
        rendering.messages.append({ messages[i].role, content.value_or(QString()) });
    }
    rendering.problems = session.problems();
    if (!rendering.problems.isEmpty())
        rendering.messages.clear();
    return rendering;
}

TemplateVariables PromptRenderer::variablesOfChat(const QList<ChatMessage> &messages, const IncludeResolver &resolve,
                                                  const RenderOptions &options)
{
    Session session(resolve, options);
    for (qsizetype i = 0; i < messages.size(); ++i)
        (void)session.addRoot(messages[i].content, int(i));
    return { session.variables(), session.problems() };
}

Result<QList<ChatMessage>> PromptRenderer::chatFromJson(const nlohmann::json &messages)
{
    const auto invalid = [] {
        return Error::make(
            ErrorCode::ValidationFailed, Tr::tr("A chat is a list of messages with a role and content."),
            { { QStringLiteral("messages"), Tr::tr("A chat is a list of messages with a role and content.") } });
    };
    if (!messages.is_array())
        return invalid();
    QList<ChatMessage> list;
    for (const nlohmann::json &message : messages) {
        const auto role = message.is_object() ? message.find("role") : message.end();
        const auto content = message.is_object() ? message.find("content") : message.end();
        if (!message.is_object() || role == message.end() || !role->is_string() || content == message.end()
            || !content->is_string())
            return invalid();
        list.append({ textOf(message, "role"), textOf(message, "content") });
    }
    return list;
}

nlohmann::json PromptRenderer::chatToJson(const QList<ChatMessage> &messages)
{
    nlohmann::json list = nlohmann::json::array();
    for (const ChatMessage &message : messages)
        list.push_back({ { "role", message.role }, { "content", message.content } });
    return list;
}

} // namespace quire::shared
