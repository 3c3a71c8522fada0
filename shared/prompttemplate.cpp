// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/prompttemplate.h"

#include "shared/jsonqt.h"
#include "shared/tr.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace quire::shared {
namespace {

const QLatin1String kOpen("{{");
const QLatin1String kClose("}}");

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r';
}

qsizetype skipSpaces(QStringView s, qsizetype pos, qsizetype end)
{
    while (pos < end && isSpace(s[pos]))
        ++pos;
    return pos;
}

// The end of the name starting at `pos` (letters and digits of any script,
// `_`, `-`, `.`), surrogate pairs taken whole.
qsizetype nameEnd(QStringView s, qsizetype pos, qsizetype end)
{
    while (pos < end) {
        const QChar c = s[pos];
        if (c == u'_' || c == u'-' || c == u'.') {
            ++pos;
        } else if (c.isHighSurrogate() && pos + 1 < end && s[pos + 1].isLowSurrogate()) {
            if (!QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, s[pos + 1])))
                break;
            pos += 2;
        } else if (!c.isSurrogate() && c.isLetterOrNumber()) {
            ++pos;
        } else {
            break;
        }
    }
    return pos;
}

// A tag's inside, read: a variable's use or an include, or what is wrong.
struct Tag
{
    bool include = false;
    TemplateVariable variable;
    TemplateInclude includeSpec;
    qsizetype nameStart = 0;
    qsizetype nameLength = 0;
    QString error;
    TemplateProblemCode errorCode = TemplateProblemCode::Syntax;
    qsizetype errorAt = 0;
};

QString quoted(QStringView s)
{
    return QStringLiteral("“%1”").arg(s);
}

Tag fail(Tag tag, qsizetype at, QString message, TemplateProblemCode code = TemplateProblemCode::Syntax)
{
    tag.error = std::move(message);
    tag.errorAt = at;
    tag.errorCode = code;
    return tag;
}

QString unexpected(QStringView line, qsizetype pos)
{
    return Tr::tr("Unexpected %1 in a tag.").arg(quoted(line.mid(pos, 1)));
}

Tag readInclude(QStringView line, qsizetype pos, qsizetype end, Tag tag)
{
    tag.include = true;
    pos = skipSpaces(line, pos + 1, end);
    const qsizetype nameStop = nameEnd(line, pos, end);
    if (nameStop == pos)
        return fail(tag, pos, Tr::tr("An include names a prompt: {{> name}}."));
    tag.nameStart = pos;
    tag.nameLength = nameStop - pos;
    tag.includeSpec.name = line.mid(pos, nameStop - pos).toString();
    pos = skipSpaces(line, nameStop, end);
    if (pos < end && line[pos] == u'@') {
        pos = skipSpaces(line, pos + 1, end);
        const qsizetype refStop = nameEnd(line, pos, end);
        if (refStop == pos)
            return fail(tag, pos, Tr::tr("After @ comes a label or a version number."));
        tag.includeSpec.ref = line.mid(pos, refStop - pos).toString();
        pos = skipSpaces(line, refStop, end);
    }
    if (pos < end)
        return fail(tag, pos, unexpected(line, pos));
    return tag;
}

// `: type` with a choice's values; `pos` is at the colon.
Tag readType(QStringView line, qsizetype &pos, qsizetype end, Tag tag)
{
    pos = skipSpaces(line, pos + 1, end);
    qsizetype typeStop = pos;
    while (typeStop < end && line[typeStop].isLetter())
        ++typeStop;
    const QString typeName = line.mid(pos, typeStop - pos).toString();
    const auto type = kPromptVariableTypes.fromName(typeName);
    if (!type) {
        return fail(tag, pos,
                    Tr::tr("Unknown type %1; the types are %2.")
                        .arg(quoted(typeName), kPromptVariableTypes.names().join(QStringLiteral(", "))));
    }
    tag.variable.type = *type;
    tag.variable.typed = true;
    pos = skipSpaces(line, typeStop, end);
    const bool hasValues = pos < end && line[pos] == u'(';
    if (*type != PromptVariableType::Choice) {
        if (hasValues)
            return fail(tag, pos, Tr::tr("Only a choice has a list of values."));
        return tag;
    }
    if (!hasValues)
        return fail(tag, pos, Tr::tr("A choice lists its values: choice(a, b)."));
    const qsizetype close = line.indexOf(u')', pos);
    if (close < 0 || close >= end)
        return fail(tag, pos, Tr::tr("The list of values has no closing parenthesis."));
    for (QStringView value : line.mid(pos + 1, close - pos - 1).split(u',')) {
        value = value.trimmed();
        if (value.isEmpty())
            return fail(tag, pos, Tr::tr("A choice's value is empty."));
        if (tag.variable.choices.contains(value))
            return fail(tag, pos, Tr::tr("The value %1 is listed twice.").arg(quoted(value)));
        tag.variable.choices << value.toString();
    }
    pos = skipSpaces(line, close + 1, end);
    return tag;
}

