// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/cli/promptgroupcommands.h"

#include "desktop/cli/tr.h"
#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/groupmemberlistmodel.h"
#include "desktop/prompts/core/groupstore.h"
#include "desktop/prompts/core/promptlookup.h"
#include "shared/jsonqt.h"

#include <QTextStream>

namespace quire::cli {

using desktop::GroupStore;

namespace {

QString accessName(desktop::GroupAccess access)
{
    switch (access) {
    case desktop::GroupAccess::Owner:
        return QStringLiteral("owner");
    case desktop::GroupAccess::Editor:
        return shared::kShareRoles.name(shared::ShareRole::Editor);
    case desktop::GroupAccess::Viewer:
        break;
    }
    return shared::kShareRoles.name(shared::ShareRole::Viewer);
}

nlohmann::json groupJson(const desktop::GroupSummary &g)
{
    return { { "id", g.id },
             { "name", g.name },
             { "description", g.description },
             { "owner_id", g.ownerId },
             { "access", accessName(g.access) },
             { "members", g.memberCount } };
}

} // namespace

PromptGroupCommands::PromptGroupCommands(CliSupport &support)
    : m_cli(support)
{ }

int PromptGroupCommands::run(const QString &profile, QStringList args)
{
    if (args.isEmpty())
        return m_cli.usage(Tr::tr("prompts groups needs list, show, create, add, remove, move or pin"));
    const QString action = args.takeFirst();
    using Handler = int (PromptGroupCommands::*)(GroupStore &, QStringList);
    const QList<std::pair<const char *, Handler>> handlers {
        { "list", &PromptGroupCommands::list },     { "show", &PromptGroupCommands::show },
        { "create", &PromptGroupCommands::create }, { "add", &PromptGroupCommands::add },
        { "remove", &PromptGroupCommands::remove }, { "move", &PromptGroupCommands::move },
        { "pin", &PromptGroupCommands::pin },
    };
    Handler handler = nullptr;
    for (const auto &[name, h] : handlers) {
        if (action == QLatin1String(name))
            handler = h;
    }
    if (!handler)
        return m_cli.usage(Tr::tr("unknown prompts groups command %1").arg(action));
    auto ws = m_cli.openWorkspace(profile);
    if (!ws)
        return Failure;
    m_ws = ws.get();
    GroupStore store(*ws);
    return (this->*handler)(store, args);
}

QString PromptGroupCommands::groupId(GroupStore &store, const QString &idOrName, int &exitCode)
{
    const std::optional<desktop::GroupSummary> g
        = m_cli.found(store.query().find(idOrName), Tr::tr("There is no group %1 here.").arg(idOrName), exitCode);
    return g ? g->id : QString();
}

QString PromptGroupCommands::memberId(GroupStore &store, const QString &group, const QString &prompt, int &exitCode)
{
    shared::Result<std::optional<nlohmann::json>> row
        = desktop::PromptLookup(m_ws->replica().database(), m_ws->accountId()).find(prompt);
    shared::Result<QList<desktop::GroupMember>> members = store.query().members(group);
    if (!row || !members) {
        exitCode = m_cli.fail(!row ? row.error() : members.error());
        return {};
    }
    const QString promptId = *row ? QString::fromStdString((**row).value("id", std::string())) : prompt;
    for (const desktop::GroupMember &m : std::as_const(*members)) {
        if (m.promptId == promptId)
            return m.id;
    }
    m_cli.err() << Tr::tr("The prompt %1 is not in this group.").arg(prompt) << Qt::endl;
    exitCode = NotFound;
    return {};
}

int PromptGroupCommands::list(GroupStore &store, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    shared::Result<QList<desktop::GroupSummary>> groups = store.query().groups();
    if (!groups)
        return m_cli.fail(groups.error());
    if (json) {
        nlohmann::json array = nlohmann::json::array();
        for (const desktop::GroupSummary &g : std::as_const(*groups))
            array.push_back(groupJson(g));
        m_cli.printJson(array);
        return Ok;
    }
    for (const desktop::GroupSummary &g : std::as_const(*groups)) {
        m_cli.out() << QStringLiteral("%1  %2  %3  %4")
                           .arg(g.id, accessName(g.access).leftJustified(6),
                                Tr::tr("%n prompt(s)", nullptr, g.memberCount).leftJustified(11), g.name)
                    << Qt::endl;
    }
    if (groups->isEmpty())
        m_cli.out() << Tr::tr("No groups yet.") << Qt::endl;
    return Ok;
}

int PromptGroupCommands::show(GroupStore &store, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("prompts groups show needs one group"));
    int code = Ok;
    const QString id = groupId(store, args.first(), code);
    if (id.isEmpty())
        return code;
    const desktop::GroupQuery query = store.query();
    shared::Result<std::optional<desktop::GroupSummary>> group = query.group(id);
    shared::Result<QList<desktop::GroupMember>> members = query.members(id);
    shared::Result<QList<desktop::GroupShare>> shares = query.shares(id);
    if (!group || !members || !shares)
        return m_cli.fail(!group ? group.error() : !members ? members.error() : shares.error());
    if (json) {
        nlohmann::json out = groupJson(**group);
        out["prompts"] = nlohmann::json::array();
        for (const desktop::GroupMember &m : std::as_const(*members)) {
            out["prompts"].push_back({ { "member_id", m.id },
                                       { "prompt_id", m.promptId },
                                       { "title", m.promptTitle },
                                       { "name", m.promptName },
                                       { "position", m.position },
                                       { "pinned_version_id", m.pinnedVersionId },
                                       { "pinned_label", m.pinnedLabel },
                                       { "version_id", m.resolved.versionId },
                                       { "version", m.resolved.number } });
        }
        out["shares"] = nlohmann::json::array();
        for (const desktop::GroupShare &s : std::as_const(*shares)) {
            out["shares"].push_back({ { "id", s.id },
                                      { "user_id", s.userId },
                                      { "email", s.email },
                                      { "role", shared::kShareRoles.name(s.role) } });
        }
        m_cli.printJson(out);
        return Ok;
    }
    m_cli.out() << (*group)->name << Qt::endl;
    int n = 0;
    for (const desktop::GroupMember &m : std::as_const(*members)) {
        m_cli.out() << QStringLiteral("%1. %2  (%3)")
                           .arg(QString::number(++n), m.promptTitle, desktop::GroupMemberListModel::pinText(m))
                    << Qt::endl;
    }
    if (members->isEmpty())
        m_cli.out() << Tr::tr("No prompts in this group yet: prompts groups add GROUP PROMPT.") << Qt::endl;
    return Ok;
}

