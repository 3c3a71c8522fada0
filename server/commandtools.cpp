// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/commandtools.h"

#include "server/serverdatabase.h"
#include "shared/errorcode.h"

#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

void CommandTools::printOut(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

int CommandTools::fail(const Error &error)
{
    std::fputs(qPrintable(QStringLiteral("quire-server: %1\n").arg(error.message)), stderr);
    return error.is(shared::ErrorCode::Usage) ? kExitUsage : kExitError;
}

Error CommandTools::usage(const QString &message)
{
    return Error::make(shared::ErrorCode::Usage, message + QStringLiteral(" (see --help)"));
}

VoidResult CommandTools::parse(const QStringList &args, const Options &options)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const auto &flags = options.flags;
        const auto flag = std::find_if(flags.begin(), flags.end(), [&a](const auto &f) { return a == f.first; });
        if (flag != flags.end()) {
            *flag->second = true;
            continue;
        }
        const auto &values = options.values;
        const auto value = std::find_if(values.begin(), values.end(), [&a](const auto &v) { return a == v.first; });
        if (value == values.end()) {
            if (!options.other)
                return usage(QStringLiteral("unexpected argument `%1`").arg(a));
            if (VoidResult taken = options.other(a); !taken)
                return taken;
            continue;
        }
        if (i + 1 >= args.size()) {
            const QString message = QStringLiteral("%1 needs a value").arg(a);
            return options.valueErrorHint ? usage(message) : Error::make(shared::ErrorCode::Usage, message);
        }
        *value->second = args[++i];
    }
    return VoidResult::success();
}

ServerConfig CommandTools::databaseConfig(const QString &dataDir, const QString &databaseUrl)
{
    ServerConfig config;
    config.dataDir = dataDir;
    config.databaseUrl = databaseUrl;
    return config;
}

Result<std::unique_ptr<shared::Database>> CommandTools::openMigrated(const ServerConfig &config)
{
    return ServerDatabase::migrated(ServerDatabase::open(config));
}

Result<std::unique_ptr<shared::Database>> CommandTools::openExisting(const ServerConfig &config)
{
    if (config.databaseUrl.isEmpty() && !QFileInfo::exists(config.databasePath()))
        return Error::make(shared::ErrorCode::Io, QStringLiteral("no database in %1").arg(config.dataDir));
    return openMigrated(config);
}

} // namespace quire::server
