// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/core/accountadmin.h"

#include "desktop/core/authsession.h"
#include "shared/jsonqt.h"

#include <QUrlQuery>

namespace quire::desktop {

using shared::Error;
using shared::Result;

namespace {
Error failure(const ApiReply &reply)
{
    return reply.error ? *reply.error : Error::make(shared::ErrorCode::Unknown, QString());
}

} // namespace

AccountAdmin::AccountAdmin(AuthSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

void AccountAdmin::listUsers(const QString &search, int page, std::function<void(Result<UserPage>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("page"), QString::number(page));
    q.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    if (!search.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("q"), search.trimmed());
    m_session.call(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/users?") + q.toString(QUrl::FullyEncoded),
                   std::nullopt, [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       UserPage page;
                       page.total = reply.json.value("total", 0);
                       for (const auto &u : reply.json.value("users", nlohmann::json::array())) {
                           if (Result<shared::User> user = shared::User::fromJson(u))
                               page.users << *user;
                       }
                       done(page);
                   });
}

void AccountAdmin::updateUser(const QString &id, std::optional<shared::Role> role, std::optional<bool> disabled,
                              std::function<void(Result<shared::User>)> done)
{
    nlohmann::json body = nlohmann::json::object();
    if (role)
        body["role"] = shared::roleName(*role);
    if (disabled)
        body["disabled"] = *disabled;
    m_session.call(QStringLiteral("PUT"), QStringLiteral("/api/v1/admin/users/") + id, body,
                   [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       done(shared::User::fromJson(reply.json));
                   });
}

void AccountAdmin::createUser(const QString &name, const QString &email, shared::Role role,
                              std::function<void(Result<shared::User>)> done)
{
    m_session.call(QStringLiteral("POST"), QStringLiteral("/api/v1/admin/users"),
                   nlohmann::json { { "name", name.trimmed().toStdString() },
                                    { "email", email.trimmed().toStdString() },
                                    { "role", shared::roleName(role) } },
                   [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       done(shared::User::fromJson(reply.json));
                   });
}

void AccountAdmin::createInvite(shared::Role role, int validDays, std::function<void(Result<QString>)> done)
{
    m_session.call(QStringLiteral("POST"), QStringLiteral("/api/v1/admin/invites"),
                   nlohmann::json { { "role", shared::roleName(role) }, { "valid_days", validDays } },
                   [done](const ApiReply &reply) {
                       if (!reply.ok())
                           done(failure(reply));
                       else
                           done(shared::textOf(reply.json, "invite_code"));
                   });
}

void AccountAdmin::audit(const QString &action, const QString &actorId,
                         std::function<void(Result<QList<AuditEntry>>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    if (!action.isEmpty())
        q.addQueryItem(QStringLiteral("action"), action);
    if (!actorId.isEmpty())
        q.addQueryItem(QStringLiteral("actor"), actorId);
    m_session.call(QStringLiteral("GET"), QStringLiteral("/api/v1/admin/audit?") + q.toString(QUrl::FullyEncoded),
                   std::nullopt, [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       QList<AuditEntry> entries;
                       for (const auto &e : reply.json.value("entries", nlohmann::json::array())) {
                           AuditEntry entry;
                           entry.id = e.value("id", qint64(0));
                           entry.at = shared::textOf(e, "at");
                           entry.actorId = shared::textOf(e, "actor_id");
                           entry.actorName = shared::textOf(e, "actor_name");
                           entry.actorEmail = shared::textOf(e, "actor_email");
                           entry.action = shared::textOf(e, "action");
                           entry.targetId = shared::textOf(e, "target_id");
                           entry.targetName = shared::textOf(e, "target_name");
                           entry.targetEmail = shared::textOf(e, "target_email");
                           // A deleted account is gone from users; its address stays in the details.
                           if (entry.targetEmail.isEmpty() && e.contains("details") && e["details"].is_object())
                               entry.targetEmail = shared::textOf(e["details"], "email");
                           entry.ip = shared::textOf(e, "ip");
                           entries << entry;
                       }
                       done(entries);
                   });
}

} // namespace quire::desktop
