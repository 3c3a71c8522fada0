// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace quire::shared {

// The translation context of the shared library (one per module, as in Qt Creator).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Quire::Shared)
};

} // namespace quire::shared
