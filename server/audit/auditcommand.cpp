// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/audit/auditcommand.h"

#include "server/audit/auditchain.h"
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
constexpr int kDefaultLimit = 50;

const QString kVerify = QStringLiteral("verify");
const QString kList = QStringLiteral("list");

void printOut(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

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
    QString subcommand;
    QString dataDir = qEnvironmentVariable("QUIRE_DATA_DIR");
    QString databaseUrl = qEnvironmentVariable("QUIRE_DATABASE_URL");
    int limit = kDefaultLimit;
};

Result<Options> parse(const QStringList &args)
{
    Options o;
    QString limit;
    const QList<std::pair<QLatin1String, QString *>> values { { QLatin1String("--data-dir"), &o.dataDir },
                                                              { QLatin1String("--database-url"), &o.databaseUrl },
                                                              { QLatin1String("--limit"), &limit } };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const auto value = std::find_if(values.begin(), values.end(), [&a](const auto &v) { return a == v.first; });
        if (value != values.end()) {
            if (i + 1 >= args.size())
                return usage(QStringLiteral("%1 needs a value").arg(a));
            *value->second = args[++i];
        } else if (o.subcommand.isEmpty() && (a == kVerify || a == kList)) {
            o.subcommand = a;
        } else {
            return usage(QStringLiteral("unexpected argument `%1`").arg(AuditCommand::escaped(a)));
        }
    }
    if (o.subcommand.isEmpty())
        return usage(QStringLiteral("audit needs verify or list"));
    if (o.dataDir.isEmpty())
        return usage(QStringLiteral("audit %1 needs --data-dir DIR").arg(o.subcommand));
    if (!limit.isEmpty()) {
        if (o.subcommand != kList)
            return usage(QStringLiteral("--limit belongs to audit list"));
        bool ok = false;
        o.limit = limit.toInt(&ok);
        if (!ok || o.limit < 1)
            return usage(QStringLiteral("--limit must be a positive number"));
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
        return fail(options.error());
    ServerConfig config;
    config.dataDir = options->dataDir;
    config.databaseUrl = options->databaseUrl;
    // Looking must not make an empty database where none was.
    if (config.databaseUrl.isEmpty() && !QFileInfo::exists(config.databasePath()))
        return fail(Error::make(shared::ErrorCode::Io, QStringLiteral("no database in %1").arg(config.dataDir)));
    Result<std::unique_ptr<shared::Database>> db = ServerDatabase::migrated(ServerDatabase::open(config));
    if (!db)
        return fail(db.error());

    if (options->subcommand == kList) {
        Result<QList<AuditRecord>> records = AuditChain::latest(**db, options->limit);
        if (!records)
            return fail(records.error());
        for (const AuditRecord &r : *records)
            printOut(line(r));
        return kExitOk;
    }
    Result<AuditVerification> verification = AuditChain::verify(**db);
    if (!verification)
        return fail(verification.error());
    if (!verification->intact())
        return fail(Error::make(shared::ErrorCode::DatabaseCorrupt, verification->describe()));
    printOut(verification->describe());
    return kExitOk;
}

} // namespace quire::server
