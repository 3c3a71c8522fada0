// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/corelogging.h"

Q_LOGGING_CATEGORY(lcNet, "quire.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReplica, "quire.replica", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "quire.sync", QtInfoMsg)
