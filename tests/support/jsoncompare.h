// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>

#include <nlohmann/json.hpp>

// nlohmann::json values are compared as JSON, and shown as JSON when they
// differ (QCOMPARE cannot take them: QTest's printing meets nlohmann's
// conversions).
#define QCOMPARE_JSON(actual, expected)                                                                                \
    do {                                                                                                               \
        const nlohmann::json a_ = (actual);                                                                            \
        const nlohmann::json e_ = (expected);                                                                          \
        QVERIFY2(a_ == e_, (a_.dump() + " != " + e_.dump()).c_str());                                                  \
    } while (false)
