// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QTextStream;

namespace quire::cli {

// quire-cli's commands over the same desktop core as the GUI. Output goes to
// `out`, errors to `err`; the return value is the exit code (see help()).
class CliCommands
{
public:
    enum ExitCode { Ok = 0, Failure = 1, Usage = 2, Unreachable = 3, Untrusted = 4, Incompatible = 5 };

    CliCommands(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);

    static QString help();

private:
    int connect(const QString &profile, const QStringList &args);
    int status(const QString &profile, const QStringList &args);
    int usage(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace quire::cli
