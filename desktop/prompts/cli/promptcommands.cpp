// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/cli/promptcommands.h"

#include "desktop/cli/tr.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/cli/promptbranchcommands.h"
#include "desktop/prompts/cli/promptgroupcommands.h"
#include "desktop/prompts/core/groupquery.h"
#include "desktop/prompts/core/promptlookup.h"
#include "desktop/prompts/core/promptquery.h"
#include "desktop/prompts/core/promptstore.h"
#include "shared/jsonqt.h"
#include "shared/promptnames.h"
#include "shared/promptrenderer.h"
#include "shared/synctable.h"

#include <QTextStream>

namespace quire::cli {

using desktop::PromptStore;

namespace {

QString text(const nlohmann::json &row, const char *key)
{
    const auto it = row.find(key);
    return it != row.end() && it->is_string() ? it->get<QString>() : QString();
}

nlohmann::json jsonList(const QStringList &items)
{
    nlohmann::json array = nlohmann::json::array();
    for (const QString &i : items)
        array.push_back(i.toStdString());
    return array;
}

PromptStore storeOf(desktop::Workspace &ws)
{
    return PromptStore(ws.content(), ws.replica().database());
}

} // namespace

PromptCommands::PromptCommands(CliSupport &support)
    : m_cli(support)
{ }

QList<CliCommand> PromptCommands::commands()
{
    return {
        { QStringLiteral("prompts"),
          Tr::tr("  prompts list [--search Q] [--tag T] [--template] [--favorites] [--json]\n"
                 "  prompts show ID|NAME [--json]\n"
                 "  prompts create --title T [FIELDS] [--json]   (prints the id)\n"
                 "  prompts edit ID|NAME [FIELDS]\n"
                 "    FIELDS: --name N --content TEXT | --content-file F --description D --category C\n"
                 "            --tags a,b --template | --no-template\n"
                 "  prompts favourite|unfavourite ID|NAME\n"
                 "  prompts versions ID|NAME [--json]\n"
                 "  prompts render ID|NAME [--var NAME=VALUE]... [--json]   (records the use)\n"
                 "  prompts branch ID|NAME [--title T] [--json]   (your copy to edit, offline too)\n"
                 "  prompts merge BRANCH [--take-branch | --take-parent] [--json]   (clashes: exit 1)\n"
                 "  prompts groups list [--json] | show GROUP [--json] | create --name N [--description D] [--json]\n"
                 "  prompts groups add|remove GROUP PROMPT | move GROUP PROMPT --to N (1: first)\n"
                 "  prompts groups pin GROUP PROMPT --version N | --label L | --latest\n"
                 "                 The prompt library in the replica (offline too; F may be -).\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return PromptCommands(cli).run(profile, args);
          } },
    };
}

int PromptCommands::run(const QString &profile, QStringList args)
{
    if (args.isEmpty())
        return m_cli.usage(Tr::tr("prompts needs list, show, create, edit, render, favourite, unfavourite, versions, "
                                  "branch, merge or groups"));
    const QString action = args.takeFirst();
    if (action == QLatin1String("groups"))
        return PromptGroupCommands(m_cli).run(profile, args);
    if (action == QLatin1String("branch") || action == QLatin1String("merge"))
        return PromptBranchCommands(m_cli).run(profile, action, args);
    using Handler = int (PromptCommands::*)(desktop::Workspace &, QStringList);
    const QList<std::pair<const char *, Handler>> handlers {
        { "list", &PromptCommands::list },         { "show", &PromptCommands::show },
        { "create", &PromptCommands::create },     { "edit", &PromptCommands::edit },
        { "versions", &PromptCommands::versions }, { "render", &PromptCommands::render },
    };
    const bool star = action == QLatin1String("favourite") || action == QLatin1String("favorite");
    const bool unstar = action == QLatin1String("unfavourite") || action == QLatin1String("unfavorite");
    Handler handler = nullptr;
    for (const auto &[name, h] : handlers) {
        if (action == QLatin1String(name))
            handler = h;
    }
    if (!handler && !star && !unstar)
        return m_cli.usage(Tr::tr("unknown prompts command %1").arg(action));
    auto ws = m_cli.openWorkspace(profile);
    if (!ws)
        return Failure;
    if (star || unstar)
        return favourite(*ws, args, star);
    return (this->*handler)(*ws, args);
}

int PromptCommands::list(desktop::Workspace &ws, QStringList args)
{
    bool bad = false;
    desktop::PromptQuery query;
    query.userId = ws.accountId();
    query.sort = desktop::PromptQuery::Sort::Title;
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    query.templatesOnly = CliSupport::takeSwitch(args, QStringLiteral("--template"));
    // Both spellings are taken out of the arguments, whichever was given.
    const bool favorites = CliSupport::takeSwitch(args, QStringLiteral("--favorites"));
    const bool favourites = CliSupport::takeSwitch(args, QStringLiteral("--favourites"));
    query.favouritesOnly = favorites || favourites;
    if (const auto search = CliSupport::takeOption(args, QStringLiteral("--search"), bad)) {
        query.text = *search;
        query.sort = desktop::PromptQuery::Sort::Relevance;
    }
    query.tag = CliSupport::takeOption(args, QStringLiteral("--tag"), bad).value_or(QString());
    if (bad)
        return m_cli.usage(Tr::tr("an option is missing its value"));
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    shared::Result<QList<desktop::PromptSummary>> rows = query.run(ws.replica().database());
    if (!rows)
        return m_cli.fail(rows.error());
    if (json) {
        nlohmann::json array = nlohmann::json::array();
        for (const desktop::PromptSummary &p : std::as_const(*rows)) {
            array.push_back({ { "id", p.id },
                              { "title", p.title },
                              { "name", p.name },
                              { "category", p.category },
                              { "tags", jsonList(p.tags) },
                              { "is_template", p.isTemplate },
                              { "favorite", p.favourite },
                              { "updated_at", p.updatedAt } });
        }
        m_cli.printJson(array);
        return Ok;
    }
    for (const desktop::PromptSummary &p : std::as_const(*rows)) {
        m_cli.out() << QStringLiteral("%1  %2%3  %4")
                           .arg(p.id, p.favourite ? QStringLiteral("* ") : QStringLiteral("  "),
                                p.name.leftJustified(24), p.title)
                    << Qt::endl;
    }
    if (rows->isEmpty())
        m_cli.out() << Tr::tr("No prompts found.") << Qt::endl;
    return Ok;
}

std::optional<nlohmann::json> PromptCommands::prompt(desktop::Workspace &ws, const QString &idOrName, int &exitCode)
{
    return m_cli.found(desktop::PromptLookup(ws.replica().database(), ws.accountId()).find(idOrName),
                       Tr::tr("There is no prompt %1 here.").arg(idOrName), exitCode);
}

int PromptCommands::show(desktop::Workspace &ws, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("prompts show needs one ID or name"));
    int code = Ok;
    std::optional<nlohmann::json> row = prompt(ws, args.first(), code);
    if (!row)
        return code;
    shared::Result<bool> favourite = storeOf(ws).isFavourite(text(*row, "id"), ws.accountId());
    if (!favourite)
        return m_cli.fail(favourite.error());
    (*row)["favorite"] = *favourite;
    if (json) {
        m_cli.printJson(*row);
        return Ok;
    }
    m_cli.out() << text(*row, "title") << (*favourite ? QStringLiteral(" *") : QString()) << Qt::endl
                << Tr::tr("Name: %1   Template: %2   Updated: %3")
                       .arg(text(*row, "name"),
                            text(*row, "is_template") == shared::kFlags.name(true) ? Tr::tr("yes") : Tr::tr("no"),
                            text(*row, "updated_at"))
                << Qt::endl
                << Qt::endl
                << text(*row, "content") << Qt::endl;
    return Ok;
}

