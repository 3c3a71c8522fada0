// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace quire::server {

class Router;
class SyncAccess;

// One feature of the server as the wiring sees it: its routes and the
// access rules of the synced types it brings. Everything else of it lives
// in its folder (server/<feature>/).
struct ServerFeature
{
    const char *name;
    void (*installRoutes)(Router &router);
    QList<const SyncAccess *> (*accessRules)();
};

// Every feature, in the order their routes are installed. The server's
// route table and the synced types' rules (SyncAccess::all) loop over this
// list; a new feature is one more entry here and a folder of its own.
const QList<ServerFeature> &serverFeatures();

} // namespace quire::server
