// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/desktopapp.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/profile.h"
#include "desktop/core/translations.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/mainwindow.h"
#include "desktop/widgets/tr.h"
#include "shared/fingerprint.h"
#include "shared/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

namespace quire::gui::DesktopApp {

int run(QApplication &app)
{
    QApplication::setApplicationName(QStringLiteral("quire"));
    QApplication::setOrganizationName(QStringLiteral("Quire"));
    QApplication::setApplicationVersion(QLatin1String(shared::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("org.quire.Quire"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.quire.Quire.svg")));
    desktop::Translations::install(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Quire: write, manage and publish, offline first."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), Tr::tr("Use the profile in <dir> instead of the default one."), Tr::tr("dir"));
    const QCommandLineOption serverOption(QStringLiteral("server"), Tr::tr("Connect to the server at <url>."),
                                          Tr::tr("url"));
    const QCommandLineOption fingerprintOption(QStringLiteral("trust-fingerprint"),
                                               Tr::tr("Trust the server certificate with this SHA-256 <fingerprint>."),
                                               Tr::tr("fingerprint"));
    parser.addOptions({ profileOption, serverOption, fingerprintOption });
    parser.process(app);

    auto workspace = desktop::Workspace::open(parser.value(profileOption));
    if (!workspace) {
        QMessageBox::critical(nullptr, Tr::tr("Quire cannot start"), workspace.error().message);
        return 1;
    }
    desktop::Workspace &ws = **workspace;
    if (parser.isSet(serverOption)) {
        shared::Result<QUrl> url = desktop::ApiClient::parseServerUrl(parser.value(serverOption));
        std::optional<QString> pin = parser.isSet(fingerprintOption)
            ? shared::Fingerprint::normalize(parser.value(fingerprintOption))
            : std::optional<QString>(QString());
        if (!url || !pin) {
            QMessageBox::critical(nullptr, Tr::tr("Quire cannot start"),
                                  !url ? url.error().message : Tr::tr("The fingerprint is not a SHA-256 fingerprint."));
            return 2;
        }
        ws.useServer(*url, *pin);
    }

    MainWindow window(ws);
    window.show();
    ws.connection().start();
    // Sync runs by itself in the app: after edits, on live notices, on a timer.
    ws.startAutomaticSync();
    if (ws.api().server().isValid())
        ws.session().restore([](const desktop::ApiReply &) {}); // silent: signed in again if the token is still good
    if (!ws.api().server().isValid())
        QTimer::singleShot(0, &window, [&window] { window.showConnectDialog(); });
    return QApplication::exec();
}

} // namespace quire::gui::DesktopApp
