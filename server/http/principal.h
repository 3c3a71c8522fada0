// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/apikeyscope.h"
#include "shared/role.h"

#include <QList>
#include <QString>

namespace quire::server {

// Who is making a request, as the database holds it at that request (read,
// or kept only while nothing in the database changed; so a role change or a
// disabled account takes effect on the very next call).
// The transport only carries it: the application's sign-in middleware
// fills it in, and handlers and later middleware read it.
struct Principal
{
    QString userId;
    QString sessionId;
    QString email;
    shared::Role role = shared::Role::Reader;
    bool emailVerified = false;
    // Set when a personal API key authenticated the request (sessionId is
    // then empty): which key, its name (the usage history's source) and
    // what it may do.
    QString apiKeyId;
    QString apiKeyName;
    QList<shared::ApiKeyScope> apiKeyScopes;
};

} // namespace quire::server
