// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace quire::gui {

// The translation context of the desktop widgets.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Quire::Gui)
};

} // namespace quire::gui
