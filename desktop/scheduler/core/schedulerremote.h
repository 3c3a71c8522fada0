// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <utility>

namespace quire::desktop {

class AuthSession;

// The scheduler's calls that cannot wait for a sync: a platform's
// credential is sent once, over TLS, to the server (POST
// /platforms/:id/credentials) and kept nowhere on this computer; only when
// it was stored comes back (and reaches the replica with the next sync).
// Retrying one failed destination asks the server's publisher directly.
class SchedulerRemote final : public QObject
{
    Q_OBJECT
public:
    explicit SchedulerRemote(AuthSession &session, QObject *parent = nullptr);

    // Sends the secret's parts (name, value). Done with when the server
    // stored it (a wire timestamp), or why not (field errors included).
    void setCredential(const QString &platformId, const QList<std::pair<QString, QString>> &secret,
                       std::function<void(shared::Result<QString>)> done);
    void removeCredential(const QString &platformId, std::function<void(shared::VoidResult)> done);
    // POST /posts/:id/publish for one failed destination, or, with an empty
    // `destinationId`, for the whole post: due now, every destination not
    // yet sent (what was sent stays sent).
    void retry(const QString &postId, const QString &destinationId, std::function<void(shared::VoidResult)> done);

private:
    AuthSession &m_session;
};

} // namespace quire::desktop
