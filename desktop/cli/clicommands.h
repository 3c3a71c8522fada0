// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clisupport.h"

#include <QStringList>

#include <optional>

class QTextStream;
class QUrl;

namespace quire::desktop {
class Workspace;
}

namespace quire::cli {

// quire-cli's commands over the same desktop core as the GUI. Output goes to
// `out`, errors to `err`; the return value is the exit code (see help()).
class CliCommands
{
public:
    CliCommands(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

    static QString help();

private:
    struct ServerArgs
    {
        QString url;
        QString pin;
        bool tofu = false;
        QStringList rest; // positional arguments after the URL
    };
    std::optional<ServerArgs> parseServerArgs(const QStringList &args, int &exitCode);
    // Checks the server, pins its certificate as told, remembers it.
    int connectWorkspace(desktop::Workspace &ws, const QUrl &url, QString pin, bool tofu);
    int connect(const QString &profile, const QStringList &args);
    int login(const QString &profile, const QStringList &args);
    int logout(const QString &profile, const QStringList &args);
    int status(const QString &profile, const QStringList &args);
    int usage(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    CliSupport m_support;
};

} // namespace quire::cli
