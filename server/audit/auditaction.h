// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace quire::server {

// What the scheduler's audit chain records (AuditChain): every event on a
// credential, a post's publication and schedule, and changes to clients and
// platforms. The wire names (what the audit_chain table stores and what
// `quire-server audit list` prints) live in one table in auditaction.cpp.
enum class AuditAction {
    CredentialAdded,
    CredentialRemoved,
    CredentialUsed,
    PostPublished,
    PostRescheduled,
    PostCancelled,
    PostDeleted,
    ClientCreated,
    ClientChanged,
    ClientDeleted,
    PlatformCreated,
    PlatformChanged,
    PlatformDeleted,
};

QString auditActionName(AuditAction action);
std::optional<AuditAction> auditActionFromName(const QString &name);
QStringList auditActionNames();

} // namespace quire::server
