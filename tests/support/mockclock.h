// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/clock.h"

namespace quire::test {

// A clock tests set and advance by hand (after KeePassXC's MockClock);
// installs itself as the process clock for its lifetime.
class MockClock final : public shared::Clock
{
public:
    explicit MockClock(QDateTime start = QDateTime(QDate(2026, 1, 31), QTime(12, 0), Qt::UTC))
        : m_now(std::move(start))
    {
        shared::Clock::setInstance(this);
    }
    ~MockClock() override { shared::Clock::setInstance(nullptr); }

    QDateTime now() const override { return m_now; }
    void set(const QDateTime &time) { m_now = time; }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace quire::test
