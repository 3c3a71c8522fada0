// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/requestlog.h"

#include "shared/clock.h"
#include "shared/jsonqt.h"
#include "shared/timestamp.h"

#include <unistd.h>

namespace quire::server::RequestLog {
namespace {

void emitLine(nlohmann::json &j)
{
    QByteArray line = shared::toJsonBytes(j);
    line.append('\n');
    // One write(2) per line: lines from different threads never interleave.
    qsizetype done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(STDERR_FILENO, line.constData() + done, size_t(line.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    nlohmann::json j;
    j["time"] = shared::Timestamp::format(shared::Clock::instance().now());
    j["level"] = levelName(type);
    j["category"] = context.category ? context.category : "default";
    j["message"] = message;
    emitLine(j);
    if (type == QtFatalMsg)
        abort();
}

} // namespace

void write(const Entry &entry)
{
    nlohmann::json j;
    j["time"] = shared::Timestamp::format(shared::Clock::instance().now());
    j["level"] = "info";
    j["category"] = "quire.http";
    j["request_id"] = entry.requestId;
    j["method"] = entry.method;
    j["path"] = entry.path;
    j["status"] = entry.status;
    j["duration_ms"] = double(qRound64(entry.durationMs * 1000)) / 1000.0;
    j["remote"] = entry.remote;
    emitLine(j);
}

void installMessageHandler()
{
    qInstallMessageHandler(messageHandler);
}

} // namespace quire::server::RequestLog
