// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/cli/synccommands.h"

#include "desktop/cli/tr.h"
#include "desktop/core/conflictresolver.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/syncrecords.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "shared/jsonqt.h"

#include <QEventLoop>
#include <QTextStream>

namespace quire::cli {

using desktop::SyncEngine;
using desktop::SyncRecords;
using desktop::SyncStore;

namespace {

// `label`: what people call the row (its title), from its declaration.
nlohmann::json conflictJson(const SyncRecords::StoredConflict &c, const QString &label)
{
    nlohmann::json j = c.conflict.toJson();
    j["label"] = label.toStdString();
    j["resolved_at"] = c.resolvedAt.isEmpty() ? nlohmann::json() : nlohmann::json(c.resolvedAt);
    j["resolution"] = c.resolution.isEmpty() ? nlohmann::json() : nlohmann::json(c.resolution);
    return j;
}

QString valueText(const nlohmann::json &v)
{
    if (v.is_string())
        return v.get<QString>();
    if (v.is_null())
        return Tr::tr("(nothing)");
    return QString::fromUtf8(shared::toJsonBytes(v));
}

} // namespace

SyncCommands::SyncCommands(CliSupport &support)
    : m_cli(support)
{ }

QList<CliCommand> SyncCommands::commands()
{
    return {
        { QStringLiteral("sync"),
          Tr::tr("  sync [--allow-mass-removal] [--json]\n"
                 "                 Send local changes and fetch the server's. A pull that would\n"
                 "                 remove most of the replica waits for --allow-mass-removal.\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return SyncCommands(cli).sync(profile, args);
          } },
        { QStringLiteral("conflicts"),
          Tr::tr("  conflicts list [--all] [--json] | show ID [--json]\n"
                 "  conflicts resolve ID (--keep server|client | --with-file F)\n"
                 "                 Both versions of what two replicas changed at once.\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return SyncCommands(cli).conflicts(profile, args);
          } },
        { QStringLiteral("rejected"),
          Tr::tr("  rejected list [--json] | dismiss N\n"
                 "                 Changes the server refused, with their content.\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return SyncCommands(cli).rejected(profile, args);
          } },
    };
}

int SyncCommands::sync(const QString &profile, QStringList args)
{
    const bool allowRemoval = CliSupport::takeSwitch(args, QStringLiteral("--allow-mass-removal"));
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    auto ws = m_cli.openWorkspace(profile);
    if (!ws)
        return Failure;
    if (const int signedIn = m_cli.signIn(*ws); signedIn != Ok)
        return signedIn;
    SyncEngine &engine = ws->sync();
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::roundFinished, &loop, &QEventLoop::quit);
    if (allowRemoval)
        engine.confirmMassRemoval();
    else
        engine.syncNow();
    if (engine.state() == SyncEngine::State::Syncing)
        loop.exec();
    shared::Result<SyncStore::Status> status = ws->syncStore().status();
    const SyncEngine::State state = engine.state();
    if (json && status) {
        m_cli.printJson({ { "ok", state == SyncEngine::State::Idle },
                          { "state", SyncEngine::stateText(state) },
                          { "error", engine.lastError() ? nlohmann::json(engine.lastError()->code) : nlohmann::json() },
                          { "pending", status->pending },
                          { "conflicts", status->conflicts },
                          { "rejected", status->rejected },
                          { "cursor", status->cursor } });
    }
    switch (state) {
    case SyncEngine::State::Idle:
        if (!json && status) {
            m_cli.out() << Tr::tr("In sync. Conflicts to look at: %1. Refused changes: %2.")
                               .arg(status->conflicts)
                               .arg(status->rejected)
                        << Qt::endl;
        }
        return Ok;
    case SyncEngine::State::Offline:
        m_cli.err() << Tr::tr("The server cannot be reached; your changes are kept.") << Qt::endl;
        return Unreachable;
    case SyncEngine::State::SignedOut:
        m_cli.err() << Tr::tr("Sign in again: quire-cli login URL EMAIL. Your changes are kept.") << Qt::endl;
        return Refused;
    case SyncEngine::State::Outdated:
        m_cli.err() << (engine.lastError() ? engine.lastError()->message : SyncEngine::stateText(state)) << Qt::endl;
        return Incompatible;
    case SyncEngine::State::NeedsConfirmation:
        m_cli.err() << (engine.lastError() ? engine.lastError()->message : QString()) << Qt::endl
                    << Tr::tr("Run quire-cli sync --allow-mass-removal to go on.") << Qt::endl;
        return NeedsConfirmation;
    case SyncEngine::State::Syncing:
    case SyncEngine::State::Failed:
        break;
    }
    m_cli.err() << (engine.lastError() ? engine.lastError()->message : SyncEngine::stateText(state)) << Qt::endl;
    return Failure;
}

