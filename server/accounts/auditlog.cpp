// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/auditlog.h"

#include "server/serverlogging.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/timestamp.h"

namespace quire::server::AuditLog {

shared::VoidResult record(shared::Database &db, const QString &actorId, const QString &action, const QString &targetId,
                          const QString &ip, const nlohmann::json &details)
{
    shared::VoidResult r = db.run(QStringLiteral("INSERT INTO audit_log(at, actor_id, action, target_id, ip, details) "
                                                 "VALUES (?, ?, ?, ?, ?, ?)"),
                                  { shared::Timestamp::format(shared::Clock::instance().now()),
                                    actorId.isEmpty() ? QVariant() : QVariant(actorId), action,
                                    targetId.isEmpty() ? QVariant() : QVariant(targetId), ip,
                                    QString::fromUtf8(shared::toJsonBytes(details)) });
    if (!r)
        qCCritical(lcServer) << "audit entry" << action << "not written:" << r.error().message;
    return r;
}

void note(shared::Database &db, const QString &actorId, const QString &action, const QString &targetId,
          const QString &ip, const nlohmann::json &details)
{
    [[maybe_unused]] const shared::VoidResult r
        = record(db, actorId, action, targetId, ip, details); // record() logs failures
}

} // namespace quire::server::AuditLog
