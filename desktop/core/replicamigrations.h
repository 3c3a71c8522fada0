// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/migration.h"

#include <QList>

namespace quire::desktop {

// The desktop replica's schema history, oldest first; append only.
const QList<shared::Migration> &replicaMigrations();

} // namespace quire::desktop
