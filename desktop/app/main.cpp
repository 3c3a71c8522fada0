// SPDX-License-Identifier: GPL-3.0-or-later
// quire: the desktop app. Everything lives in the libraries; this only starts it.
#include "desktop/articles/widgets/articlepreview.h"
#include "desktop/widgets/desktopapp.h"

#include <QApplication>

#include <unistd.h>

int main(int argc, char *argv[])
{
    // Chromium (the preview's engine) refuses to start as root with its
    // sandbox on, which is how containers and CI run the app. There, and
    // only when the user has not set the flags themselves, it runs without
    // the sandbox and GPU; the preview loads nothing from the network
    // (ArticlePreview blocks every request outside its own scheme).
    if (geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu");
    // Qt WebEngine takes custom URL schemes only before the application exists.
    quire::gui::ArticlePreview::registerScheme();
    QApplication app(argc, argv);
    return quire::gui::DesktopApp::run(app);
}