int SyncCommands::conflicts(const QString &profile, QStringList args)
{
    if (args.isEmpty())
        return m_cli.usage(Tr::tr("conflicts needs list, show or resolve"));
    const QString action = args.takeFirst();
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    auto ws = m_cli.openWorkspace(profile);
    if (!ws)
        return Failure;
    if (action == QLatin1String("list")) {
        const bool all = CliSupport::takeSwitch(args, QStringLiteral("--all"));
        if (!args.isEmpty())
            return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
        shared::Result<QList<SyncRecords::StoredConflict>> list = ws->syncRecords().conflicts(all);
        if (!list)
            return m_cli.fail(list.error());
        if (json) {
            nlohmann::json array = nlohmann::json::array();
            for (const auto &c : std::as_const(*list))
                array.push_back(conflictJson(c, ws->content().label(c.conflict.table, c.conflict.rowId)));
            m_cli.printJson(array);
            return Ok;
        }
        for (const auto &c : std::as_const(*list)) {
            m_cli.out() << QStringLiteral("%1  %2 %3  %4  %5  %6")
                               .arg(c.conflict.id, c.conflict.table, c.conflict.rowId, c.conflict.field,
                                    c.conflict.kind, ws->content().label(c.conflict.table, c.conflict.rowId))
                        << Qt::endl;
        }
        if (list->isEmpty())
            m_cli.out() << Tr::tr("No conflicts.") << Qt::endl;
        return Ok;
    }
    if (action == QLatin1String("show")) {
        if (args.size() != 1)
            return m_cli.usage(Tr::tr("conflicts show needs one ID"));
        shared::Result<std::optional<SyncRecords::StoredConflict>> c = ws->syncRecords().conflict(args.first());
        if (!c)
            return m_cli.fail(c.error());
        if (!*c) {
            m_cli.err() << Tr::tr("There is no conflict %1.").arg(args.first()) << Qt::endl;
            return NotFound;
        }
        if (json) {
            m_cli.printJson(conflictJson(**c, ws->content().label((*c)->conflict.table, (*c)->conflict.rowId)));
            return Ok;
        }
        const auto &k = (*c)->conflict;
        m_cli.out() << Tr::tr("%1 %2, field %3 (%4); the row keeps the %5 version.")
                           .arg(k.table, k.rowId, k.field, k.kind, k.kept)
                    << Qt::endl
                    << Tr::tr("--- server version ---") << Qt::endl
                    << valueText(k.serverValue) << Qt::endl
                    << Tr::tr("--- your version ---") << Qt::endl
                    << valueText(k.clientValue) << Qt::endl;
        return Ok;
    }
    if (action == QLatin1String("resolve"))
        return resolve(*ws, args);
    return m_cli.usage(Tr::tr("unknown conflicts command %1").arg(action));
}

int SyncCommands::resolve(desktop::Workspace &ws, QStringList args)
{
    bool bad = false;
    const std::optional<QString> keep = CliSupport::takeOption(args, QStringLiteral("--keep"), bad);
    const std::optional<QString> file = CliSupport::takeOption(args, QStringLiteral("--with-file"), bad);
    if (bad || args.size() != 1 || keep.has_value() == file.has_value()
        || (keep && *keep != QLatin1String("server") && *keep != QLatin1String("client")))
        return m_cli.usage(Tr::tr("conflicts resolve ID (--keep server|client | --with-file FILE)"));
    shared::Result<std::optional<SyncRecords::StoredConflict>> found = ws.syncRecords().conflict(args.first());
    if (!found)
        return m_cli.fail(found.error());
    if (!*found) {
        m_cli.err() << Tr::tr("There is no conflict %1.").arg(args.first()) << Qt::endl;
        return NotFound;
    }
    desktop::ConflictResolver resolver(ws.content(), ws.syncRecords());
    shared::VoidResult resolved = shared::VoidResult::success();
    if (file) {
        shared::Result<QString> text = m_cli.readTextFile(*file);
        if (!text)
            return m_cli.fail(text.error());
        resolved = resolver.resolve(args.first(), desktop::ConflictResolver::Keep::Text, *text);
    } else {
        resolved = resolver.resolve(args.first(),
                                    *keep == QLatin1String("server") ? desktop::ConflictResolver::Keep::Server
                                                                     : desktop::ConflictResolver::Keep::Client);
    }
    if (!resolved)
        return m_cli.fail(resolved.error());
    m_cli.out() << Tr::tr("Resolved; sync to send the result.") << Qt::endl;
    return Ok;
}

int SyncCommands::rejected(const QString &profile, QStringList args)
{
    if (args.isEmpty())
        return m_cli.usage(Tr::tr("rejected needs list or dismiss"));
    const QString action = args.takeFirst();
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    auto ws = m_cli.openWorkspace(profile);
    if (!ws)
        return Failure;
    if (action == QLatin1String("dismiss")) {
        bool ok = false;
        const qint64 id = args.size() == 1 ? args.first().toLongLong(&ok) : 0;
        if (!ok)
            return m_cli.usage(Tr::tr("rejected dismiss needs one change number"));
        if (shared::VoidResult r = ws->syncRecords().dismissRejection(id); !r)
            return m_cli.fail(r.error());
        return Ok;
    }
    if (action != QLatin1String("list") || !args.isEmpty())
        return m_cli.usage(Tr::tr("rejected needs list or dismiss"));
    shared::Result<QList<SyncRecords::Rejection>> list = ws->syncRecords().rejections();
    if (!list)
        return m_cli.fail(list.error());
    if (json) {
        nlohmann::json array = nlohmann::json::array();
        for (const auto &r : std::as_const(*list)) {
            array.push_back({ { "mutation_id", r.mutationId },
                              { "table", r.table },
                              { "row_id", r.rowId },
                              { "label", ws->content().label(r.table, r.rowId, r.fields).toStdString() },
                              { "op", r.op },
                              { "fields", r.fields },
                              { "code", r.code },
                              { "message", r.message },
                              { "created_at", r.createdAt } });
        }
        m_cli.printJson(array);
        return Ok;
    }
    for (const auto &r : std::as_const(*list))
        m_cli.out() << QStringLiteral("%1  %2 %3  %4: %5  %6")
                           .arg(r.mutationId)
                           .arg(r.table, r.rowId, r.code, r.message, ws->content().label(r.table, r.rowId, r.fields))
                    << Qt::endl;
    if (list->isEmpty())
        m_cli.out() << Tr::tr("No refused changes.") << Qt::endl;
    return Ok;
}

} // namespace quire::cli
