// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QApplication;

namespace quire::gui {

// Starts the desktop app on a running QApplication: options, translations,
// the profile, the main window. Kept out of main() so tests can drive it.
namespace DesktopApp {
int run(QApplication &app);
}

} // namespace quire::gui
