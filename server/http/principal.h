// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/role.h"

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
};

} // namespace quire::server
