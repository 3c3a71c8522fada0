// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/httplogging.h"

Q_LOGGING_CATEGORY(lcHttp, "quire.http", QtInfoMsg)