int PromptGroupCommands::create(GroupStore &store, QStringList args)
{
    bool bad = false;
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    const auto name = CliSupport::takeOption(args, QStringLiteral("--name"), bad);
    const auto description = CliSupport::takeOption(args, QStringLiteral("--description"), bad);
    if (bad || !name)
        return m_cli.usage(Tr::tr("prompts groups create needs --name"));
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    shared::Result<QString> id = store.createGroup(*name, description.value_or(QString()));
    if (!id)
        return m_cli.fail(id.error());
    return m_cli.printCreated(*id, json);
}

int PromptGroupCommands::add(GroupStore &store, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    if (args.size() != 2)
        return m_cli.usage(Tr::tr("prompts groups add needs a group and a prompt"));
    int code = Ok;
    const QString group = groupId(store, args.at(0), code);
    if (group.isEmpty())
        return code;
    shared::Result<std::optional<nlohmann::json>> prompt
        = desktop::PromptLookup(m_ws->replica().database(), m_ws->accountId()).find(args.at(1));
    if (!prompt)
        return m_cli.fail(prompt.error());
    if (!*prompt) {
        m_cli.err() << Tr::tr("There is no prompt %1 here.").arg(args.at(1)) << Qt::endl;
        return NotFound;
    }
    shared::Result<QString> id = store.addMember(group, QString::fromStdString((**prompt).value("id", std::string())));
    if (!id)
        return m_cli.fail(id.error());
    if (json)
        m_cli.printJson({ { "id", *id } });
    return Ok;
}

int PromptGroupCommands::remove(GroupStore &store, QStringList args)
{
    if (args.size() != 2)
        return m_cli.usage(Tr::tr("prompts groups remove needs a group and a prompt"));
    int code = Ok;
    const QString group = groupId(store, args.at(0), code);
    const QString member = group.isEmpty() ? QString() : memberId(store, group, args.at(1), code);
    if (member.isEmpty())
        return code;
    if (shared::VoidResult r = store.removeMember(member); !r)
        return m_cli.fail(r.error());
    return Ok;
}

int PromptGroupCommands::move(GroupStore &store, QStringList args)
{
    bool bad = false;
    const auto to = CliSupport::takeOption(args, QStringLiteral("--to"), bad);
    bool number = false;
    const int place = to ? to->toInt(&number) : 0;
    if (bad || !to || !number || place < 1 || args.size() != 2)
        return m_cli.usage(Tr::tr("prompts groups move needs a group, a prompt and --to N (1 is first)"));
    int code = Ok;
    const QString group = groupId(store, args.at(0), code);
    const QString member = group.isEmpty() ? QString() : memberId(store, group, args.at(1), code);
    if (member.isEmpty())
        return code;
    if (shared::VoidResult r = store.moveMember(member, place - 1); !r)
        return m_cli.fail(r.error());
    return Ok;
}

int PromptGroupCommands::pin(GroupStore &store, QStringList args)
{
    bool bad = false;
    const auto version = CliSupport::takeOption(args, QStringLiteral("--version"), bad);
    const auto label = CliSupport::takeOption(args, QStringLiteral("--label"), bad);
    const bool latest = CliSupport::takeSwitch(args, QStringLiteral("--latest"));
    if (bad || args.size() != 2 || int(version.has_value()) + int(label.has_value()) + int(latest) != 1)
        return m_cli.usage(
            Tr::tr("prompts groups pin needs a group, a prompt and one of --version N, --label L, --latest"));
    int code = Ok;
    const QString group = groupId(store, args.at(0), code);
    const QString member = group.isEmpty() ? QString() : memberId(store, group, args.at(1), code);
    if (member.isEmpty())
        return code;
    shared::VoidResult r = shared::VoidResult::success();
    if (label) {
        r = store.pinLabel(member, *label);
    } else if (latest) {
        r = store.unpin(member);
    } else {
        // By number as people see it, or by the version's id.
        QString versionId = *version;
        const desktop::GroupQuery query = store.query();
        shared::Result<QList<desktop::GroupMember>> members = query.members(group);
        if (!members)
            return m_cli.fail(members.error());
        for (const desktop::GroupMember &m : std::as_const(*members)) {
            if (m.id != member)
                continue;
            shared::Result<QList<desktop::PromptVersionSummary>> versions = query.versions(m.promptId);
            if (!versions)
                return m_cli.fail(versions.error());
            for (const desktop::PromptVersionSummary &v : std::as_const(*versions)) {
                if (v.number == *version)
                    versionId = v.id;
            }
        }
        r = store.pinVersion(member, versionId);
    }
    if (!r)
        return m_cli.fail(r.error());
    return Ok;
}

} // namespace quire::cli
