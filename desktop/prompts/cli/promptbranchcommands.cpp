// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/cli/promptbranchcommands.h"

#include "desktop/cli/tr.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptbranches.h"
#include "desktop/prompts/core/promptlookup.h"
#include "desktop/prompts/core/promptstore.h"
#include "shared/jsonqt.h"

#include <QTextStream>

namespace quire::cli {

using desktop::PromptStore;
using shared::PromptBranchMerge;

PromptBranchCommands::PromptBranchCommands(CliSupport &support)
    : m_cli(support)
{ }

int PromptBranchCommands::run(const QString &profile, const QString &action, QStringList args)
{
    auto ws = m_cli.openWorkspace(profile);
    if (!ws)
        return Failure;
    if (ws->accountId().isEmpty())
        return m_cli.fail(shared::Error::make(shared::ErrorCode::NoAccount,
                                              Tr::tr("Sign in once (quire-cli login) so branches have an owner.")));
    return action == QLatin1String("branch") ? branch(*ws, args) : merge(*ws, args);
}

QString PromptBranchCommands::promptId(desktop::Workspace &ws, const QString &idOrName, int &exitCode)
{
    const std::optional<nlohmann::json> row
        = m_cli.found(desktop::PromptLookup(ws.replica().database(), ws.accountId()).find(idOrName),
                      Tr::tr("There is no prompt %1 here.").arg(idOrName), exitCode);
    return row ? shared::textOf(*row, "id") : QString();
}

int PromptBranchCommands::branch(desktop::Workspace &ws, QStringList args)
{
    bool bad = false;
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    const QString title = CliSupport::takeOption(args, QStringLiteral("--title"), bad).value_or(QString());
    if (bad)
        return m_cli.usage(Tr::tr("an option is missing its value"));
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("prompts branch needs one ID or name"));
    int code = Ok;
    const QString parent = promptId(ws, args.first(), code);
    if (parent.isEmpty())
        return code;
    PromptStore store(ws.content(), ws.replica().database());
    shared::Result<QString> id = desktop::PromptBranches(store).branch(parent, ws.accountId(), title);
    if (!id)
        return m_cli.fail(id.error());
    shared::Result<std::optional<nlohmann::json>> row = store.get(*id);
    if (!row)
        return m_cli.fail(row.error());
    const QString name = *row ? shared::textOf(**row, "name") : QString();
    if (json)
        m_cli.printJson({ { "id", *id }, { "name", name }, { "branch_of", parent } });
    else
        m_cli.out() << *id << QStringLiteral("  ") << name << Qt::endl;
    return Ok;
}

int PromptBranchCommands::merge(desktop::Workspace &ws, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    const bool takeBranch = CliSupport::takeSwitch(args, QStringLiteral("--take-branch"));
    const bool takeParent = CliSupport::takeSwitch(args, QStringLiteral("--take-parent"));
    if (takeBranch && takeParent)
        return m_cli.usage(Tr::tr("choose one of --take-branch and --take-parent"));
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("prompts merge needs one branch ID or name"));
    int code = Ok;
    const QString branchId = promptId(ws, args.first(), code);
    if (branchId.isEmpty())
        return code;
    PromptStore store(ws.content(), ws.replica().database());
    desktop::PromptBranches branches(store);
    shared::Result<PromptBranchMerge> preview = branches.preview(branchId);
    if (!preview)
        return m_cli.fail(preview.error());
    QMap<QString, QString> chosen;
    if (takeBranch || takeParent) {
        for (const PromptBranchMerge::Clash &c : preview->clashes)
            chosen.insert(c.column, takeBranch ? c.theirs : c.ours);
    } else if (!preview->clashes.isEmpty()) {
        // Nothing is written: the user settles the clashes, here or in the desktop's Merge Back.
        if (json) {
            nlohmann::json clashes = nlohmann::json::array();
            for (const PromptBranchMerge::Clash &c : preview->clashes)
                clashes.push_back({ { "field", c.column },
                                    { "base", c.base },
                                    { "ours", c.ours },
                                    { "theirs", c.theirs },
                                    { "reason", c.reason } });
            m_cli.printJson({ { "merged", false }, { "clashes", clashes } });
        } else {
            for (const PromptBranchMerge::Clash &c : preview->clashes)
                m_cli.out() << Tr::tr("Clash in %1: %2").arg(c.column, c.reason) << Qt::endl
                            << Tr::tr("  parent: %1").arg(c.ours) << Qt::endl
                            << Tr::tr("  branch: %1").arg(c.theirs) << Qt::endl;
            m_cli.err() << Tr::tr("Nothing merged: settle the clashes with --take-branch or --take-parent.")
                        << Qt::endl;
        }
        return Failure;
    }
    shared::Result<QString> version = branches.mergeBack(branchId, ws.accountId(), chosen);
    if (!version)
        return m_cli.fail(version.error());
    if (json)
        m_cli.printJson({ { "merged", true }, { "version_id", *version } });
    else
        m_cli.out() << Tr::tr("Merged; new version %1").arg(*version) << Qt::endl;
    return Ok;
}

} // namespace quire::cli
