// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <cstdint>

namespace quire::server {

// The slow-client rule for one connection: a request head must be whole
// `headMs` after its first byte however slowly it trickles in (slowloris),
// and after the same grace a body must average `minBodyRate` bytes a
// second. Times are ms on a steady clock, passed in, so the rule is tested
// without waiting.
class RequestDeadline
{
public:
    struct Limits
    {
        int headMs = 10'000;
        int minBodyRate = 0; // bytes a second; 0: no least rate
    };

    // What is being read now: part of a head, a body with `bodyLeft` bytes
    // still to come, or neither.
    void readingHead(qint64 now);
    void readingBody(std::uint64_t bodyLeft, qint64 now);
    void idle();

    // Whether the client has taken too long.
    bool missed(const Limits &limits, qint64 now) const;

private:
    qint64 m_headSince = 0; // 0: no head being read
    qint64 m_bodySince = 0; // 0: no body being read
    std::uint64_t m_bodyAtStart = 0;
    std::uint64_t m_bodyLeft = 0;
};

} // namespace quire::server
