// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/clock.h"

#include <atomic>

namespace quire::shared {
namespace {
const SystemClock s_systemClock;
std::atomic<const Clock *> s_clock { &s_systemClock };
} // namespace

const Clock &Clock::instance()
{
    return *s_clock.load(std::memory_order_acquire);
}

void Clock::setInstance(const Clock *clock)
{
    s_clock.store(clock ? clock : &s_systemClock, std::memory_order_release);
}

} // namespace quire::shared
