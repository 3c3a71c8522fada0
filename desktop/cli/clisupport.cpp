// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/cli/clisupport.h"

#include "desktop/cli/tr.h"
#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/workspace.h"
#include "shared/jsonqt.h"

#include <QEventLoop>
#include <QFile>
#include <QTextStream>

namespace quire::cli {

CliSupport::CliSupport(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

std::unique_ptr<desktop::Workspace> CliSupport::openWorkspace(const QString &profileDir)
{
    auto workspace = desktop::Workspace::open(profileDir);
    if (!workspace) {
        m_err << workspace.error().message << Qt::endl;
        return nullptr;
    }
    return std::move(workspace.value());
}

int CliSupport::signIn(desktop::Workspace &ws)
{
    if (ws.api().server().isEmpty())
        return fail(
            shared::Error::make(shared::ErrorCode::NoServer, Tr::tr("No server yet: run quire-cli login first.")));
    desktop::ApiReply restored;
    waitFor([&](const std::function<void()> &finished) {
        ws.session().restore([&restored, finished](const desktop::ApiReply &r) {
            restored = r;
            finished();
        });
    });
    if (ws.session().isSignedIn())
        return Ok;
    m_err << (restored.error ? restored.error->message : Tr::tr("Sign in first: quire-cli login URL EMAIL"))
          << Qt::endl;
    return restored.status == 0 && restored.error ? Unreachable : Refused;
}

void CliSupport::waitFor(const std::function<void(const std::function<void()> &finished)> &start)
{
    QEventLoop loop;
    bool done = false;
    start([&loop, &done] {
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
}

int CliSupport::usage(const QString &message)
{
    m_err << Tr::tr("quire-cli: %1").arg(message) << Qt::endl << Tr::tr("Try quire-cli --help.") << Qt::endl;
    return Usage;
}

int CliSupport::fail(const shared::Error &error)
{
    m_err << error.message << Qt::endl;
    for (auto it = error.fields.cbegin(); it != error.fields.cend(); ++it)
        m_err << QStringLiteral("  %1: %2").arg(it.key(), it.value()) << Qt::endl;
    if (error.is(shared::ErrorCode::NotFound))
        return NotFound;
    if (error.is(shared::ErrorCode::Unreachable))
        return Unreachable;
    return error.is(shared::ErrorCode::Unauthenticated) ? Refused : Failure;
}

void CliSupport::printJson(const nlohmann::json &j)
{
    m_out << QString::fromUtf8(shared::toJsonBytes(j)) << Qt::endl;
}

std::optional<QString> CliSupport::takeOption(QStringList &args, const QString &name, bool &bad)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0)
        return std::nullopt;
    if (i + 1 >= args.size()) {
        bad = true;
        args.removeAt(i);
        return std::nullopt;
    }
    const QString value = args.at(i + 1);
    args.remove(i, 2);
    return value;
}

bool CliSupport::takeSwitch(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

std::optional<QStringList> CliSupport::takeList(QStringList &args, const QString &name, bool &bad)
{
    const std::optional<QString> value = takeOption(args, name, bad);
    if (!value)
        return std::nullopt;
    QStringList list;
    for (const QString &item : value->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty() && !list.contains(item.trimmed()))
            list << item.trimmed();
    }
    return list;
}

int CliSupport::missing(const QString &message)
{
    m_err << message << Qt::endl;
    return NotFound;
}

int CliSupport::printCreated(const QString &id, bool json)
{
    if (json)
        printJson({ { "id", id } });
    else
        m_out << id << Qt::endl;
    return Ok;
}

shared::Result<QString> CliSupport::readTextFile(const QString &path)
{
    QFile file(path);
    if (path == QLatin1String("-") ? !file.open(stdin, QIODevice::ReadOnly) : !file.open(QIODevice::ReadOnly)) {
        return shared::Error::make(shared::ErrorCode::Unreadable,
                                   Tr::tr("Cannot read %1: %2").arg(path, file.errorString()));
    }
    // Any well-formed UTF-8 is taken as it is, a leading byte-order mark
    // included; only ill-formed bytes are refused, and the error says where.
    return shared::Utf8::decodeStrict(file.readAll(), path);
}

} // namespace quire::cli
