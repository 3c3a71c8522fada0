// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/cli/articlecommands.h"

#include "desktop/cli/tr.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/workspace.h"
#include "shared/jsonqt.h"
#include "shared/synctable.h"

#include <QTextStream>

namespace quire::cli {

using desktop::ContentStore;

ArticleCommands::ArticleCommands(CliSupport &support)
    : m_cli(support)
{ }

QList<CliCommand> ArticleCommands::commands()
{
    return {
        { QStringLiteral("guides"),
          Tr::tr("  guides list [--json]\n"
                 "  guides show ID [--json]\n"
                 "  guides create --title T [FIELDS] [--json]   (prints the id)\n"
                 "  guides edit ID [--title T] [FIELDS]\n"
                 "    FIELDS: --body-file F --status S --kind guide|case_study --slug S --summary S\n"
                 "            --tags a,b --cover URL --publish-at ISO-8601\n"
                 "  guides delete ID\n"
                 "                 Read and change guides in the replica (offline too; F may be -).\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return ArticleCommands(cli).run(profile, args);
          } },
    };
}

int ArticleCommands::run(const QString &profile, QStringList args)
{
    if (args.isEmpty())
        return m_cli.usage(Tr::tr("guides needs list, show, create, edit or delete"));
    const QString action = args.takeFirst();
    if (action != QLatin1String("list") && action != QLatin1String("show") && action != QLatin1String("create")
        && action != QLatin1String("edit") && action != QLatin1String("delete"))
        return m_cli.usage(Tr::tr("unknown guides command %1").arg(action));
    auto ws = m_cli.openWorkspace(profile);
    if (!ws)
        return Failure;
    if (action == QLatin1String("list"))
        return list(*ws, args);
    if (action == QLatin1String("show"))
        return show(*ws, args);
    if (action == QLatin1String("create"))
        return create(*ws, args);
    if (action == QLatin1String("edit"))
        return edit(*ws, args);
    return remove(*ws, args);
}

int ArticleCommands::list(desktop::Workspace &ws, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    shared::Result<QList<nlohmann::json>> rows = ws.content().list(
        ContentStore::articles(), { QStringLiteral("title"), QStringLiteral("status"), QStringLiteral("updated_at") });
    if (!rows)
        return m_cli.fail(rows.error());
    if (json) {
        nlohmann::json array = nlohmann::json::array();
        for (const nlohmann::json &r : std::as_const(*rows))
            array.push_back(r);
        m_cli.printJson(array);
        return Ok;
    }
    for (const nlohmann::json &r : std::as_const(*rows)) {
        m_cli.out() << QStringLiteral("%1  %2  %3")
                           .arg(QString::fromStdString(r.value("id", std::string())),
                                QString::fromStdString(r.value("status", std::string())).leftJustified(10),
                                QString::fromStdString(r.value("title", std::string())))
                    << Qt::endl;
    }
    if (rows->isEmpty())
        m_cli.out() << Tr::tr("No guides yet.") << Qt::endl;
    return Ok;
}

int ArticleCommands::show(desktop::Workspace &ws, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("guides show needs one ID"));
    int code = Ok;
    const std::optional<nlohmann::json> row = m_cli.found(ws.content().get(ContentStore::articles(), args.first()),
                                                          Tr::tr("There is no guide %1 here.").arg(args.first()), code);
    if (!row)
        return code;
    if (json) {
        m_cli.printJson(*row);
        return Ok;
    }
    const nlohmann::json &r = *row;
    m_cli.out() << QString::fromStdString(r.value("title", std::string())) << Qt::endl
                << Tr::tr("Status: %1   Updated: %2   Revision: %3")
                       .arg(QString::fromStdString(r.value("status", std::string())),
                            QString::fromStdString(r.value("updated_at", std::string())))
                       .arg(r.value("rev", qint64(0)))
                << Qt::endl
                << Qt::endl
                << shared::Utf8::decode(r.value("body", std::string())) << Qt::endl;
    return Ok;
}

std::optional<nlohmann::json> ArticleCommands::readFields(QStringList &args, int &exitCode)
{
    bool bad = false;
    nlohmann::json fields = nlohmann::json::object();
    if (const auto title = CliSupport::takeOption(args, QStringLiteral("--title"), bad))
        fields["title"] = *title;
    if (const auto status = CliSupport::takeOption(args, QStringLiteral("--status"), bad))
        fields["status"] = *status;
    // Plain text options map to the article's fields of the same name.
    for (const char *name : { "slug", "summary", "kind", "cover" }) {
        if (const auto value = CliSupport::takeOption(args, QStringLiteral("--") + QLatin1String(name), bad))
            fields[name] = *value;
    }
    if (const auto at = CliSupport::takeOption(args, QStringLiteral("--publish-at"), bad))
        fields["publish_at"] = *at;
    if (const auto tags = CliSupport::takeList(args, QStringLiteral("--tags"), bad))
        fields["tags"] = shared::listText(*tags);
    if (const auto bodyFile = CliSupport::takeOption(args, QStringLiteral("--body-file"), bad)) {
        shared::Result<QString> body = m_cli.readTextFile(*bodyFile);
        if (!body) {
            exitCode = m_cli.fail(body.error());
            return std::nullopt;
        }
        fields["body"] = *body;
    }
    if (bad) {
        exitCode = m_cli.usage(Tr::tr("an option is missing its value"));
        return std::nullopt;
    }
    return fields;
}

int ArticleCommands::create(desktop::Workspace &ws, QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    int code = Ok;
    const std::optional<nlohmann::json> fields = readFields(args, code);
    if (!fields)
        return code;
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    if (!fields->contains("title"))
        return m_cli.usage(Tr::tr("guides create needs --title"));
    const QString owner = ws.accountId();
    if (owner.isEmpty())
        return m_cli.fail(shared::Error::make(shared::ErrorCode::NoAccount,
                                              Tr::tr("Sign in once (quire-cli login) so new guides have an owner.")));
    shared::Result<QString> id = ws.content().create(ContentStore::articles(), *fields, owner);
    if (!id)
        return m_cli.fail(id.error());
    return m_cli.printCreated(*id, json);
}

int ArticleCommands::edit(desktop::Workspace &ws, QStringList args)
{
    int code = Ok;
    const std::optional<nlohmann::json> fields = readFields(args, code);
    if (!fields)
        return code;
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("guides edit needs one ID"));
    if (fields->empty())
        return m_cli.usage(Tr::tr("guides edit needs at least one field to change"));
    if (shared::VoidResult r = ws.content().update(ContentStore::articles(), args.first(), *fields); !r)
        return m_cli.fail(r.error());
    return Ok;
}

int ArticleCommands::remove(desktop::Workspace &ws, QStringList args)
{
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("guides delete needs one ID"));
    if (shared::VoidResult r = ws.content().remove(ContentStore::articles(), args.first()); !r)
        return m_cli.fail(r.error());
    return Ok;
}

} // namespace quire::cli
