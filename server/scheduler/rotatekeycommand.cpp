// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/rotatekeycommand.h"

#include "server/commandtools.h"
#include "server/credentials/credentialkeys.h"
#include "server/credentials/credentialvault.h"
#include "server/scheduler/platformcredentials.h"
#include "shared/database.h"

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {

struct Options
{
    QString keyFile = qEnvironmentVariable("QUIRE_CREDENTIAL_KEY_FILE");
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
};

Result<Options> parse(const QStringList &args)
{
    Options o;
    const CommandTools::Options options {
        .values = { { QLatin1String("--credential-key-file"), &o.keyFile },
                    { QLatin1String("--data-dir"), &o.dataDir },
                    { QLatin1String("--database-url"), &o.databaseUrl } },
        .other = [](const QString &a) -> VoidResult {
            return CommandTools::usage(QStringLiteral("rotate-key takes no argument `%1`").arg(a.left(80)));
        },
    };
    if (VoidResult r = CommandTools::parse(args, options); !r)
        return r.error();
    // The key file is the one place a new key can go: the environment's
    // keys are the operator's to change.
    if (o.keyFile.isEmpty())
        return CommandTools::usage(QStringLiteral("rotate-key needs --credential-key-file PATH"));
    if (o.dataDir.isEmpty())
        return CommandTools::usage(QStringLiteral("rotate-key needs --data-dir DIR"));
    return o;
}

} // namespace

int RotateKeyCommand::run(const QStringList &args)
{
    Result<Options> options = parse(args);
    if (!options)
        return CommandTools::fail(options.error());
    // Everything that can fail before the key file changes comes first.
    if (Result<CredentialKeys> keys = CredentialKeys::fromFile(options->keyFile); !keys)
        return CommandTools::fail(keys.error());
    Result<std::unique_ptr<shared::Database>> db
        = CommandTools::openExisting(CommandTools::databaseConfig(options->dataDir, options->databaseUrl));
    if (!db)
        return CommandTools::fail(db.error());

    Result<QString> added = CredentialKeys::addCurrentKey(options->keyFile);
    if (!added)
        return CommandTools::fail(added.error());
    Result<CredentialKeys> keys = CredentialKeys::fromFile(options->keyFile);
    if (!keys)
        return CommandTools::fail(keys.error());
    const CredentialVault vault(std::move(*keys));
    // Should this fail, the new key stays first and the old ones still open
    // every value: running rotate-key again moves what is left.
    Result<int> moved = PlatformCredentials::reencryptAll(**db, vault);
    if (!moved)
        return CommandTools::fail(moved.error());
    CommandTools::printOut(
        QStringLiteral("new current key %1: %2 credentials re-encrypted").arg(vault.currentKeyId()).arg(*moved));
    return CommandTools::kExitOk;
}

} // namespace quire::server
