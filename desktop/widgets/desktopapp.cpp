// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/desktopapp.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/profile.h"
#include "desktop/core/translations.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/apptheme.h"
#include "desktop/widgets/mainwindow.h"
#include "desktop/widgets/tr.h"
#include "shared/fingerprint.h"
#include "shared/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTimer>

namespace quire::gui::DesktopApp {

namespace {
constexpr int kExitProfile = 1;
constexpr int kExitUsage = 2;
} // namespace

Opened open(const QStringList &arguments)
{
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
    const QCommandLineOption emailOption(
        QStringLiteral("email"), Tr::tr("Suggest <address> when the app asks you to sign in."), Tr::tr("address"));
    parser.addOptions({ profileOption, serverOption, fingerprintOption, emailOption });
    parser.process(arguments);

    Opened opened;
    std::optional<QUrl> server;
    std::optional<QString> pin;
    if (parser.isSet(serverOption)) {
        shared::Result<QUrl> url = desktop::ApiClient::parseServerUrl(parser.value(serverOption));
        if (!url)
            return { nullptr, url.error().message, kExitUsage };
        server = *url;
    }
    if (server && parser.isSet(fingerprintOption)) {
        pin = shared::Fingerprint::normalize(parser.value(fingerprintOption));
        if (!pin)
            return { nullptr, Tr::tr("The fingerprint is not a SHA-256 fingerprint."), kExitUsage };
    }
    auto workspace = desktop::Workspace::open(parser.value(profileOption));
    if (!workspace)
        return { nullptr, workspace.error().message, kExitProfile };
    opened.workspace = std::move(workspace.value());
    opened.signInEmail = parser.value(emailOption).trimmed();
    // Naming the server again without its fingerprint (a shortcut, a second
    // `./quire.sh run` that missed the line) must not throw away the trust.
    if (server)
        opened.workspace->useServerKeepingPin(*server, pin);
    return opened;
}

void start(desktop::Workspace &workspace, MainWindow &window, const QString &signInEmail)
{
    window.show();
    workspace.connection().start();
    // Sync runs by itself in the app: after edits, on live notices, on a timer.
    workspace.startAutomaticSync();
    // The next step of a first run is signing in: asked for, not left to be
    // found in the Account menu.
    auto askToSignIn = [&workspace, signInEmail] { workspace.session().requestSignIn(signInEmail); };
    if (!workspace.api().server().isValid()) {
        QTimer::singleShot(0, &window, [&window, askToSignIn] {
            if (window.showConnectDialog())
                askToSignIn();
        });
        return;
    }
    if (!workspace.session().hasStoredSession()) {
        QTimer::singleShot(0, &window, askToSignIn);
        return;
    }
    // Silent: signed in again if the stored token is still good. Started
    // before the server answers, the first sync round once it does signs in.
    // A token the server refused asks again (AccountMenu, signInRequired).
    workspace.session().restore([](const desktop::ApiReply &) {});
}

void quietLogging()
{
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("quire.*.debug=false\nquire.*.info=false"));
}

int run(QApplication &app)
{
    QApplication::setApplicationName(QStringLiteral("quire"));
    QApplication::setOrganizationName(QStringLiteral("Quire"));
    QApplication::setApplicationVersion(QLatin1String(shared::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("org.quire.Quire"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.quire.Quire.svg")));
    quietLogging();
    desktop::Translations::install(app);

    Opened opened = open(QApplication::arguments());
    if (!opened.workspace) {
        QMessageBox::critical(nullptr, Tr::tr("Quire cannot start"), opened.error);
        return opened.exitCode;
    }
    AppTheme::apply(opened.workspace->profile().theme());
    MainWindow window(*opened.workspace);
    start(*opened.workspace, window, opened.signInEmail);
    return QApplication::exec();
}

} // namespace quire::gui::DesktopApp
