// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Soft assertions after Qt Creator's QTC_ASSERT: a broken invariant is logged
// with its place and the code recovers with `action` instead of aborting a
// user's session. Use for "cannot happen" branches, never for input checks.
Q_DECLARE_LOGGING_CATEGORY(lcAssert)

#define QUIRE_ASSERT(cond, action)                                                                                     \
    if (Q_LIKELY(cond)) {                                                                                              \
    } else {                                                                                                           \
        qCCritical(lcAssert, "SOFT ASSERT: \"%s\" in %s:%d", #cond, __FILE__, __LINE__);                               \
        action;                                                                                                        \
    }                                                                                                                  \
    do {                                                                                                               \
    } while (0)
