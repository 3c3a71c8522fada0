// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/promptrenderer.h"
#include "shared/prompttemplate.h"

#include <QTest>

#include <nlohmann/json.hpp>

using quire::shared::ChatMessage;
using quire::shared::Error;
using quire::shared::ErrorCode;
using quire::shared::IncludeResolver;
using quire::shared::PromptRenderer;
using quire::shared::PromptTemplate;
using quire::shared::PromptVariableType;
using quire::shared::RenderOptions;
using quire::shared::Result;
using quire::shared::TemplateProblem;
using quire::shared::TemplateToken;

using namespace Qt::StringLiterals;

using Values = QHash<QString, QString>;
using Library = QHash<QString, QString>; // u"name"_s or u"name@ref"_s -> text

namespace {

// A prompt library in memory: u"name@ref"_s first, then u"name"_s for the latest.
IncludeResolver resolverOf(const Library &library, int *calls = nullptr)
{
    return [library, calls](const QString &name, const QString &ref) -> Result<QString> {
        if (calls)
            ++*calls;
        const QString key = ref.isEmpty() ? name : name + QLatin1Char('@') + ref;
        if (library.contains(key))
            return library.value(key);
        return Error::make(ErrorCode::NotFound, QStringLiteral("not found"));
    };
}

Values valuesOf(const QStringList &pairs)
{
    Values values;
    for (const QString &pair : pairs)
        values.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    return values;
}

// u"code subject"_s per problem, sorted: what a table can state.
QStringList summary(const QList<TemplateProblem> &problems)
{
    QStringList list;
    for (const TemplateProblem &problem : problems) {
        // A problem always says what is wrong, for people too.
        list << problem.codeName() + QLatin1Char(' ') + (problem.message.isEmpty() ? u"NO MESSAGE"_s : problem.subject);
    }
    list.sort();
    return list;
}

} // namespace