std::optional<nlohmann::json> PromptCommands::readFields(QStringList &args, int &exitCode)
{
    bool bad = false;
    nlohmann::json fields = nlohmann::json::object();
    // Plain text options map to the prompt's fields of the same name.
    for (const char *name : { "title", "name", "content", "description", "category" }) {
        if (const auto value = CliSupport::takeOption(args, QStringLiteral("--") + QLatin1String(name), bad))
            fields[name] = *value;
    }
    if (CliSupport::takeSwitch(args, QStringLiteral("--template")))
        fields["is_template"] = shared::kFlags.name(true);
    if (CliSupport::takeSwitch(args, QStringLiteral("--no-template")))
        fields["is_template"] = shared::kFlags.name(false);
    if (const auto tags = CliSupport::takeList(args, QStringLiteral("--tags"), bad))
        fields["tags"] = shared::listText(*tags);
    if (const auto file = CliSupport::takeOption(args, QStringLiteral("--content-file"), bad)) {
        if (fields.contains("content")) {
            exitCode = m_cli.usage(Tr::tr("give --content or --content-file, not both"));
            return std::nullopt;
        }
        shared::Result<QString> content = m_cli.readTextFile(*file);
        if (!content) {
            exitCode = m_cli.fail(content.error());
            return std::nullopt;
        }
        fields["content"] = *content;
    }
    if (bad) {
        exitCode = m_cli.usage(Tr::tr("an option is missing its value"));
        return std::nullopt;
    }
    return fields;
}

