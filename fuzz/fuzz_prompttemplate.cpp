// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the prompt template language: any text parses or names its
// problems, and the promises hold. The input is NUL-separated: the template
// first, then the prompts it may include, named p1, p2, ... (the last one
// also answers p1@production).
#include "shared/promptrenderer.h"
#include "shared/prompttemplate.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace quire::shared;

namespace {

void require(bool condition, const char *what, const QString &text)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_prompttemplate: %s\n--- text ---\n%s\n", what, text.toUtf8().constData());
    std::abort();
}

void checkProblems(const QList<TemplateProblem> &problems, const QString &text)
{
    for (const TemplateProblem &problem : problems) {
        require(!problem.message.isEmpty(), "a problem without a message", text);
        require(kTemplateProblemCodes.fromName(problem.codeName()).has_value(), "a problem without a code", text);
        require(problem.position.line >= 0 && problem.position.column >= 0, "a negative position", text);
    }
}

// Tokens lie inside their line, in order, without overlapping.
void checkTokens(const QString &text)
{
    for (QStringView line : QStringView(text).split(u'\n')) {
        qsizetype end = 0;
        for (const TemplateToken &token : PromptTemplate::tokenize(line)) {
            require(token.start >= end && token.length > 0 && token.start + token.length <= line.size(),
                    "a token outside its line or overlapping", text);
            require(token.nameLength == 0
                        || (token.nameStart >= token.start
                            && token.nameStart + token.nameLength <= token.start + token.length),
                    "a name outside its tag", text);
            end = token.start + token.length;
        }
    }
}

// A value each variable accepts.
QHash<QString, QString> validValues(const QList<TemplateVariable> &variables)
{
    QHash<QString, QString> values;
    for (const TemplateVariable &variable : variables) {
        if (variable.type == PromptVariableType::Number)
            values.insert(variable.name, QStringLiteral("-1.5"));
        else if (variable.type == PromptVariableType::Choice)
            values.insert(variable.name, variable.choices.value(0));
        else
            values.insert(variable.name, QStringLiteral("{{v}} \\{{"));
    }
    return values;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QList<QByteArray> parts = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    const QString text = QString::fromUtf8(parts.first());
    QHash<QString, QString> library;
    for (qsizetype i = 1; i < parts.size(); ++i)
        library.insert(QStringLiteral("p%1").arg(i), QString::fromUtf8(parts[i]));
    if (parts.size() > 1)
        library.insert(QStringLiteral("p1@production"), QString::fromUtf8(parts.last()));
    const IncludeResolver resolve = [&library](const QString &name, const QString &ref) -> Result<QString> {
        const QString key = ref.isEmpty() ? name : name + QLatin1Char('@') + ref;
        if (!library.contains(key))
            return Error::make(ErrorCode::NotFound, QString());
        return library.value(key);
    };
    RenderOptions options;
    options.name = QStringLiteral("root");
    options.maxLength = 1 << 20;

    const auto parsed = PromptTemplate::parse(text);
    const QList<TemplateProblem> syntax = PromptTemplate::problems(text);
    require(parsed.ok() == syntax.isEmpty(), "parse and problems disagree", text);
    checkProblems(syntax, text);
    checkTokens(text);

    // Any text, escaped, renders as itself.
    const auto literal = PromptRenderer::render(PromptTemplate::escape(text), {});
    require(literal.ok() && literal.text == text, "escape() does not round-trip", text);

    // With a valid value for every variable, only the output's length can fail.
    const TemplateVariables found = PromptRenderer::variablesOf(text, resolve, options);
    checkProblems(found.problems, text);
    const TemplateRendering rendering = PromptRenderer::render(text, validValues(found.variables), resolve, options);
    checkProblems(rendering.problems, text);
    require(rendering.ok() || rendering.text.isEmpty(), "text beside problems", text);
    if (found.problems.isEmpty()) {
        for (const TemplateProblem &problem : rendering.problems)
            require(problem.code == TemplateProblemCode::TooLong, "a problem variablesOf did not see", text);
    } else {
        require(!rendering.ok(), "rendered although variablesOf found problems", text);
    }
    // Nothing at all: every variable without a default is named.
    const TemplateRendering empty = PromptRenderer::render(text, {}, resolve, options);
    qsizetype withoutDefault = 0;
    for (const TemplateVariable &variable : found.variables)
        withoutDefault += variable.defaultValue ? 0 : 1;
    qsizetype missing = 0;
    for (const TemplateProblem &problem : empty.problems)
        missing += problem.code == TemplateProblemCode::MissingVariable ? 1 : 0;
    require(missing == withoutDefault, "not every missing variable is named", text);
    return 0;
}
