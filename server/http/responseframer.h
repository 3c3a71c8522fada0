// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/requestframer.h"

#include <QByteArray>

#include <deque>
#include <memory>
#include <optional>
#include <string_view>

namespace quire::server {

// Follows the answers the application writes back on a relayed connection
// (with Boost.Beast's response parser), so the front door knows how many of
// the requests it let through are still unanswered, and whether a request
// to upgrade was switched. The bytes themselves pass on untouched; this
// only watches them.
class ResponseFramer
{
public:
    ResponseFramer();
    ~ResponseFramer();
    ResponseFramer(const ResponseFramer &) = delete;
    ResponseFramer &operator=(const ResponseFramer &) = delete;

    // A request went on; its answer comes after those already expected.
    void expect(const RequestFramer::Forwarded &request);
    // Watches the next bytes of the answers.
    void feed(std::string_view data);
    // Requests that went on and have no complete answer yet.
    std::size_t outstanding() const { return m_expected.size(); }
    // Set once the answer to an upgrade request has its head: whether it
    // switched protocols. Cleared by reading it.
    std::optional<bool> takeUpgradeAnswer();
    // Switched protocols, or answers that cannot be followed: no more
    // counting.
    bool following() const { return !m_opaque; }
    // Where the answer that switched protocols begins, counted in bytes
    // from the first byte fed.
    std::uint64_t upgradeAt() const { return m_upgradeAt; }

private:
    class HeadParser;

    // Takes one answer's worth from the front of `data`; how many bytes.
    std::size_t take(std::string_view data);

    std::deque<RequestFramer::Forwarded> m_expected;
    std::unique_ptr<HeadParser> m_parser; // of the answer being read
    QByteArray m_held; // a partial answer head
    std::optional<bool> m_upgradeAnswer;
    std::uint64_t m_consumed = 0; // bytes the parsers took so far
    std::uint64_t m_answerAt = 0; // where the answer being read began
    std::uint64_t m_upgradeAt = 0;
    bool m_opaque = false;
};

} // namespace quire::server
