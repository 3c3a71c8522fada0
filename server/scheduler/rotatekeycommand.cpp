// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/rotatekeycommand.h"

#include "server/credentials/credentialkeys.h"
#include "server/credentials/credentialvault.h"
#include "server/scheduler/platformcredentials.h"
#include "server/serverconfig.h"
#include "server/serverdatabase.h"
#include "shared/database.h"
#include "shared/errorcode.h"

#include <QFileInfo>

#include <cstdio>

namespace quire::server {

using shared::Error;
using shared::Result;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

int fail(const Error &error)
{
    std::fputs(qPrintable(QStringLiteral("quire-server: %1\n").arg(error.message)), stderr);
    return error.is(shared::ErrorCode::Usage) ? kExitUsage : kExitError;
}

Error usage(const QString &message)
{
    return Error::make(shared::ErrorCode::Usage, message + QStringLiteral(" (see --help)"));
}

struct Options
{
    QString keyFile = qEnvironmentVariable("QUIRE_CREDENTIAL_KEY_FILE");
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
};

Result<Options> parse(const QStringList &args)
{
    Options o;
    const QList<std::pair<QLatin1String, QString *>> values {
        { QLatin1String("--credential-key-file"), &o.keyFile },
        { QLatin1String("--data-dir"), &o.dataDir },
        { QLatin1String("--database-url"), &o.databaseUrl },
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const auto value = std::find_if(values.begin(), values.end(), [&a](const auto &v) { return a == v.first; });
        if (value == values.end())
            return usage(QStringLiteral("rotate-key takes no argument `%1`").arg(a.left(80)));
        if (i + 1 >= args.size())
            return usage(QStringLiteral("%1 needs a value").arg(a));
        *value->second = args[++i];
    }
    // The key file is the one place a new key can go: the environment's
    // keys are the operator's to change.
    if (o.keyFile.isEmpty())
        return usage(QStringLiteral("rotate-key needs --credential-key-file PATH"));
    if (o.dataDir.isEmpty())
        return usage(QStringLiteral("rotate-key needs --data-dir DIR"));
    return o;
}

} // namespace

int RotateKeyCommand::run(const QStringList &args)
{
    Result<Options> options = parse(args);
    if (!options)
        return fail(options.error());
    // Everything that can fail before the key file changes comes first.
    if (Result<CredentialKeys> keys = CredentialKeys::fromFile(options->keyFile); !keys)
        return fail(keys.error());
    ServerConfig config;
    config.dataDir = options->dataDir;
    config.databaseUrl = options->databaseUrl;
    if (config.databaseUrl.isEmpty() && !QFileInfo::exists(config.databasePath()))
        return fail(Error::make(shared::ErrorCode::Io, QStringLiteral("no database in %1").arg(config.dataDir)));
    Result<std::unique_ptr<shared::Database>> db = ServerDatabase::migrated(ServerDatabase::open(config));
    if (!db)
        return fail(db.error());

    Result<QString> added = CredentialKeys::addCurrentKey(options->keyFile);
    if (!added)
        return fail(added.error());
    Result<CredentialKeys> keys = CredentialKeys::fromFile(options->keyFile);
    if (!keys)
        return fail(keys.error());
    const CredentialVault vault(std::move(*keys));
    // Should this fail, the new key stays first and the old ones still open
    // every value: running rotate-key again moves what is left.
    Result<int> moved = PlatformCredentials::reencryptAll(**db, vault);
    if (!moved)
        return fail(moved.error());
    std::fputs(
        qPrintable(
            QStringLiteral("new current key %1: %2 credentials re-encrypted\n").arg(vault.currentKeyId()).arg(*moved)),
        stdout);
    std::fflush(stdout);
    return kExitOk;
}

} // namespace quire::server
