// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/cli/accountcommands.h"

#include "desktop/cli/connectioncommands.h"
#include "desktop/cli/tr.h"
#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/workspace.h"

#include <QTextStream>

namespace quire::cli {

AccountCommands::AccountCommands(CliSupport &support)
    : m_cli(support)
{ }

QList<CliCommand> AccountCommands::commands()
{
    return {
        { QStringLiteral("login"),
          Tr::tr("  login URL EMAIL [--trust-fingerprint SHA256 | --trust-on-first-use]\n"
                 "                 Connect as above and sign in; the password is read from\n"
                 "                 standard input. The refresh token goes to the keychain.\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return AccountCommands(cli).login(profile, args);
          } },
        { QStringLiteral("logout"), Tr::tr("  logout         Sign out here and on the server (works offline too).\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return AccountCommands(cli).logout(profile, args);
          } },
    };
}

int AccountCommands::login(const QString &profileDir, const QStringList &args)
{
    int code = Ok;
    ConnectionCommands connection(m_cli);
    const std::optional<ConnectionCommands::ServerArgs> parsed = connection.parseServerArgs(args, code);
    if (!parsed)
        return code;
    if (parsed->rest.size() != 1)
        return m_cli.usage(Tr::tr("login needs URL and EMAIL"));
    shared::Result<QUrl> url = desktop::ApiClient::parseServerUrl(parsed->url);
    if (!url)
        return m_cli.usage(url.error().message);
    // The password comes from standard input, never from the command line.
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (password.isEmpty())
        return m_cli.usage(Tr::tr("the password is read from standard input, and none came"));
    auto workspace = desktop::Workspace::open(profileDir);
    if (!workspace) {
        m_cli.err() << workspace.error().message << Qt::endl;
        return Failure;
    }
    desktop::Workspace &ws = **workspace;
    if (const int connected = connection.connectWorkspace(ws, *url, parsed->pin, parsed->tofu); connected != Ok)
        return connected;
    desktop::ApiReply reply;
    CliSupport::waitFor([&](const std::function<void()> &finished) {
        ws.session().signIn(parsed->rest.first(), password, [&reply, finished](const desktop::ApiReply &r) {
            reply = r;
            finished();
        });
    });
    if (!reply.ok()) {
        m_cli.err() << reply.error->message << Qt::endl;
        return reply.status == 0                                                  ? Unreachable
            : (reply.status == 401 || reply.status == 403 || reply.status == 429) ? Refused
                                                                                  : Failure;
    }
    m_cli.out() << Tr::tr("Signed in as %1 (%2).").arg(ws.session().email(), ws.session().role()) << Qt::endl;
    return Ok;
}

int AccountCommands::logout(const QString &profileDir, const QStringList &args)
{
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    auto workspace = desktop::Workspace::open(profileDir);
    if (!workspace) {
        m_cli.err() << workspace.error().message << Qt::endl;
        return Failure;
    }
    desktop::Workspace &ws = **workspace;
    bool signedIn = false;
    CliSupport::waitFor([&](const std::function<void()> &finished) {
        ws.session().restore([&signedIn, finished](const desktop::ApiReply &r) {
            signedIn = r.ok();
            finished();
        });
    });
    if (signedIn) {
        CliSupport::waitFor([&](const std::function<void()> &finished) {
            ws.session().signOut([finished](const desktop::ApiReply &) { finished(); });
        });
    }
    // Whatever the server said, nothing of the session stays on this machine.
    ws.session().forgetLocally();
    m_cli.out() << Tr::tr("Signed out.") << Qt::endl;
    return Ok;
}

} // namespace quire::cli
