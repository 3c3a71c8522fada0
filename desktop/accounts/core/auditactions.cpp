// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/core/auditactions.h"

#include "desktop/core/tr.h"

#include <QtGlobal>

namespace quire::desktop::AuditActions {

namespace {

struct Action
{
    const char *name;
    const char *label; // translated where it is shown
};

// Every action AuditLog::record/note is called with on the server.
constexpr Action kActions[] = {
    { "login", QT_TRANSLATE_NOOP("Quire::Core", "Signed in") },
    { "login_failed", QT_TRANSLATE_NOOP("Quire::Core", "Sign-in failed") },
    { "logout", QT_TRANSLATE_NOOP("Quire::Core", "Signed out") },
    { "logout_all", QT_TRANSLATE_NOOP("Quire::Core", "Signed out everywhere") },
    { "refresh_token_reuse", QT_TRANSLATE_NOOP("Quire::Core", "Old sign-in token reused (session ended)") },
    { "register", QT_TRANSLATE_NOOP("Quire::Core", "Registered") },
    { "password_change", QT_TRANSLATE_NOOP("Quire::Core", "Changed password") },
    { "password_reset_requested", QT_TRANSLATE_NOOP("Quire::Core", "Asked for a password reset") },
    { "password_reset", QT_TRANSLATE_NOOP("Quire::Core", "Reset password") },
    { "password_generated", QT_TRANSLATE_NOOP("Quire::Core", "One-time password made on the server") },
    { "email_change_requested", QT_TRANSLATE_NOOP("Quire::Core", "Asked to change email") },
    { "email_changed", QT_TRANSLATE_NOOP("Quire::Core", "Changed email") },
    { "email_verified", QT_TRANSLATE_NOOP("Quire::Core", "Confirmed email") },
    { "user_created", QT_TRANSLATE_NOOP("Quire::Core", "Added account") },
    { "role_change", QT_TRANSLATE_NOOP("Quire::Core", "Changed role") },
    { "user_disabled", QT_TRANSLATE_NOOP("Quire::Core", "Disabled account") },
    { "user_enabled", QT_TRANSLATE_NOOP("Quire::Core", "Enabled account") },
    { "user_deleted", QT_TRANSLATE_NOOP("Quire::Core", "Deleted account") },
    { "invite_created", QT_TRANSLATE_NOOP("Quire::Core", "Created invite code") },
};

} // namespace

QList<QString> all()
{
    QList<QString> names;
    for (const Action &a : kActions)
        names << QString::fromLatin1(a.name);
    return names;
}

QString label(const QString &action)
{
    for (const Action &a : kActions)
        if (action == QLatin1String(a.name))
            return Tr::tr(a.label);
    return action;
}

} // namespace quire::desktop::AuditActions
