// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace quire::server {

// Structured logging on stderr: one JSON object per line, for requests and
// for every qDebug/qWarning of the process, so logs can be parsed as a whole.
namespace RequestLog {

struct Entry
{
    QByteArray requestId;
    QByteArray method;
    QByteArray path; // UTF-8; never the query string: it can carry tokens
    int status = 0;
    double durationMs = 0;
    QByteArray remote;
    // CPU time the serving thread spent on the request, when one thread
    // served it whole (the fast path); negative when not known. Unlike
    // durationMs it leaves out time the thread waited for a core, which on
    // a busy machine is most of a slow request's tail.
    double cpuMs = -1;
};

// CPU time this thread has used so far, in nanoseconds.
qint64 threadCpuNs();

void write(const Entry &entry);

// Names the instance on every line from now on (call before the workers start).
void setInstance(const QString &name);

// Routes Qt's own messages through the JSON format.
void installMessageHandler();

} // namespace RequestLog
} // namespace quire::server
