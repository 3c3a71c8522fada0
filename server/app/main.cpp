// SPDX-License-Identifier: GPL-3.0-or-later
// quire-server: everything lives in quire_server_core; this only starts it.
#include "server/servercommands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quire-server"));
    return quire::server::ServerCommands::run(QCoreApplication::arguments());
}
