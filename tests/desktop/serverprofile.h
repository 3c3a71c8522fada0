// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/authsession.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/mainwindow.h"
#include "tests/support/serverprocess.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace quire::test {

// A real server (its rate limits out of the way) with accounts, a desktop
// profile that uses it and, for the GUI tests, the main window on it: where
// the desktop tests against a server start. Call the steps in order.
struct ServerProfile
{
    QTemporaryDir dir;
    ServerProcess server;
    std::unique_ptr<desktop::Workspace> workspace;
    std::unique_ptr<gui::MainWindow> window;

    // Starts the server, with `extraArgs` besides the raised rate limits.
    bool start(const QStringList &extraArgs = {})
    {
        QStandardPaths::setTestModeEnabled(true);
        ServerProcess::Options o;
        o.extraArgs = QStringList { QStringLiteral("--rate-limit-scale"), QStringLiteral("1000000") } + extraArgs;
        if (!server.start(o)) {
            qWarning() << server.errorString();
            return false;
        }
        return true;
    }

    // An account made through `quire-server create-user`.
    bool createUser(const QString &email, const QString &role, const QString &password)
    {
        return ServerProcess::run({ QStringLiteral("create-user"), QStringLiteral("--data-dir"), server.dataDir(),
                                    QStringLiteral("--email"), email, QStringLiteral("--role"), role },
                                  60000, {}, password.toUtf8() + '\n')
                   .exitCode
            == 0;
    }

    // Opens the profile and points it at the server.
    bool openProfile()
    {
        auto ws = desktop::Workspace::open(dir.filePath(QStringLiteral("profile")));
        if (!ws)
            return false;
        workspace = std::move(ws.value());
        workspace->useServer(server.url(), server.fingerprint());
        return true;
    }

    // The main window on the profile, shown (at `size`, when given) and exposed.
    bool showWindow(QSize size = {})
    {
        window = std::make_unique<gui::MainWindow>(*workspace);
        if (size.isValid())
            window->resize(size);
        window->show();
        return QTest::qWaitForWindowExposed(window.get());
    }

    // Signs the profile in; true once the server said yes.
    bool signIn(const QString &email, const QString &password)
    {
        bool done = false;
        bool ok = false;
        workspace->session().signIn(email, password, [&](const desktop::ApiReply &r) {
            ok = r.ok();
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 20000) && ok;
    }
};

} // namespace quire::test