// The prompt template language: syntax, escaping, types, includes and
// every problem rendering reports.
class TestPromptTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void renders_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("expected");
        QTest::newRow("variable") << u"Hello {{name}}!"_s << QStringList { u"name=Ann"_s } << u"Hello Ann!"_s;
        QTest::newRow("spaces inside") << u"{{  name\t}}"_s << QStringList { u"name=Ann"_s } << u"Ann"_s;
        QTest::newRow("no tags") << u"plain text"_s << QStringList() << u"plain text"_s;
        QTest::newRow("empty") << u""_s << QStringList() << u""_s;
        QTest::newRow("default") << u"Hello {{name = World}}"_s << QStringList() << u"Hello World"_s;
        QTest::newRow("default overridden") << u"{{name = World}}"_s << QStringList { u"name=Ann"_s } << u"Ann"_s;
        QTest::newRow("default keeps = and spaces") << u"{{eq =  a = b }}"_s << QStringList() << u"a = b"_s;
        QTest::newRow("empty default") << u"[{{x =}}]"_s << QStringList() << u"[]"_s;
        QTest::newRow("empty value is a value") << u"[{{x = d}}]"_s << QStringList { u"x="_s } << u"[]"_s;
        QTest::newRow("one variable, two uses") << u"{{a}}-{{a}}"_s << QStringList { u"a=1"_s } << u"1-1"_s;
        QTest::newRow("default on the first use") << u"{{a = 1}} {{a}}"_s << QStringList() << u"1 1"_s;
        QTest::newRow("default on a later use") << u"{{a}} {{a = 1}}"_s << QStringList() << u"1 1"_s;
        QTest::newRow("same default twice") << u"{{a = 1}} {{a = 1}}"_s << QStringList() << u"1 1"_s;
        QTest::newRow("number") << u"{{n : number}}"_s << QStringList { u"n=-3.5"_s } << u"-3.5"_s;
        QTest::newRow("number default") << u"{{n : number = 3}}"_s << QStringList() << u"3"_s;
        QTest::newRow("number, no spaces") << u"{{n:number=3}}"_s << QStringList() << u"3"_s;
        QTest::newRow("text type") << u"{{t : text}}"_s << QStringList { u"t=any thing"_s } << u"any thing"_s;
        QTest::newRow("choice") << u"{{tone : choice(formal, casual) = formal}}"_s << QStringList { u"tone=casual"_s }
                                << u"casual"_s;
        QTest::newRow("choice default") << u"{{tone : choice(formal, casual) = formal}}"_s << QStringList()
                                        << u"formal"_s;
        QTest::newRow("type on one use") << u"{{n}}+{{n : number}}"_s << QStringList { u"n=2"_s } << u"2+2"_s;
        QTest::newRow("name characters") << u"{{a_b-c.d9}}"_s << QStringList { u"a_b-c.d9=ok"_s } << u"ok"_s;
        QTest::newRow("unicode name") << u"{{größe}} {{名前}}"_s << QStringList { u"größe=L"_s, u"名前=Ann"_s }
                                      << u"L Ann"_s;
        QTest::newRow("unicode text") << u"Grüße 🎉 {{name}} ✓"_s << QStringList { u"name=Zoë"_s } << u"Grüße 🎉 Zoë ✓"_s;
        QTest::newRow("values verbatim") << u"{{v}}"_s << QStringList { u"v=<b>&amp;\"'"_s } << u"<b>&amp;\"'"_s;
        QTest::newRow("values are not templates") << u"{{v}}"_s << QStringList { u"v={{w}} \\{{"_s } << u"{{w}} \\{{"_s;
        QTest::newRow("escaped braces") << u"\\{{name}}"_s << QStringList() << u"{{name}}"_s;
        QTest::newRow("two backslashes, a tag") << u"\\\\{{name}}"_s << QStringList { u"name=x"_s } << u"\\x"_s;
        QTest::newRow("three backslashes, braces") << u"\\\\\\{{name}}"_s << QStringList() << u"\\{{name}}"_s;
        QTest::newRow("backslash elsewhere") << u"a\\b \\} \\n"_s << QStringList() << u"a\\b \\} \\n"_s;
        QTest::newRow("lone closing braces") << u"}} and }"_s << QStringList() << u"}} and }"_s;
        QTest::newRow("single brace") << u"{ {x} }"_s << QStringList() << u"{ {x} }"_s;
        QTest::newRow("brace after a tag") << u"{{a}}}"_s << QStringList { u"a=1"_s } << u"1}"_s;
        QTest::newRow("escaped then tag") << u"\\{{{{a}}"_s << QStringList { u"a=1"_s } << u"{{1"_s;
        QTest::newRow("lines") << u"one {{a}}\ntwo {{b}}\n"_s << QStringList { u"a=1"_s, u"b=2"_s }
                               << u"one 1\ntwo 2\n"_s;
        QTest::newRow("crlf") << u"{{a}}\r\n{{b }}\r\n"_s << QStringList { u"a=1"_s, u"b=2"_s } << u"1\r\n2\r\n"_s;
        QTest::newRow("unused values ignored") << u"x"_s << QStringList { u"a=1"_s } << u"x"_s;
    }
    void renders()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, values);
        QFETCH(QString, expected);
        QVERIFY(PromptTemplate::parse(text));
        const auto rendering = PromptRenderer::render(text, valuesOf(values));
        QVERIFY2(rendering.ok(), qPrintable(summary(rendering.problems).join(QLatin1Char(','))));
        QCOMPARE(rendering.text, expected);
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("code");
        QTest::newRow("unclosed") << u"Hello {{name"_s << 1 << 7 << u"syntax"_s;
        QTest::newRow("unclosed on line 2") << u"ab\n  {{x"_s << 2 << 3 << u"syntax"_s;
        QTest::newRow("tags stay on one line") << u"{{a\n}}"_s << 1 << 1 << u"syntax"_s;
        QTest::newRow("column counts characters") << u"🎉é{{"_s << 1 << 3 << u"syntax"_s;
        QTest::newRow("empty tag") << u"{{ }}"_s << 1 << 3 << u"syntax"_s;
        QTest::newRow("two names") << u"{{ a b }}"_s << 1 << 6 << u"syntax"_s;
        QTest::newRow("triple braces") << u"{{{a}}}"_s << 1 << 3 << u"syntax"_s;
        QTest::newRow("odd name") << u"{{a/b}}"_s << 1 << 4 << u"syntax"_s;
        QTest::newRow("unknown type") << u"{{a : colour}}"_s << 1 << 7 << u"syntax"_s;
        QTest::newRow("choice without values") << u"{{a : choice}}"_s << 1 << 13 << u"syntax"_s;
        QTest::newRow("choice unclosed") << u"{{a : choice(x, y}}"_s << 1 << 13 << u"syntax"_s;
        QTest::newRow("choice empty value") << u"{{a : choice(x, )}}"_s << 1 << 13 << u"syntax"_s;
        QTest::newRow("choice twice") << u"{{a : choice(x, x)}}"_s << 1 << 13 << u"syntax"_s;
        QTest::newRow("values on a number") << u"{{a : number(1)}}"_s << 1 << 13 << u"syntax"_s;
        QTest::newRow("include without name") << u"{{> }}"_s << 1 << 5 << u"syntax"_s;
        QTest::newRow("include without ref") << u"{{> a@}}"_s << 1 << 7 << u"syntax"_s;
        QTest::newRow("include with more") << u"{{> a b}}"_s << 1 << 7 << u"syntax"_s;
        QTest::newRow("default not a number") << u"x {{a : number = many}}"_s << 1 << 5 << u"invalid_number"_s;
        QTest::newRow("default not a choice") << u"{{a : choice(x, y) = z}}"_s << 1 << 3 << u"invalid_choice"_s;
        QTest::newRow("two types") << u"{{a : number}}\n {{a : text}}"_s << 2 << 2 << u"conflicting_variable"_s;
        QTest::newRow("two choices") << u"{{a : choice(x)}}{{a : choice(y)}}"_s << 1 << 18 << u"conflicting_variable"_s;
        QTest::newRow("two defaults") << u"{{a = 1}} {{a = 2}}"_s << 1 << 11 << u"conflicting_variable"_s;
        QTest::newRow("default and type apart") << u"{{a = x}} {{a : number}}"_s << 1 << 11 << u"invalid_number"_s;
    }
    void syntaxErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, code);
        const auto parsed = PromptTemplate::parse(text);
        QVERIFY(!parsed);
        QVERIFY(parsed.error().is(ErrorCode::ValidationFailed));
        const QString where = QStringLiteral("Line %1, column %2: ").arg(line).arg(column);
        QVERIFY2(parsed.error().message.startsWith(where), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().fields.contains(QStringLiteral("content")));
        const auto problems = PromptTemplate::problems(text);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().codeName(), code);
        QCOMPARE(problems.first().position.line, line);
        QCOMPARE(problems.first().position.column, column);
        // Rendering reports the same problem, and no text.
        const auto rendering = PromptRenderer::render(text, {});
        QVERIFY(!rendering.ok());
        QVERIFY(rendering.text.isEmpty());
        QCOMPARE(rendering.problems.first(), problems.first());
    }

    void everySyntaxErrorIsListed()
    {
        const auto problems = PromptTemplate::problems(u"{{a\n{{ }} {{ok}}\n{{b : x}}");
        QCOMPARE(problems.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(problems[i].position.line, i + 1);
    }

    void everyRenderProblemAtOnce()
    {
        const QString text = QStringLiteral("{{a}} {{n : number}} {{c : choice(x, y)}} {{> gone@production}} {{b}}");
        const auto rendering = PromptRenderer::render(text, valuesOf({ u"n=abc"_s, u"c=z"_s, u"b=fine"_s }));
        QVERIFY(rendering.text.isEmpty());
        QCOMPARE(summary(rendering.problems),
                 QStringList({ u"invalid_choice c"_s, u"invalid_number n"_s, u"missing_include gone@production"_s,
                               u"missing_variable a"_s }));
        const nlohmann::json json = quire::shared::toJson(rendering.problems);
        QCOMPARE(int(json.size()), 4);
        QVERIFY(json[0].contains("code") && json[0].contains("message") && json[0].contains("line"));
        const Error error = quire::shared::toError(rendering.problems);
        QVERIFY(error.is(ErrorCode::ValidationFailed));
        QCOMPARE(error.fields.keys(), QStringList({ u"a"_s, u"c"_s, u"gone@production"_s, u"n"_s }));
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("number");
        for (const char *yes : { "0", "3", "-3", "+3", "3.5", "3.", ".5", "-0.25", "0012" })
            QTest::newRow(yes) << QString::fromLatin1(yes) << true;
        for (const char *no : { "", "-", ".", "1e3", "1,5", " 1", "1 ", "one", "1.2.3", "--1", "٣" })
            QTest::newRow(no[0] ? no : "empty") << QString::fromUtf8(no) << false;
    }
    void numbers()
    {
        QFETCH(QString, value);
        QFETCH(bool, number);
        QCOMPARE(PromptTemplate::isNumber(value), number);
        const auto rendering = PromptRenderer::render(u"{{n : number}}", { { QStringLiteral("n"), value } });
        QCOMPARE(rendering.ok(), number);
        if (!number)
            QCOMPARE(summary(rendering.problems), QStringList { u"invalid_number n"_s });
    }

    void includes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Library>("library");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("expected");
        const Library library {
            { u"greet"_s, u"Hello {{name}}"_s },  { u"greet@production"_s, u"Hi {{name = you}}"_s },
            { u"greet@3"_s, u"Good day"_s },      { u"outer"_s, u"[{{> inner}}]"_s },
            { u"inner"_s, u"<{{> greet@3}}>"_s }, { u"left"_s, u"L{{> base}}"_s },
            { u"right"_s, u"R{{> base}}"_s },     { u"base"_s, u"{{x : number = 1}}"_s },
            { u"braces"_s, u"\\{{literal}}"_s },  { u"typed"_s, u"{{tone : choice(a, b) = a}}"_s }
        };
        QTest::newRow("latest") << u"{{> greet}}!"_s << library << QStringList { u"name=Ann"_s } << u"Hello Ann!"_s;
        QTest::newRow("label") << u"{{> greet@production}}"_s << library << QStringList() << u"Hi you"_s;
        QTest::newRow("version") << u"{{>greet@3}}"_s << library << QStringList() << u"Good day"_s;
        QTest::newRow("spaces") << u"{{ >  greet @ 3 }}"_s << library << QStringList() << u"Good day"_s;
        QTest::newRow("variables join") << u"{{> greet}}, {{name}}"_s << library << QStringList { u"name=Ann"_s }
                                        << u"Hello Ann, Ann"_s;
        QTest::newRow("default from an include")
            << u"{{name}}: {{> greet@production}}"_s << library << QStringList() << u"you: Hi you"_s;
        QTest::newRow("type from an include")
            << u"{{tone}}/{{> typed}}"_s << library << QStringList { u"tone=b"_s } << u"b/b"_s;
        QTest::newRow("nested") << u"{{> outer}}"_s << library << QStringList() << u"[<Good day>]"_s;
        QTest::newRow("diamond") << u"{{> left}}{{> right}}"_s << library << QStringList { u"x=2"_s } << u"L2R2"_s;
        QTest::newRow("escapes inside") << u"{{> braces}}"_s << library << QStringList() << u"{{literal}}"_s;
        QTest::newRow("twice") << u"{{> greet@3}} {{> greet@3}}"_s << library << QStringList()
                               << u"Good day Good day"_s;
    }
    void includes()
    {
        QFETCH(QString, text);
        QFETCH(Library, library);
        QFETCH(QStringList, values);
        QFETCH(QString, expected);
        int calls = 0;
        const auto rendering = PromptRenderer::render(text, valuesOf(values), resolverOf(library, &calls));
        QVERIFY2(rendering.ok(), qPrintable(summary(rendering.problems).join(QLatin1Char(','))));
        QCOMPARE(rendering.text, expected);
        // Each include is fetched once per render, however often it is used.
        QVERIFY(calls <= 3);
    }

    void includeErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("text");
        QTest::addColumn<Library>("library");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("missing") << u""_s << u"{{> nope}} {{> nope}} {{> nope@staging}}"_s << Library()
                                 << QStringList { u"missing_include nope"_s, u"missing_include nope@staging"_s };
        QTest::newRow("cycle") << u"a"_s << u"{{> b}}"_s << Library { { u"b"_s, u"{{> a}}"_s } }
                               << QStringList { u"include_cycle a > b > a"_s };
        QTest::newRow("cycle below") << u""_s << u"{{> a}}"_s
                                     << Library { { u"a"_s, u"{{> b}}"_s }, { u"b"_s, u"{{> a@production}}"_s } }
                                     << QStringList { u"include_cycle a > b > a"_s };
        QTest::newRow("itself") << u"a"_s << u"x {{> a@2}}"_s << Library { { u"a@2"_s, u"old"_s } }
                                << QStringList { u"include_cycle a > a"_s };
        QTest::newRow("syntax inside") << u""_s << u"{{> b}}"_s << Library { { u"b"_s, u"ok\n  {{oops"_s } }
                                       << QStringList { u"syntax "_s };
        QTest::newRow("conflict across") << u""_s << u"{{x : text}} {{> b}}"_s
                                         << Library { { u"b"_s, u"{{x : number}}"_s } }
                                         << QStringList { u"conflicting_variable x"_s, u"missing_variable x"_s };
        QTest::newRow("missing variable inside") << u""_s << u"{{> b}}"_s << Library { { u"b"_s, u"{{who}}"_s } }
                                                 << QStringList { u"missing_variable who"_s };
        QTest::newRow("missing deep inside")
            << u""_s << u"{{> a}}"_s << Library { { u"a"_s, u"{{> b}}"_s } } << QStringList { u"missing_include b"_s };
    }
    void includeErrors()
    {
        QFETCH(QString, name);
        QFETCH(QString, text);
        QFETCH(Library, library);
        QFETCH(QStringList, expected);
        RenderOptions options;
        options.name = name;
        const auto rendering = PromptRenderer::render(text, {}, resolverOf(library), options);
        QVERIFY(rendering.text.isEmpty());
        QCOMPARE(summary(rendering.problems), expected);
    }

    void problemsInsideAnIncludeSayWhere()
    {
        const auto rendering = PromptRenderer::render(u"{{> b@production}}", {},
                                                      resolverOf({ { u"b@production"_s, u"ok\n  {{oops"_s } }));
        QCOMPARE(rendering.problems.size(), 1);
        const TemplateProblem &problem = rendering.problems.first();
        QCOMPARE(problem.prompt, QStringLiteral("b@production"));
        QCOMPARE(problem.position.line, 2);
        QCOMPARE(problem.position.column, 3);
        QVERIFY(problem.located().startsWith(QStringLiteral("In “b@production”: Line 2, column 3: ")));
    }

    void aResolversOwnMessageIsKept()
    {
        const IncludeResolver resolve = [](const QString &, const QString &) -> Result<QString> {
            return Error::make(ErrorCode::Unavailable, QStringLiteral("The library is offline."));
        };
        const auto rendering = PromptRenderer::render(u"{{> x}}", {}, resolve);
        QCOMPARE(summary(rendering.problems), QStringList { u"missing_include x"_s });
        QCOMPARE(rendering.problems.first().message, QStringLiteral("The library is offline."));
        // Without a resolver every include is missing.
        QCOMPARE(summary(PromptRenderer::render(u"{{> x}}", {}).problems), QStringList { u"missing_include x"_s });
    }

    void depthLimit_data()
    {
        QTest::addColumn<int>("levels");
        QTest::addColumn<bool>("ok");
        QTest::newRow("10 levels") << 10 << true;
        QTest::newRow("11 levels") << 11 << false;
    }
    void depthLimit()
    {
        QFETCH(int, levels);
        QFETCH(bool, ok);
        Library library;
        for (int i = 1; i < levels; ++i)
            library.insert(QStringLiteral("p%1").arg(i), QStringLiteral("%1{{> p%2}}").arg(i).arg(i + 1));
        library.insert(QStringLiteral("p%1").arg(levels), QStringLiteral("end"));
        const auto rendering = PromptRenderer::render(u"{{> p1}}", {}, resolverOf(library));
        QCOMPARE(rendering.ok(), ok);
        if (ok) {
            QVERIFY(rendering.text.endsWith(QStringLiteral("9end")));
        } else {
            QCOMPARE(rendering.problems.size(), 1);
            QCOMPARE(rendering.problems.first().codeName(), QStringLiteral("include_too_deep"));
            QVERIFY(rendering.problems.first().subject.startsWith(QStringLiteral("p1 > p2 > ")));
        }
    }

    // A prompt met first near the top and later deeper is checked at both depths.
    void depthLimitOfAPromptMetTwice()
    {
        Library library;
        for (int i = 1; i < 10; ++i)
            library.insert(QStringLiteral("p%1").arg(i), QStringLiteral("{{> p%1}}").arg(i + 1));
        library.insert(QStringLiteral("p10"), QStringLiteral("end"));
        library.insert(QStringLiteral("q"), QStringLiteral("{{> p1}}"));
        QVERIFY(PromptRenderer::render(u"{{> p3}}{{> p1}}", {}, resolverOf(library)).ok());
        const auto rendering = PromptRenderer::render(u"{{> p3}}{{> q}}", {}, resolverOf(library));
        QCOMPARE(rendering.problems.size(), 1);
        QCOMPARE(rendering.problems.first().codeName(), QStringLiteral("include_too_deep"));
    }

    void includesFanOutWithoutBlowingUp()
    {
        Library library { { u"b0"_s, u"x"_s } };
        for (int i = 1; i <= 9; ++i)
            library.insert(QStringLiteral("b%1").arg(i), QStringLiteral("{{> b%1}}{{> b%1}}").arg(i - 1));
        int calls = 0;
        auto rendering = PromptRenderer::render(u"{{> b9}}", {}, resolverOf(library, &calls));
        QVERIFY(rendering.ok());
        QCOMPARE(rendering.text, QString(512, u'x'));
        QCOMPARE(calls, 10);
        RenderOptions small;
        small.maxLength = 500;
        rendering = PromptRenderer::render(u"{{> b9}}", {}, resolverOf(library), small);
        QCOMPARE(summary(rendering.problems), QStringList { u"too_long "_s });
    }

    void variablesAcrossIncludes()
    {
        const Library library { { u"inc"_s, u"{{c : choice(x, y)}} {{b = hi}}"_s } };
        const auto found
            = PromptRenderer::variablesOf(u"{{b}} {{> inc}}\n{{a : number = 2}} {{> gone}}", resolverOf(library));
        QCOMPARE(summary(found.problems), QStringList { u"missing_include gone"_s });
        QCOMPARE(found.variables.size(), 3);
        QCOMPARE(found.variables[0].name, QStringLiteral("b"));
        QCOMPARE(found.variables[0].defaultValue, std::optional<QString>(QStringLiteral("hi")));
        QCOMPARE(found.variables[0].prompt, QString());
        QCOMPARE(found.variables[1].name, QStringLiteral("c"));
        QCOMPARE(found.variables[1].type, PromptVariableType::Choice);
        QCOMPARE(found.variables[1].choices, QStringList({ u"x"_s, u"y"_s }));
        QCOMPARE(found.variables[1].prompt, QStringLiteral("inc"));
        QCOMPARE(found.variables[2].name, QStringLiteral("a"));
        QCOMPARE(found.variables[2].type, PromptVariableType::Number);
        QCOMPARE(found.variables[2].position.line, 2);
        QCOMPARE(found.variables[2].position.column, 1);
    }

    void parsedPieces()
    {
        const auto parsed = PromptTemplate::parse(u"a {{x}} {{> p@production}} {{x = 1}} {{> q@7}}");
        QVERIFY(parsed);
        QCOMPARE(parsed->variables().size(), 1);
        QCOMPARE(parsed->includes().size(), 2);
        QCOMPARE(parsed->includes()[0].ref, QStringLiteral("production"));
        QCOMPARE(parsed->includes()[0].version(), std::nullopt);
        QCOMPARE(parsed->includes()[1].version(), std::optional<int>(7));
        QCOMPARE(parsed->includes()[1].spec(), QStringLiteral("q@7"));
        QCOMPARE(parsed->includes()[1].position.offset, 37);
    }

    void chat()
    {
        const QList<ChatMessage> messages {
            { u"system"_s, u"You are {{tone : choice(formal, casual) = formal}}."_s },
            { u"user"_s, u"{{question}} ({{tone}})"_s },
        };
        auto rendering = PromptRenderer::renderChat(messages, valuesOf({ u"question=Why?"_s }));
        QVERIFY(rendering.ok());
        QCOMPARE(rendering.messages,
                 QList<ChatMessage>({ { u"system"_s, u"You are formal."_s }, { u"user"_s, u"Why? (formal)"_s } }));

        rendering = PromptRenderer::renderChat(messages, valuesOf({ u"tone=rude"_s }));
        QVERIFY(rendering.messages.isEmpty());
        QCOMPARE(summary(rendering.problems),
                 QStringList({ u"invalid_choice tone"_s, u"missing_variable question"_s }));
        for (const TemplateProblem &problem : rendering.problems)
            QCOMPARE(problem.messageIndex, problem.subject == QLatin1String("tone") ? 0 : 1);

        rendering = PromptRenderer::renderChat({ { u"system"_s, u"ok"_s }, { u"user"_s, u"{{broken"_s } }, {});
        QCOMPARE(rendering.problems.size(), 1);
        QCOMPARE(rendering.problems.first().messageIndex, 1);
        QVERIFY(quire::shared::toJson(rendering.problems.first())["message_index"] == 1);

        const auto conflict
            = PromptRenderer::variablesOfChat({ { u"a"_s, u"{{x : number}}"_s }, { u"b"_s, u"{{x = y}}"_s } });
        QCOMPARE(summary(conflict.problems), QStringList { u"invalid_number x"_s });
    }

    void chatJson()
    {
        const auto json = nlohmann::json::parse(R"([{"role":"user","content":"{{q}}","name":"kept?"}])");
        const auto messages = PromptRenderer::chatFromJson(json);
        QVERIFY(messages);
        QCOMPARE(messages->size(), 1);
        QVERIFY(PromptRenderer::chatToJson(*messages)
                == nlohmann::json::parse(R"([{"role":"user","content":"{{q}}"}])"));
        for (const char *bad : { "{}", "[1]", R"([{"role":"user"}])", R"([{"role":1,"content":"x"}])" })
            QVERIFY2(!PromptRenderer::chatFromJson(nlohmann::json::parse(bad)), bad);
    }

    void escapeRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : { "", "plain", "{{a}}", "{{", "}}", "\\{{", "\\\\{{{", "{{{{", "{{{", "a\\", "\\",
                                  "\\\\", "x{{> y}}z", "{{ a : number }}\n\\{{b}}", "🎉{{名前}}" })
            QTest::newRow(text) << QString::fromUtf8(text);
    }
    void escapeRoundTrips()
    {
        QFETCH(QString, text);
        const QString escaped = PromptTemplate::escape(text);
        const auto parsed = PromptTemplate::parse(escaped);
        QVERIFY(parsed);
        QVERIFY(parsed->variables().isEmpty());
        const auto rendering = PromptRenderer::render(escaped, {});
        QVERIFY(rendering.ok());
        QCOMPARE(rendering.text, text);
    }

    void tokens_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected"); // kind@start+length per token
        QTest::newRow("none") << u"plain"_s << u""_s;
        QTest::newRow("variable") << u"a {{ name }} b"_s << u"V@2+10:name@5+4"_s;
        QTest::newRow("include") << u"{{> p@production}}"_s << u"I@0+18:p@4+1"_s;
        QTest::newRow("escape") << u"x \\{{y}}"_s << u"E@2+3"_s;
        QTest::newRow("escaped backslash then tag") << u"\\\\{{y}}"_s << u"E@0+2 V@2+5:y@4+1"_s;
        QTest::newRow("broken tag") << u"{{a b}} {{c}}"_s << u"X@0+7:a@2+1 V@8+5:c@10+1"_s;
        QTest::newRow("unclosed") << u"ok {{c}} {{d"_s << u"V@3+5:c@5+1 X@9+3"_s;
    }
    void tokens()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        QStringList got;
        for (const TemplateToken &token : PromptTemplate::tokenize(line)) {
            static const char kinds[] = { 'V', 'I', 'E', 'X' };
            QString text = QStringLiteral("%1@%2+%3")
                               .arg(QLatin1Char(kinds[int(token.kind)]))
                               .arg(token.start)
                               .arg(token.length);
            if (token.nameLength > 0)
                text += QStringLiteral(":%1@%2+%3").arg(token.name).arg(token.nameStart).arg(token.nameLength);
            got << text;
        }
        QCOMPARE(got.join(QLatin1Char(' ')), expected);
    }

    void veryLongInput()
    {
        QString text;
        Values values;
        for (int i = 0; i < 20000; ++i) {
            text += QStringLiteral("Line %1 says {{v%1}} and {{shared = s}} \\{{not}}\n").arg(i);
            values.insert(QStringLiteral("v%1").arg(i), QString::number(i));
        }
        const auto rendering = PromptRenderer::render(text, values);
        QVERIFY(rendering.ok());
        QVERIFY(rendering.text.endsWith(QStringLiteral("Line 19999 says 19999 and s {{not}}\n")));
        // One very long line with the mistake at its end.
        const QString line = QString(200000, u'a') + QStringLiteral("{{oops");
        const auto problems = PromptTemplate::problems(line);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().position.column, 200001);
    }
};

QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "tst_prompttemplate.moc"
