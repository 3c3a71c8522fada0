// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/audit/auditaction.h"

#include "shared/enumnames.h"

namespace quire::server {
namespace {
constexpr shared::EnumNames<AuditAction, 13> kActions({ {
    { AuditAction::CredentialAdded, "credential_added" },
    { AuditAction::CredentialRemoved, "credential_removed" },
    { AuditAction::CredentialUsed, "credential_used" },
    { AuditAction::PostPublished, "post_published" },
    { AuditAction::PostRescheduled, "post_rescheduled" },
    { AuditAction::PostCancelled, "post_cancelled" },
    { AuditAction::PostDeleted, "post_deleted" },
    { AuditAction::ClientCreated, "client_created" },
    { AuditAction::ClientChanged, "client_changed" },
    { AuditAction::ClientDeleted, "client_deleted" },
    { AuditAction::PlatformCreated, "platform_created" },
    { AuditAction::PlatformChanged, "platform_changed" },
    { AuditAction::PlatformDeleted, "platform_deleted" },
} });
} // namespace

QString auditActionName(AuditAction action)
{
    return kActions.name(action);
}

std::optional<AuditAction> auditActionFromName(const QString &name)
{
    return kActions.fromName(name);
}

QStringList auditActionNames()
{
    return kActions.names();
}

} // namespace quire::server
