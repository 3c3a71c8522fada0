// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverlogging.h"

Q_LOGGING_CATEGORY(lcServer, "quire.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerSync, "quire.sync", QtInfoMsg)
