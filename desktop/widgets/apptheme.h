// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/profile.h"

#include <QPalette>

class QMenu;
class QMenuBar;

namespace quire::gui {

// The app's light or dark look, as the profile prefers: one palette for the
// whole application (Fusion's colours, which every widget and the editor's
// text formats follow), or the system's own when the preference is System.
class AppTheme final
{
public:
    // Applies `theme` to the running application.
    static void apply(desktop::ThemePreference theme);
    static QPalette darkPalette();
    static QPalette lightPalette();
    // Whether `palette` draws light text on a dark ground.
    static bool isDark(const QPalette &palette);
    // A "Theme" menu (System, Light, Dark) in `bar`'s View menu that shows
    // and changes the profile's preference, applied at once.
    static QMenu *addMenu(QMenuBar &bar, desktop::Profile &profile);
};

} // namespace quire::gui