// The inside of a tag, line[start, end).
Tag readTag(QStringView line, qsizetype start, qsizetype end)
{
    Tag tag;
    qsizetype pos = skipSpaces(line, start, end);
    if (pos == end)
        return fail(tag, start, Tr::tr("An empty tag: write a variable's name between the braces."));
    if (line[pos] == u'>')
        return readInclude(line, pos, end, tag);
    const qsizetype nameStop = nameEnd(line, pos, end);
    if (nameStop == pos)
        return fail(tag, pos, Tr::tr("A variable's name is letters, digits, _, - and ."));
    tag.nameStart = pos;
    tag.nameLength = nameStop - pos;
    tag.variable.name = line.mid(pos, nameStop - pos).toString();
    pos = skipSpaces(line, nameStop, end);
    if (pos < end && line[pos] == u':') {
        tag = readType(line, pos, end, tag);
        if (!tag.error.isEmpty())
            return tag;
    }
    if (pos < end && line[pos] == u'=') {
        tag.variable.defaultValue = line.mid(pos + 1, end - pos - 1).trimmed().toString();
        pos = end;
    }
    if (pos < end)
        return fail(tag, pos, unexpected(line, pos));
    if (tag.variable.defaultValue) {
        if (auto problem = PromptTemplate::checkValue(tag.variable, *tag.variable.defaultValue))
            return fail(tag, start, problem->message, problem->code);
    }
    return tag;
}

// One line in pieces: text (escapes resolved), escapes, tags and a tag
// left open. The tokenizer and the parser both read lines through this.
struct Piece
{
    enum class Kind { Text, Escape, Tag, Unclosed };
    Kind kind = Kind::Text;
    qsizetype start = 0;
    qsizetype length = 0;
    QString text; // what a Text or Escape writes
    Tag tag;
};

QList<Piece> scanLine(QStringView line)
{
    QList<Piece> pieces;
    qsizetype pos = 0;
    while (pos < line.size()) {
        const qsizetype open = line.indexOf(kOpen, pos);
        if (open < 0) {
            pieces.append({ Piece::Kind::Text, pos, line.size() - pos, line.mid(pos).toString(), {} });
            break;
        }
        qsizetype backslashes = 0;
        while (open - backslashes > pos && line[open - backslashes - 1] == u'\\')
            ++backslashes;
        const qsizetype runStart = open - backslashes;
        if (runStart > pos)
            pieces.append({ Piece::Kind::Text, pos, runStart - pos, line.mid(pos, runStart - pos).toString(), {} });
        const bool literal = backslashes % 2 == 1;
        if (backslashes > 0) {
            QString written(backslashes / 2, u'\\');
            if (literal)
                written += kOpen;
            pieces.append({ Piece::Kind::Escape, runStart, backslashes + (literal ? 2 : 0), written, {} });
        }
        if (literal) {
            pos = open + 2;
            continue;
        }
        const qsizetype close = line.indexOf(kClose, open + 2);
        if (close < 0) {
            Tag tag
                = fail({}, open,
                       Tr::tr("This {{ is not closed by }} on the same line (write \\{{ for the braces themselves)."));
            pieces.append({ Piece::Kind::Unclosed, open, line.size() - open, {}, tag });
            break;
        }
        pieces.append({ Piece::Kind::Tag, open, close + 2 - open, {}, readTag(line, open + 2, close) });
        pos = close + 2;
    }
    return pieces;
}

QString describe(const TemplateVariable &v)
{
    QString d = kPromptVariableTypes.name(v.type);
    if (v.type == PromptVariableType::Choice)
        d += QLatin1Char('(') + v.choices.join(QStringLiteral(", ")) + QLatin1Char(')');
    if (v.defaultValue)
        d += QStringLiteral(" = ") + *v.defaultValue;
    return d;
}

} // namespace

// Builds a PromptTemplate from the lines' pieces.
class PromptTemplateParser
{
public:
    void run(QStringView text)
    {
        qsizetype lineStart = 0;
        int lineNumber = 1;
        while (true) {
            const qsizetype newline = text.indexOf(u'\n', lineStart);
            const QStringView line = text.mid(lineStart, newline < 0 ? text.size() - lineStart : newline - lineStart);
            readLine(line, lineNumber, lineStart);
            if (newline < 0)
                break;
            appendText(QStringLiteral("\n"));
            lineStart = newline + 1;
            ++lineNumber;
        }
    }

