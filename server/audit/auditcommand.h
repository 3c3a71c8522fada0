// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace quire::server {

struct AuditRecord;

// `quire-server audit verify` and `quire-server audit list [--limit N]` on
// the scheduler's audit chain (AuditChain), with --data-dir and
// --database-url as every console command. verify exits 0 with
// "audit log intact: N entries, head H", or 1 naming the first bad entry;
// list prints one line an entry, every field escaped so that no stored
// text can start a line of its own or move the cursor.
class AuditCommand
{
public:
    // `args` follow the command word (ServerCommandLine's Parsed::args);
    // answers the process exit code (0, 1 runtime error, 2 usage).
    static int run(const QStringList &args);

    // `text` with backslash, control characters (C0, DEL, C1), format
    // characters (bidi overrides) and Unicode's line and paragraph separators written as \\, \r, \n, \t or \u{XXXX}.
    static QString escaped(const QString &text);
    // One line of `audit list`.
    static QString line(const AuditRecord &record);
};

} // namespace quire::server
