// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/sessioncarryover.h"

#include "shared/database.h"

#include <QSet>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace quire::server {

using shared::Result;
using shared::VoidResult;

namespace {

// Where the two sets of tables are: SQLite's main database and the attached
// previous file, or two schemas of one PostgreSQL database.
struct Places
{
    QString restored;
    QString previous;
};

// The columns a table has in both databases (the previous one may be of an
// older schema; missing columns take their defaults).
Result<QStringList> commonColumns(shared::Database &db, const QString &table, const Places &places)
{
    QStringList names[2];
    const QString schemas[2] = { places.restored, places.previous };
    for (int i = 0; i < 2; ++i) {
        // Names come from code, never from input.
        Result<QStringList> q = db.columnNames(table, schemas[i]);
        if (!q)
            return q.error();
        names[i] = *q;
    }
    QStringList common;
    for (const QString &n : std::as_const(names[0])) {
        if (names[1].contains(n))
            common << n;
    }
    return common;
}

Result<int> carryBetween(shared::Database &restored, const Places &places)
{
    Result<QStringList> sessionColumns = commonColumns(restored, QStringLiteral("sessions"), places);
    Result<QStringList> tokenColumns = commonColumns(restored, QStringLiteral("refresh_tokens"), places);
    if (!sessionColumns || !tokenColumns)
        return (!sessionColumns ? sessionColumns.error() : tokenColumns.error());
    for (const char *required : { "id", "user_id" }) {
        if (!sessionColumns->contains(QLatin1String(required)))
            return shared::Error::make(shared::ErrorCode::NoSessions,
                                       QStringLiteral("the previous database has no sessions to keep"));
    }
    if (!tokenColumns->contains(QLatin1String("session_id")))
        return shared::Error::make(shared::ErrorCode::NoSessions,
                                   QStringLiteral("the previous database has no refresh tokens to keep"));
    int carried = 0;
    const QString &to = places.restored;
    const QString &from = places.previous;
    VoidResult done = restored.transaction([&]() -> VoidResult {
        if (VoidResult r = restored.run(QStringLiteral("DELETE FROM %1.refresh_tokens").arg(to)); !r)
            return r;
        if (VoidResult r = restored.run(QStringLiteral("DELETE FROM %1.sessions").arg(to)); !r)
            return r;
        const QString sessions = sessionColumns->join(QLatin1String(", "));
        if (VoidResult r = restored.run(QStringLiteral("INSERT INTO %2.sessions (%1) SELECT %1 FROM "
                                                       "%3.sessions WHERE user_id IN "
                                                       "(SELECT id FROM %2.users)")
                                            .arg(sessions, to, from));
            !r)
            return r;
        const QString tokens = tokenColumns->join(QLatin1String(", "));
        if (VoidResult r = restored.run(QStringLiteral("INSERT INTO %2.refresh_tokens (%1) SELECT %1 FROM "
                                                       "%3.refresh_tokens WHERE session_id IN "
                                                       "(SELECT id FROM %2.sessions)")
                                            .arg(tokens, to, from));
            !r)
            return r;
        Result<QVariant> n = restored.scalar(QStringLiteral("SELECT count(*) FROM %1.sessions").arg(to));
        if (!n)
            return n.error();
        carried = n->toInt();
        return VoidResult::success();
    });
    if (!done)
        return done.error();
    return carried;
}

} // namespace

Result<int> SessionCarryOver::carry(shared::Database &restored, const QString &previousPath)
{
    if (VoidResult r = restored.attach(previousPath, QStringLiteral("previous")); !r)
        return r.error();
    Result<int> carried = carryBetween(restored, { QStringLiteral("main"), QStringLiteral("previous") });
    // Detached whatever happened, so the file can be moved aside.
    VoidResult detached = restored.detach(QStringLiteral("previous"));
    if (!carried)
        return carried.error();
    if (!detached)
        return detached.error();
    return carried;
}

Result<int> SessionCarryOver::carryFromSchema(shared::Database &restored, const QString &previousSchema)
{
    return carryBetween(restored, { QStringLiteral("public"), previousSchema });
}

VoidResult SessionCarryOver::endAll(shared::Database &restored)
{
    return restored.transaction([&]() -> VoidResult {
        if (VoidResult r = restored.run(QStringLiteral("DELETE FROM refresh_tokens")); !r)
            return r;
        return restored.run(QStringLiteral("DELETE FROM sessions"));
    });
}

} // namespace quire::server
