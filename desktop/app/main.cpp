// SPDX-License-Identifier: GPL-3.0-or-later
// quire: the desktop app. Everything lives in the libraries; this only starts it.
#include "desktop/widgets/desktopapp.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    return quire::gui::DesktopApp::run(app);
}
