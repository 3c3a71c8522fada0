// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/onetimepassword.h"

#include "server/accounts/auditlog.h"
#include "shared/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server::OneTimePassword {

shared::VoidResult mark(shared::Database &db, const QString &userId)
{
    return db.transaction([&]() -> shared::VoidResult {
        if (shared::VoidResult r
            = db.run(QStringLiteral("UPDATE users SET password_change_required = 1 WHERE id = ?"), { userId });
            !r)
            return r;
        return AuditLog::record(db, QString(), QStringLiteral("password_generated"), userId, QStringLiteral("console"));
    });
}

shared::Result<bool> isPending(shared::Database &db, const QString &userId)
{
    shared::Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT password_change_required FROM users WHERE id = ?"), { userId });
    if (!q)
        return q.error();
    return q->next() && q->value(0).toInt() != 0;
}

} // namespace quire::server::OneTimePassword
