// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace quire::shared {
class Database;
}

namespace quire::server {

// The security audit trail: sign-ins, sign-outs, password and role changes,
// disabling and deleting accounts, refresh-token reuse. Never a secret or a
// token in it: details hold ids and reasons only.
namespace AuditLog {

shared::VoidResult record(shared::Database &db, const QString &actorId, const QString &action, const QString &targetId,
                          const QString &ip, const nlohmann::json &details = nlohmann::json::object());

// The same where the event has already happened and must not be undone by a
// failed log write (a sign-in, a sign-out); the failure is logged critically.
void note(shared::Database &db, const QString &actorId, const QString &action, const QString &targetId,
          const QString &ip, const nlohmann::json &details = nlohmann::json::object());

} // namespace AuditLog
} // namespace quire::server
