// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>

namespace quire::test {

// Bytes this process has read through read(2)/pread(2) so far (rchar of
// /proc/self/io, sockets included). SQLite reads its pages that way, so the
// difference around a call bounds what the database read: for tests that
// some work does not grow with the data. -1 where there is no /proc.
inline qint64 bytesReadSoFar()
{
    QFile f(QStringLiteral("/proc/self/io"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

} // namespace quire::test
