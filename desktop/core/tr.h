// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace quire::desktop {

// The translation context of the desktop core.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Quire::Core)
};

} // namespace quire::desktop
