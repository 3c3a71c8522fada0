// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clicommand.h"

#include <QList>

namespace quire::cli {

// One feature's part of quire-cli: its command table. The commands live in
// the feature's folder (desktop/<feature>/cli/); the platform's own commands
// (connecting, sync and its records) are entries of this list too, first.
// Contract: a command's name is unique across the list, its usage lines start
// with two spaces and the command name, and its handler writes only through
// the CliSupport it is given.
struct CliFeature
{
    const char *name;
    QList<CliCommand> (*commands)();
};

// Every feature with commands, in the order --help lists them. quire-cli
// dispatches by looping over this list; a new feature is one more entry here
// and a folder of its own.
const QList<CliFeature> &cliFeatures();

} // namespace quire::cli
