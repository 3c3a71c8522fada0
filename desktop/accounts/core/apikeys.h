// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/apikeyscope.h"
#include "shared/result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace quire::desktop {

class AuthSession;

// One of the user's personal API keys as the server lists it (never the secret).
struct ApiKeyInfo
{
    QString id;
    QString name;
    QString prefix; // "quire_<prefix>", the part shown in lists
    QList<shared::ApiKeyScope> scopes;
    QString createdAt;
    QString lastUsedAt; // empty: never used
    QString revokedAt; // empty: live
};

// The signed-in user's personal API keys, as typed calls over the session:
// list, create (the key text comes back once), revoke. The server decides
// what is allowed; this only carries the requests.
class ApiKeys final : public QObject
{
    Q_OBJECT
public:
    struct Created
    {
        ApiKeyInfo info;
        QString key; // the whole key: shown once, kept nowhere
    };

    explicit ApiKeys(AuthSession &session, QObject *parent = nullptr);

    void list(std::function<void(shared::Result<QList<ApiKeyInfo>>)> done);
    // Refusals carry field errors (name, scopes).
    void create(const QString &name, const QList<shared::ApiKeyScope> &scopes,
                std::function<void(shared::Result<Created>)> done);
    void revoke(const QString &id, std::function<void(shared::VoidResult)> done);

private:
    AuthSession &m_session;
};

} // namespace quire::desktop
