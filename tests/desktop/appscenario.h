// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/syncengine.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/desktopapp.h"
#include "desktop/widgets/mainwindow.h"
#include "tests/support/serverprocess.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace quire::test {

// The app started as `quire --profile DIR …` starts it, against a real
// server whose data directory is made (accounts first) before it starts:
// what the end-to-end scenario tests drive.
struct AppScenario
{
    static constexpr int kTimeoutMs = 60000;

    QTemporaryDir dir;
    ServerProcess server;
    QStringList serverArgs; // more of the server's options, set before startServer()
    std::unique_ptr<desktop::Workspace> workspace;
    std::unique_ptr<gui::MainWindow> window;

    QString profile() const { return dir.filePath(QStringLiteral("profile")); }
    // Where the server keeps its data; accounts go in before startServer().
    QString serverData() const { return dir.filePath(QStringLiteral("server")); }

    // Started again after stopServer(), on the port it had: the app's
    // profile still names that address.
    bool startServer()
    {
        QStandardPaths::setTestModeEnabled(true);
        ServerProcess::Options options;
        options.dataDir = serverData();
        options.extraArgs = serverArgs;
        options.port = m_port;
        if (!dir.isValid() || !server.start(options)) {
            qWarning() << "the server did not start:" << server.errorString();
            return false;
        }
        m_port = server.port();
        return true;
    }
    // SIGTERM, as an operator stops it; the network is gone for the app.
    bool stopServer() { return server.stop(); }

    // The app started as `quire --profile DIR` and `options`, where URL and
    // FP stand for the server's address and fingerprint.
    bool startApp(const QStringList &options)
    {
        QStringList arguments { QStringLiteral("quire"), QStringLiteral("--profile"), profile() };
        for (const QString &option : options) {
            if (option == QLatin1String("URL"))
                arguments << server.url().toString();
            else if (option == QLatin1String("FP"))
                arguments << server.fingerprint();
            else
                arguments << option;
        }
        gui::DesktopApp::Opened opened = gui::DesktopApp::open(arguments);
        if (!opened.workspace) {
            qWarning() << "the app did not start:" << opened.error;
            return false;
        }
        workspace = std::move(opened.workspace);
        window = std::make_unique<gui::MainWindow>(*workspace);
        window->resize(1280, 800);
        gui::DesktopApp::start(*workspace, *window, opened.signInEmail);
        return QTest::qWaitForWindowExposed(window.get());
    }

    void quitApp()
    {
        window.reset(); // the window uses the workspace
        workspace.reset();
    }

    // One round of the app's own sync engine, after whatever round its
    // automatic triggers were running; true when it ended in step.
    bool syncRound()
    {
        desktop::SyncEngine &engine = workspace->sync();
        const auto notSyncing = [&engine] { return engine.state() != desktop::SyncEngine::State::Syncing; };
        if (!QTest::qWaitFor(notSyncing, kTimeoutMs))
            return false;
        bool finished = false;
        const QMetaObject::Connection c
            = QObject::connect(&engine, &desktop::SyncEngine::roundFinished, &engine, [&finished] { finished = true; });
        engine.syncNow();
        const bool ended = QTest::qWaitFor([&] { return finished && notSyncing(); }, kTimeoutMs);
        QObject::disconnect(c);
        return ended && engine.state() == desktop::SyncEngine::State::Idle;
    }

private:
    quint16 m_port = 0;
};

} // namespace quire::test
