// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace quire::server {

class SyncAccess;

// The access rules of the prompt library's synced tables (shared/prompttables.cpp).
QList<const SyncAccess *> promptAccessRules();

} // namespace quire::server
