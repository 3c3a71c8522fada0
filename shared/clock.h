// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace quire::shared {

// Where the code asks for the time, so tests can set it (KeePassXC's Clock).
// Only order-free things use it: expiries, schedules, display. The order of
// changes comes from the server's sequence, never from a clock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }

    // The process-wide clock; the system clock unless a test installed another.
    static const Clock &instance();
    // Installs `clock` (not owned) for the process, or the system clock for nullptr.
    static void setInstance(const Clock *clock);
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace quire::shared
