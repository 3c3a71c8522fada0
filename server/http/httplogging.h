// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The transport's own category, so it needs nothing from the application.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
