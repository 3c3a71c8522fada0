// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/requestlog.h"

#include "shared/clock.h"
#include "shared/jsonqt.h"
#include "shared/timestamp.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

#include <ctime>
#include <unistd.h>

namespace quire::server::RequestLog {
namespace {

// Set once at start, before any worker thread runs; read-only after. Never
// destroyed: Qt's own static destructors still log through the handler
// after this file's statics are gone.
QByteArray &instanceName()
{
    static auto *name = new QByteArray;
    return *name;
}

void writeLine(const QByteArray &line)
{
    // One write(2) per line: lines from different threads never interleave.
    qsizetype done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(STDERR_FILENO, line.constData() + done, size_t(line.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}

void emitLine(nlohmann::json &j)
{
    writeLine(shared::toJsonBytes(j) + '\n');
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
    if (!instanceName().isEmpty())
        j["instance"] = instanceName().toStdString();
    emitLine(j);
    if (type == QtFatalMsg)
        abort();
}

} // namespace

namespace {

// JSON string escaping for the few fields of a request line.
void appendString(QByteArray &out, const QByteArray &text)
{
    out.append('"');
    for (const char c : text) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        default:
            if (uchar(c) < 0x20)
                out.append("\\u00").append(QByteArray::number(uchar(c), 16).rightJustified(2, '0'));
            else
                out.append(c);
        }
    }
    out.append('"');
}

// The time of a line, formatted once per millisecond and thread: request
// lines are written at page-cache speed, where formatting dates shows.
QByteArray now()
{
    thread_local qint64 lastMs = -1;
    thread_local QByteArray lastText;
    const QDateTime t = shared::Clock::instance().now();
    const qint64 ms = t.toMSecsSinceEpoch();
    if (ms != lastMs) {
        lastMs = ms;
        lastText = shared::Timestamp::format(t).toUtf8();
    }
    return lastText;
}

} // namespace

qint64 threadCpuNs()
{
    timespec t {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0)
        return 0;
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

void write(const Entry &entry)
{
    // The same fields and order as the JSON object of other lines, built by
    // hand: this runs once per request.
    QByteArray line;
    line.reserve(256);
    line.append("{\"category\":\"quire.http\",");
    if (entry.cpuMs >= 0)
        line.append("\"cpu_ms\":")
            .append(QByteArray::number(double(qRound64(entry.cpuMs * 1000)) / 1000.0, 'g', 10))
            .append(',');
    line.append("\"duration_ms\":")
        .append(QByteArray::number(double(qRound64(entry.durationMs * 1000)) / 1000.0, 'g', 10))
        .append(',');
    if (!instanceName().isEmpty()) {
        line.append("\"instance\":");
        appendString(line, instanceName());
        line.append(',');
    }
    line.append("\"level\":\"info\",\"method\":");
    appendString(line, entry.method);
    line.append(",\"path\":");
    appendString(line, entry.path);
    line.append(",\"remote\":");
    appendString(line, entry.remote);
    line.append(",\"request_id\":");
    appendString(line, entry.requestId);
    line.append(",\"status\":").append(QByteArray::number(entry.status)).append(",\"time\":\"").append(now());
    line.append("\"}\n");
    // Lines are gathered per thread and written once the event loop has
    // answered what it had in hand: one write(2) for many requests under
    // load, and still within the same turn of the loop when idle.
    thread_local QByteArray pending;
    if (pending.isEmpty()) {
        QTimer::singleShot(0, [] {
            writeLine(pending);
            pending.clear();
        });
    }
    pending.append(line);
}

namespace {

QLoggingCategory::CategoryFilter previousFilter = nullptr;

// Qt's HTTP server logs each whole request at debug level: the target with
// its query (a mailed link's token), Cookie and Authorization. Those lines
// stay off whatever QT_LOGGING_RULES asks for; our own request line says
// what happened without them.
void categoryFilter(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0)
        category->setEnabled(QtDebugMsg, false);
}

} // namespace

void setInstance(const QString &name)
{
    instanceName() = name.toUtf8();
}

void installMessageHandler()
{
    qInstallMessageHandler(messageHandler);
    previousFilter = QLoggingCategory::installFilter(categoryFilter);
}

} // namespace quire::server::RequestLog