    PromptTemplate result;
    QList<TemplateProblem> problems;

private:
    void appendText(const QString &text)
    {
        if (text.isEmpty())
            return;
        if (!result.m_parts.isEmpty() && result.m_parts.last().kind == PromptTemplate::Part::Kind::Literal)
            result.m_parts.last().literal += text;
        else
            result.m_parts.append({ PromptTemplate::Part::Kind::Literal, text, -1 });
    }

    static TemplatePosition positionIn(QStringView line, int lineNumber, qsizetype lineStart, qsizetype at)
    {
        const QStringView before = line.first(at);
        const qsizetype surrogatePairs
            = std::count_if(before.begin(), before.end(), [](QChar c) { return c.isLowSurrogate(); });
        return { lineNumber, int(at - surrogatePairs) + 1, lineStart + at };
    }

    void readLine(QStringView line, int lineNumber, qsizetype lineStart)
    {
        for (const Piece &piece : scanLine(line)) {
            if (piece.kind == Piece::Kind::Text || piece.kind == Piece::Kind::Escape) {
                appendText(piece.text);
                continue;
            }
            const Tag &tag = piece.tag;
            if (!tag.error.isEmpty()) {
                problems.append({ tag.errorCode, tag.include ? tag.includeSpec.spec() : tag.variable.name, tag.error,
                                  positionIn(line, lineNumber, lineStart, tag.errorAt) });
                continue;
            }
            const TemplatePosition at = positionIn(line, lineNumber, lineStart, piece.start);
            if (tag.include) {
                TemplateInclude include = tag.includeSpec;
                include.position = at;
                result.m_includes.append(include);
                result.m_parts.append({ PromptTemplate::Part::Kind::Include, {}, int(result.m_includes.size() - 1) });
                continue;
            }
            TemplateVariable use = tag.variable;
            use.position = at;
            auto known = m_index.constFind(use.name);
            if (known == m_index.cend()) {
                known = m_index.insert(use.name, int(result.m_variables.size()));
                result.m_variables.append(use);
            } else if (auto problem = PromptTemplate::merge(result.m_variables[*known], use)) {
                problems.append(*problem);
            }
            result.m_parts.append({ PromptTemplate::Part::Kind::Variable, {}, *known });
        }
    }

    QHash<QString, int> m_index;
};

std::optional<int> TemplateInclude::version() const
{
    bool ok = false;
    const int number = ref.toInt(&ok);
    if (!ok || number < 1 || ref.front() == u'+' || ref.front() == u'0')
        return std::nullopt;
    return number;
}

QString TemplateInclude::spec() const
{
    return ref.isEmpty() ? name : name + QLatin1Char('@') + ref;
}

Result<PromptTemplate> PromptTemplate::parse(QStringView text)
{
    PromptTemplateParser parser;
    parser.run(text);
    if (!parser.problems.isEmpty()) {
        // Everything wrong here is wrong in the text, the author's to fix.
        const QString first = parser.problems.first().located();
        return Error::make(ErrorCode::ValidationFailed, first, { { QStringLiteral("content"), first } });
    }
    return std::move(parser.result);
}

QList<TemplateProblem> PromptTemplate::problems(QStringView text)
{
    PromptTemplateParser parser;
    parser.run(text);
    return parser.problems;
}

PromptTemplate PromptTemplate::parse(QStringView text, QList<TemplateProblem> &problems)
{
    PromptTemplateParser parser;
    parser.run(text);
    problems = std::move(parser.problems);
    return std::move(parser.result);
}

std::optional<TemplateProblem> PromptTemplate::merge(TemplateVariable &into, const TemplateVariable &use)
{
    const bool typesDiffer = into.typed && use.typed && (into.type != use.type || into.choices != use.choices);
    const bool defaultsDiffer = into.defaultValue && use.defaultValue && *into.defaultValue != *use.defaultValue;
    if (typesDiffer || defaultsDiffer) {
        return TemplateProblem { TemplateProblemCode::ConflictingVariable, into.name,
                                 Tr::tr("The variable %1 is declared twice, differently: %2 and %3.")
                                     .arg(quoted(into.name), describe(into), describe(use)),
                                 use.position, use.prompt };
    }
    const bool newDefault = !into.defaultValue && use.defaultValue;
    const bool newType = !into.typed && use.typed;
    if (newType) {
        into.type = use.type;
        into.choices = use.choices;
        into.typed = true;
    }
    if (newDefault)
        into.defaultValue = use.defaultValue;
    // A default from one use and a type from another must still agree.
    if ((newType || newDefault) && into.defaultValue) {
        if (auto problem = checkValue(into, *into.defaultValue)) {
            problem->position = use.position;
            problem->prompt = use.prompt;
            return problem;
        }
    }
    return std::nullopt;
}

