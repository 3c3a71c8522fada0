// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clisupport.h"

#include <QStringList>

class QTextStream;

namespace quire::cli {

// quire-cli's entry: global options, then the command named by the first
// word, found in the features' command tables (cliFeatures()). Output goes
// to `out`, errors to `err`; the return value is the exit code (see help()).
class CliCommands
{
public:
    CliCommands(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

    // The usage text: every command of every feature, in list order.
    static QString help();

private:
    QTextStream &m_out;
    CliSupport m_support;
};

} // namespace quire::cli
