// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/user.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace quire::desktop {

class AuthSession;

// One line of the server's audit trail.
struct AuditEntry
{
    qint64 id = 0;
    QString at;
    QString actorId;
    QString actorName; // empty when the server has no such account (the console, deleted since)
    QString actorEmail;
    QString action;
    QString targetId;
    QString targetName;
    QString targetEmail; // the deleted account's address, from the details, for user_deleted
    QString ip;
};

// The admin side of accounts, as typed calls over the signed-in session:
// users (list, search, add, role, disable), invites and the audit log. The
// server decides what is allowed; this only carries the requests.
class AccountAdmin final : public QObject
{
    Q_OBJECT
public:
    struct UserPage
    {
        QList<shared::User> users;
        int total = 0;
    };

    explicit AccountAdmin(AuthSession &session, QObject *parent = nullptr);

    void listUsers(const QString &search, int page, std::function<void(shared::Result<UserPage>)> done);
    void updateUser(const QString &id, std::optional<shared::Role> role, std::optional<bool> disabled,
                    std::function<void(shared::Result<shared::User>)> done);
    // An account without a password; the server mails its owner a link to
    // choose one. Refusals carry field errors (name, email, role).
    void createUser(const QString &name, const QString &email, shared::Role role,
                    std::function<void(shared::Result<shared::User>)> done);
    void createInvite(shared::Role role, int validDays, std::function<void(shared::Result<QString>)> done);
    void audit(const QString &action, const QString &actorId,
               std::function<void(shared::Result<QList<AuditEntry>>)> done);

private:
    AuthSession &m_session;
};

} // namespace quire::desktop