int PromptCommands::create(desktop::Workspace &ws, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    int code = Ok;
    std::optional<nlohmann::json> fields = readFields(args, code);
    if (!fields)
        return code;
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    if (!fields->contains("title"))
        return m_cli.usage(Tr::tr("prompts create needs --title"));
    const QString owner = ws.accountId();
    if (owner.isEmpty())
        return m_cli.fail(shared::Error::make(shared::ErrorCode::NoAccount,
                                              Tr::tr("Sign in once (quire-cli login) so new prompts have an owner.")));
    PromptStore store = storeOf(ws);
    shared::Result<QString> id = store.create(*fields, owner);
    if (!id)
        return m_cli.fail(id.error());
    // A command is one editing session: its content is the first version.
    if (shared::Result<std::optional<QString>> v = store.saveVersionIfChanged(*id, owner); !v)
        return m_cli.fail(v.error());
    return m_cli.printCreated(*id, json);
}

int PromptCommands::edit(desktop::Workspace &ws, QStringList args)
{
    int code = Ok;
    const std::optional<nlohmann::json> fields = readFields(args, code);
    if (!fields)
        return code;
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("prompts edit needs one ID or name"));
    if (fields->empty())
        return m_cli.usage(Tr::tr("prompts edit needs at least one field to change"));
    const std::optional<nlohmann::json> row = prompt(ws, args.first(), code);
    if (!row)
        return code;
    PromptStore store = storeOf(ws);
    if (shared::VoidResult r = store.update(text(*row, "id"), *fields); !r)
        return m_cli.fail(r.error());
    if (shared::Result<std::optional<QString>> v = store.saveVersionIfChanged(text(*row, "id"), ws.accountId()); !v)
        return m_cli.fail(v.error());
    return Ok;
}

int PromptCommands::favourite(desktop::Workspace &ws, QStringList args, bool on)
{
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("prompts favourite and unfavourite need one ID or name"));
    int code = Ok;
    const std::optional<nlohmann::json> row = prompt(ws, args.first(), code);
    if (!row)
        return code;
    if (shared::VoidResult r = storeOf(ws).setFavourite(text(*row, "id"), ws.accountId(), on); !r)
        return m_cli.fail(r.error());
    return Ok;
}

int PromptCommands::versions(desktop::Workspace &ws, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("prompts versions needs one ID or name"));
    int code = Ok;
    const std::optional<nlohmann::json> row = prompt(ws, args.first(), code);
    if (!row)
        return code;
    shared::Result<QList<desktop::PromptVersion>> versions = storeOf(ws).versionsOf(text(*row, "id"));
    if (!versions)
        return m_cli.fail(versions.error());
    if (json) {
        nlohmann::json array = nlohmann::json::array();
        for (const desktop::PromptVersion &v : std::as_const(*versions)) {
            array.push_back({ { "id", v.id },
                              { "number", v.number },
                              { "message", v.message },
                              { "created_at", v.createdAt },
                              { "labels", jsonList(v.labels) },
                              { "content", v.body.value("content", std::string()) } });
        }
        m_cli.printJson(array);
        return Ok;
    }
    for (const desktop::PromptVersion &v : std::as_const(*versions)) {
        m_cli.out() << QStringLiteral("%1  %2  %3  %4")
                           .arg(v.isNumbered() ? v.number.rightJustified(4) : QStringLiteral("   -"), v.createdAt,
                                v.labels.join(QLatin1Char(',')), v.message)
                    << Qt::endl;
    }
    if (versions->isEmpty())
        m_cli.out() << Tr::tr("No versions yet.") << Qt::endl;
    return Ok;
}