bool PromptTemplate::isNumber(QStringView value)
{
    qsizetype pos = !value.isEmpty() && (value.front() == u'+' || value.front() == u'-') ? 1 : 0;
    qsizetype digits = 0;
    bool point = false;
    for (; pos < value.size(); ++pos) {
        if (value[pos] >= u'0' && value[pos] <= u'9')
            ++digits;
        else if (value[pos] == u'.' && !point)
            point = true;
        else
            return false;
    }
    return digits > 0;
}

std::optional<TemplateProblem> PromptTemplate::checkValue(const TemplateVariable &variable, const QString &value)
{
    switch (variable.type) {
    case PromptVariableType::Text:
        return std::nullopt;
    case PromptVariableType::Number:
        if (isNumber(value))
            return std::nullopt;
        return TemplateProblem { TemplateProblemCode::InvalidNumber, variable.name,
                                 Tr::tr("%1 must be a number, not %2.").arg(quoted(variable.name), quoted(value)),
                                 variable.position, variable.prompt };
    case PromptVariableType::Choice:
        if (variable.choices.contains(value))
            return std::nullopt;
        return TemplateProblem { TemplateProblemCode::InvalidChoice, variable.name,
                                 Tr::tr("%1 must be one of %2, not %3.")
                                     .arg(quoted(variable.name), variable.choices.join(QStringLiteral(", ")),
                                          quoted(value)),
                                 variable.position, variable.prompt };
    }
    return std::nullopt;
}

QString PromptTemplate::escape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = text.indexOf(kOpen, pos);
        if (open < 0)
            break;
        qsizetype backslashes = 0;
        while (open - backslashes > pos && text[open - backslashes - 1] == u'\\')
            ++backslashes;
        out += text.mid(pos, open - backslashes - pos);
        out += QString(2 * backslashes + 1, u'\\') + kOpen;
        pos = open + 2;
    }
    out += text.mid(pos);
    return out;
}

QList<TemplateToken> PromptTemplate::tokenize(QStringView line)
{
    QList<TemplateToken> tokens;
    for (const Piece &piece : scanLine(line)) {
        TemplateToken token;
        token.start = piece.start;
        token.length = piece.length;
        switch (piece.kind) {
        case Piece::Kind::Text:
            continue;
        case Piece::Kind::Escape:
            token.kind = TemplateToken::Kind::Escape;
            break;
        case Piece::Kind::Unclosed:
            token.kind = TemplateToken::Kind::Error;
            break;
        case Piece::Kind::Tag:
            if (!piece.tag.error.isEmpty())
                token.kind = TemplateToken::Kind::Error;
            else if (piece.tag.include)
                token.kind = TemplateToken::Kind::Include;
            token.nameStart = piece.tag.nameStart;
            token.nameLength = piece.tag.nameLength;
            token.name = piece.tag.include ? piece.tag.includeSpec.name : piece.tag.variable.name;
            break;
        }
        tokens.append(token);
    }
    return tokens;
}

bool PromptTemplate::isName(QStringView name)
{
    return !name.isEmpty() && nameEnd(name, 0, name.size()) == name.size();
}

nlohmann::json toJson(const TemplateProblem &problem)
{
    nlohmann::json j { { "code", problem.codeName() },
                       { "subject", problem.subject },
                       { "message", problem.message },
                       { "line", problem.position.line },
                       { "column", problem.position.column } };
    if (!problem.prompt.isEmpty())
        j["prompt"] = problem.prompt;
    if (problem.messageIndex >= 0)
        j["message_index"] = problem.messageIndex;
    return j;
}

nlohmann::json toJson(const QList<TemplateProblem> &problems)
{
    nlohmann::json list = nlohmann::json::array();
    for (const TemplateProblem &problem : problems)
        list.push_back(toJson(problem));
    return list;
}

QString TemplateProblem::located() const
{
    QString where;
    if (messageIndex >= 0)
        where += Tr::tr("Message %1: ").arg(messageIndex + 1);
    if (!prompt.isEmpty())
        where += Tr::tr("In %1: ").arg(quoted(prompt));
    if (position.line > 0)
        where += Tr::tr("Line %1, column %2: ").arg(position.line).arg(position.column);
    return where + message;
}

Error toError(const QList<TemplateProblem> &problems)
{
    QMap<QString, QString> fields;
    for (const TemplateProblem &problem : problems) {
        const bool inTheText = problem.code == TemplateProblemCode::Syntax
            || problem.code == TemplateProblemCode::ConflictingVariable || problem.subject.isEmpty();
        const QString field = inTheText ? QStringLiteral("content") : problem.subject;
        if (!fields.contains(field))
            fields.insert(field, problem.located());
    }
    const QString first = problems.isEmpty() ? QString() : problems.first().located();
    return Error::make(ErrorCode::ValidationFailed, first, fields);
}

} // namespace quire::shared
