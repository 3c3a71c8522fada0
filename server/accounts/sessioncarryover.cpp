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

// The columns a table has in both databases (the previous one may be of an
// older schema; missing columns take their defaults).
Result<QStringList> commonColumns(shared::Database &db, const QString &table)
{
    QStringList names[2];
    const QString schemas[2] = { QStringLiteral("main"), QStringLiteral("previous") };
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

} // namespace

Result<int> SessionCarryOver::carry(shared::Database &restored, const QString &previousPath)
{
    if (VoidResult r = restored.attach(previousPath, QStringLiteral("previous")); !r)
        return r.error();
    int carried = 0;
    VoidResult done = [&]() -> VoidResult {
        Result<QStringList> sessionColumns = commonColumns(restored, QStringLiteral("sessions"));
        Result<QStringList> tokenColumns = commonColumns(restored, QStringLiteral("refresh_tokens"));
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
        return restored.transaction([&]() -> VoidResult {
            if (VoidResult r = restored.run(QStringLiteral("DELETE FROM main.refresh_tokens")); !r)
                return r;
            if (VoidResult r = restored.run(QStringLiteral("DELETE FROM main.sessions")); !r)
                return r;
            const QString sessions = sessionColumns->join(QLatin1String(", "));
            if (VoidResult r = restored.run(QStringLiteral("INSERT INTO main.sessions (%1) SELECT %1 FROM "
                                                           "previous.sessions WHERE user_id IN "
                                                           "(SELECT id FROM main.users)")
                                                .arg(sessions));
                !r)
                return r;
            const QString tokens = tokenColumns->join(QLatin1String(", "));
            if (VoidResult r = restored.run(QStringLiteral("INSERT INTO main.refresh_tokens (%1) SELECT %1 FROM "
                                                           "previous.refresh_tokens WHERE session_id IN "
                                                           "(SELECT id FROM main.sessions)")
                                                .arg(tokens));
                !r)
                return r;
            Result<QVariant> n = restored.scalar(QStringLiteral("SELECT count(*) FROM main.sessions"));
            if (!n)
                return n.error();
            carried = n->toInt();
            return VoidResult::success();
        });
    }();
    // Detached whatever happened, so the file can be moved aside.
    VoidResult detached = restored.detach(QStringLiteral("previous"));
    if (!done)
        return done.error();
    if (!detached)
        return detached.error();
    return carried;
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
