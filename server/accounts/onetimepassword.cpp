// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/onetimepassword.h"

#include "server/accounts/auditlog.h"
#include "shared/database.h"

#include <QVariant>

namespace quire::server::OneTimePassword {

namespace {
const QString kGenerated = QStringLiteral("password_generated");
} // namespace

shared::VoidResult mark(shared::Database &db, const QString &userId)
{
    return AuditLog::record(db, QString(), kGenerated, userId, QStringLiteral("console"));
}

shared::Result<bool> isPending(shared::Database &db, const QString &userId)
{
    // The newest of the events that set a password decides; the action
    // index narrows the scan to these few rows.
    shared::Result<QVariant> last = db.scalar(
        QStringLiteral("SELECT action FROM audit_log WHERE action IN (?, 'password_change', 'password_reset') "
                       "AND target_id = ? ORDER BY id DESC LIMIT 1"),
        { kGenerated, userId });
    if (!last)
        return last.error();
    return last->toString() == kGenerated;
}

} // namespace quire::server::OneTimePassword
