// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/audit/auditcommand.h"

#include "server/audit/auditchain.h"
#include "server/commandtools.h"
#include "shared/database.h"
#include "shared/errorcode.h"

namespace quire::server {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

constexpr int kDefaultLimit = 50;

const QString kVerify = QStringLiteral("verify");
const QString kList = QStringLiteral("list");

struct Options
{
    QString subcommand;
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    int limit = kDefaultLimit;
};

Result<Options> parse(const QStringList &args)
{
    Options o;
    QString limit;
    const CommandTools::Options options {
        .values = { { QLatin1String("--data-dir"), &o.dataDir },
                    { QLatin1String("--database-url"), &o.databaseUrl },
                    { QLatin1String("--limit"), &limit } },
        .other = [&o](const QString &a) -> VoidResult {
            if (!o.subcommand.isEmpty() || (a != kVerify && a != kList))
                return CommandTools::usage(QStringLiteral("unexpected argument `%1`").arg(AuditCommand::escaped(a)));
            o.subcommand = a;
            return VoidResult::success();
        },
    };
    if (VoidResult r = CommandTools::parse(args, options); !r)
        return r.error();
    if (o.subcommand.isEmpty())
        return CommandTools::usage(QStringLiteral("audit needs verify or list"));
    if (o.dataDir.isEmpty())
        return CommandTools::usage(QStringLiteral("audit %1 needs --data-dir DIR").arg(o.subcommand));
    if (!limit.isEmpty()) {
        if (o.subcommand != kList)
            return CommandTools::usage(QStringLiteral("--limit belongs to audit list"));
        bool ok = false;
        o.limit = limit.toInt(&ok);
        if (!ok || o.limit < 1)
            return CommandTools::usage(QStringLiteral("--limit must be a positive number"));
    }
    return o;
}

} // namespace

QString AuditCommand::escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\\')
            out += QLatin1String("\\\\");
        else if (u == u'\n')
            out += QLatin1String("\\n");
        else if (u == u'\r')
            out += QLatin1String("\\r");
        else if (u == u'\t')
            out += QLatin1String("\\t");
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || u == 0x2028
                 || u == 0x2029)
            // Format characters too: a right-to-left override would show a
            // line other than the one stored.
            out += QStringLiteral("\\u{%1}").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString AuditCommand::line(const AuditRecord &r)
{
    return QStringLiteral("%1 %2 %3 actor=%4 subject=%5/%6 details=%7 hash=%8")
        .arg(r.id)
        .arg(escaped(r.at), escaped(r.action), escaped(r.actorId), escaped(r.subjectTable), escaped(r.subjectId),
             escaped(r.details), escaped(r.hash.left(16)));
}

int AuditCommand::run(const QStringList &args)
{
    Result<Options> options = parse(args);
    if (!options)
        return CommandTools::fail(options.error());
    Result<std::unique_ptr<shared::Database>> db
        = CommandTools::openExisting(CommandTools::databaseConfig(options->dataDir, options->databaseUrl));
    if (!db)
        return CommandTools::fail(db.error());

    if (options->subcommand == kList) {
        Result<QList<AuditRecord>> records = AuditChain::latest(**db, options->limit);
        if (!records)
            return CommandTools::fail(records.error());
        for (const AuditRecord &r : *records)
            CommandTools::printOut(line(r));
        return CommandTools::kExitOk;
    }
    Result<AuditVerification> verification = AuditChain::verify(**db);
    if (!verification)
        return CommandTools::fail(verification.error());
    if (!verification->intact())
        return CommandTools::fail(Error::make(shared::ErrorCode::DatabaseCorrupt, verification->describe()));
    CommandTools::printOut(verification->describe());
    return CommandTools::kExitOk;
}

} // namespace quire::server
