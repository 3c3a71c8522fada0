// SPDX-License-Identifier: GPL-3.0-or-later
// quire-test-server: the real server with the test-only type registered,
// for the conformance suite.
#include "server/servercommands.h"
#include "tests/conformance/testtype/testnotes.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quire-server"));
    quire::test::registerTestNotes();
    return quire::server::ServerCommands::run(QCoreApplication::arguments());
}
