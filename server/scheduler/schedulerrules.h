// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace quire::server {

class SyncAccess;

// The access rules of the scheduler's tables, for the feature list.
QList<const SyncAccess *> schedulerAccessRules();

} // namespace quire::server
