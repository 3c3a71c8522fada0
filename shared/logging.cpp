// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/logging.h"

#include "shared/softassert.h"

Q_LOGGING_CATEGORY(lcDb, "quire.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMigrate, "quire.db.migrate", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAssert, "quire.assert", QtWarningMsg)