shared::IncludeResolver PromptCommands::includes(desktop::Workspace &ws)
{
    // `{{> name}}`: the latest; `@production`: a label; `@3`: version 3.
    return [&ws](const QString &name, const QString &ref) -> shared::Result<QString> {
        const QString userId = ws.accountId();
        shared::Result<std::optional<nlohmann::json>> row
            = desktop::PromptLookup(ws.replica().database(), userId).find(name);
        if (!row)
            return row.error();
        if (!*row)
            return shared::Error::make(shared::ErrorCode::NotFound, Tr::tr("There is no prompt %1 here.").arg(name));
        if (ref.isEmpty())
            return text(**row, "content");
        const desktop::GroupQuery query(ws.replica().database(), userId);
        bool number = false;
        ref.toInt(&number);
        if (number) {
            shared::Result<QList<desktop::PromptVersionSummary>> versions = query.versions(text(**row, "id"));
            if (!versions)
                return versions.error();
            for (const desktop::PromptVersionSummary &v : std::as_const(*versions)) {
                if (v.number != ref)
                    continue;
                shared::Result<desktop::ResolvedVersion> found = query.resolve(text(**row, "id"), v.id, QString());
                if (!found)
                    return found.error();
                return found->content;
            }
        } else if (shared::Result<desktop::ResolvedVersion> v = query.resolve(text(**row, "id"), QString(), ref); !v) {
            return v.error();
        } else if (!v->versionId.isEmpty()) {
            return v->content;
        }
        return shared::Error::make(shared::ErrorCode::NotFound,
                                   Tr::tr("The prompt %1 has no version %2.").arg(name, ref));
    };
}

int PromptCommands::render(desktop::Workspace &ws, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    bool bad = false;
    QHash<QString, QString> values;
    nlohmann::json variables = nlohmann::json::object();
    while (const auto var = CliSupport::takeOption(args, QStringLiteral("--var"), bad)) {
        const qsizetype eq = var->indexOf(QLatin1Char('='));
        if (eq <= 0)
            return m_cli.usage(Tr::tr("--var needs NAME=VALUE, not %1").arg(*var));
        values.insert(var->left(eq), var->mid(eq + 1));
        variables[var->left(eq).toStdString()] = var->mid(eq + 1).toStdString();
    }
    if (bad)
        return m_cli.usage(Tr::tr("an option is missing its value"));
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("prompts render needs one ID or name"));
    int code = Ok;
    const std::optional<nlohmann::json> row = prompt(ws, args.first(), code);
    if (!row)
        return code;
    shared::RenderOptions options;
    options.name = text(*row, "name");
    QList<shared::TemplateProblem> problems;
    nlohmann::json rendered;
    QString plain;
    if (text(*row, "kind") == shared::kPromptKinds.name(shared::PromptKind::Chat)) {
        shared::Result<QList<shared::ChatMessage>> messages = shared::PromptRenderer::chatFromJson(
            nlohmann::json::parse(text(*row, "messages").toStdString(), nullptr, false));
        if (!messages)
            return m_cli.fail(messages.error());
        const shared::ChatRendering chat = shared::PromptRenderer::renderChat(*messages, values, includes(ws), options);
        problems = chat.problems;
        rendered = shared::PromptRenderer::chatToJson(chat.messages);
        for (const shared::ChatMessage &m : chat.messages)
            plain += QStringLiteral("%1: %2\n").arg(m.role, m.content);
    } else {
        const shared::TemplateRendering result
            = shared::PromptRenderer::render(text(*row, "content"), values, includes(ws), options);
        problems = result.problems;
        rendered = result.text.toStdString();
        plain = result.text;
    }
    if (!problems.isEmpty()) {
        nlohmann::json list = nlohmann::json::array();
        for (const shared::TemplateProblem &p : std::as_const(problems)) {
            list.push_back({ { "code", p.codeName().toStdString() },
                             { "subject", p.subject.toStdString() },
                             { "message", p.message.toStdString() } });
            m_cli.err() << p.message << Qt::endl;
        }
        if (json)
            m_cli.printJson({ { "problems", list } });
        return Failure;
    }
    shared::Result<QString> use
        = storeOf(ws).recordUse(text(*row, "id"), shared::PromptUse::Rendered, variables, ws.accountId());
    if (!use)
        return m_cli.fail(use.error());
    if (json)
        m_cli.printJson({ { "text", rendered }, { "usage_id", use->toStdString() } });
    else
        m_cli.out() << plain << Qt::endl;
    return Ok;
}

} // namespace quire::cli
