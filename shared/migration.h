// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace quire::shared {

// One numbered schema step: statements that run together in one transaction.
struct Migration
{
    int version = 0;
    QString name;
    QStringList statements;
};

} // namespace quire::shared
