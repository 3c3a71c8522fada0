// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/enumnames.h"
#include "shared/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <utility>

namespace quire::shared {

// The prompt template language (README "Prompt templates"). Plain text with
// tags; a tag never spans lines.
//
//   {{name}}                          a variable; names are letters, digits, _ - .
//   {{name = default text}}           with a default (up to the closing braces)
//   {{n : number}}  {{n : number = 3}}
//   {{tone : choice(formal, casual) = formal}}
//   {{name : text}}                   text is the type when none is given
//   {{> other-name}}                  include the latest version of another prompt
//   {{> other-name@production}}       ... the version a label points at
//   {{> other-name@3}}                ... version 3
//   \{{                               a literal "{{"
//
// Escaping: only backslashes right before "{{" are special. An odd run of
// them makes the "{{" literal text; every pair in the run writes one
// backslash. Backslashes anywhere else are text. escape() applies the rule.
//
// A variable used several times is one variable: its uses may each repeat
// or leave out the type and default, but two that state different ones
// conflict. Included prompts are templates too; their variables join the
// includer's, so one set of values fills the whole tree. Values are
// inserted verbatim (prompts are plain text, nothing is HTML-escaped).

enum class PromptVariableType { Text, Number, Choice };
inline constexpr EnumNames<PromptVariableType, 3> kPromptVariableTypes {
    { { { PromptVariableType::Text, "text" },
        { PromptVariableType::Number, "number" },
        { PromptVariableType::Choice, "choice" } } }
};

// What is wrong, for programs (the wire names are a public contract).
enum class TemplateProblemCode {
    Syntax,
    ConflictingVariable,
    MissingVariable,
    InvalidNumber,
    InvalidChoice,
    MissingInclude,
    IncludeCycle,
    IncludeTooDeep,
    TooLong,
};
inline constexpr EnumNames<TemplateProblemCode, 9> kTemplateProblemCodes {
    { { { TemplateProblemCode::Syntax, "syntax" },
        { TemplateProblemCode::ConflictingVariable, "conflicting_variable" },
        { TemplateProblemCode::MissingVariable, "missing_variable" },
        { TemplateProblemCode::InvalidNumber, "invalid_number" },
        { TemplateProblemCode::InvalidChoice, "invalid_choice" },
        { TemplateProblemCode::MissingInclude, "missing_include" },
        { TemplateProblemCode::IncludeCycle, "include_cycle" },
        { TemplateProblemCode::IncludeTooDeep, "include_too_deep" },
        { TemplateProblemCode::TooLong, "too_long" } } }
};

// Where in a template text: line and column count from 1 (columns in
// characters, a surrogate pair is one); offset is the UTF-16 index, for
// editors. line 0 means "not at one place".
struct TemplatePosition
{
    int line = 0;
    int column = 0;
    qsizetype offset = 0;
    bool operator==(const TemplatePosition &) const = default;
};

struct TemplateVariable
{
    QString name;
    PromptVariableType type = PromptVariableType::Text;
    std::optional<QString> defaultValue;
    QStringList choices; // a choice's values, in the written order
    TemplatePosition position; // its first use
    QString prompt; // the included prompt it was first met in; empty: the template itself
    bool typed = false; // the type was written (a use without one agrees with any)
};

struct TemplateInclude
{
    QString name;
    QString ref; // a label or a version number; empty: the latest version
    TemplatePosition position;
    // The version number ref names, if it is one.
    std::optional<int> version() const;
    QString spec() const; // "name" or "name@ref"
};

struct TemplateProblem
{
    TemplateProblem() = default;
    TemplateProblem(TemplateProblemCode code, QString subject, QString message, TemplatePosition position = {},
                    QString prompt = {})
        : code(code)
        , subject(std::move(subject))
        , message(std::move(message))
        , position(position)
        , prompt(std::move(prompt))
    { }

    TemplateProblemCode code = TemplateProblemCode::Syntax;
    QString subject; // the variable, the include ("name@ref"), or the chain "a > b > a"
    QString message; // translated (Quire::Shared)
    TemplatePosition position;
    QString prompt; // the included prompt it is in; empty: the template itself
    int messageIndex = -1; // a chat prompt's message; -1: not a chat

    QString codeName() const { return kTemplateProblemCodes.name(code); }
    // The message with where it is: "In “b”: Line 2, column 5: …".
    QString located() const;
    bool operator==(const TemplateProblem &) const = default;
};

// {"code", "subject", "message", "line", "column"[, "prompt"][, "message_index"]}
nlohmann::json toJson(const TemplateProblem &problem);
nlohmann::json toJson(const QList<TemplateProblem> &problems);
// validation_failed with the first problem as its message and one field
// per variable or include (syntax and conflicts under "content"): what a
// route answers when parsing or rendering failed.
Error toError(const QList<TemplateProblem> &problems);

// One tag or escape of a line, for an editor's colours.
struct TemplateToken
{
    enum class Kind { Variable, Include, Escape, Error };
    Kind kind = Kind::Variable;
    qsizetype start = 0; // in the line, UTF-16
    qsizetype length = 0;
    qsizetype nameStart = 0; // the variable's or prompt's name inside the tag
    qsizetype nameLength = 0;
    QString name;
};

// One template text, parsed.
class PromptTemplate
{
public:
    // Fails on the first syntax error or conflict, naming its line and
    // column (Error: validation_failed, field "content"); problems() on a
    // text lists them all.
    static Result<PromptTemplate> parse(QStringView text);
    static QList<TemplateProblem> problems(QStringView text);
    // Both at once: what could be read, and every problem.
    static PromptTemplate parse(QStringView text, QList<TemplateProblem> &problems);

    // The variables in order of first use, and the includes in order.
    const QList<TemplateVariable> &variables() const { return m_variables; }
    const QList<TemplateInclude> &includes() const { return m_includes; }

    // The text that renders as `text`: a backslash before every "{{", and
    // the backslashes already there doubled.
    static QString escape(QStringView text);
    // The tags and escapes of one line (tags never span lines), valid ones
    // and broken ones (Kind::Error), for a highlighter.
    static QList<TemplateToken> tokenize(QStringView line);
    static bool isName(QStringView name);
    // A decimal number: optional sign, digits, optional fraction ("-1.5", ".5").
    static bool isNumber(QStringView value);

    // What a value (or a default) breaks of a variable's type, if anything.
    static std::optional<TemplateProblem> checkValue(const TemplateVariable &variable, const QString &value);
    // Joins another use of a variable into `into` (type and default when
    // `into` has none); a different type or default is a conflict.
    static std::optional<TemplateProblem> merge(TemplateVariable &into, const TemplateVariable &use);

    // The parsed pieces, for PromptRenderer (promptrenderer.h, which renders
    // with includes and values): a literal, a variable (index
    // into variables()) or an include (index into includes()).
    struct Part
    {
        enum class Kind { Literal, Variable, Include };
        Kind kind = Kind::Literal;
        QString literal;
        int index = -1;
    };
    const QList<Part> &parts() const { return m_parts; }

private:
    QList<Part> m_parts;
    QList<TemplateVariable> m_variables;
    QList<TemplateInclude> m_includes;
    friend class PromptTemplateParser;
};

} // namespace quire::shared
