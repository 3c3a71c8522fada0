// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QApplication;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

class MainWindow;

// Starts the desktop app on a running QApplication: options, translations,
// the profile, the main window. Kept out of main() so tests can drive it.
namespace DesktopApp {

// A start's profile, pointed at the server its options name, or why the app
// cannot start (for the user) and the exit code to end with.
struct Opened
{
    std::unique_ptr<desktop::Workspace> workspace;
    QString error;
    int exitCode = 0;
    QString signInEmail = QString(); // `--email`: suggested when the app asks to sign in
};

// Reads the command line (`arguments` as QCoreApplication::arguments() has
// them) and opens its profile. `--server URL` alone keeps the certificate
// pinned for that same server; `--trust-fingerprint` replaces the pin.
Opened open(const QStringList &arguments);
// Shows `window` and brings the workspace to life: connection checks,
// automatic sync, the silent sign-in with the stored refresh token; the
// connect dialog when the profile knows no server, and the sign-in dialog
// (`signInEmail` or the last account's address filled in) when it has no
// session to restore.
void start(desktop::Workspace &workspace, MainWindow &window, const QString &signInEmail = QString());
// The terminal stays quiet unless asked: Quire's logging categories say
// nothing below a warning unless QT_LOGGING_RULES names what to show.
void quietLogging();
int run(QApplication &app);

} // namespace DesktopApp

} // namespace quire::gui
