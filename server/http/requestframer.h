// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace quire::server {

// Decides where each request a client sends begins and ends, before any of
// it reaches the application's HTTP parser: heads are read by Boost.Beast's
// strict HTTP/1.1 parser, and the framing rules of RFC 9112 that a parser
// leaves to the server are applied here. Only whole, unambiguous requests
// go on; the first request that is ambiguous or malformed stops the stream
// for good, so no byte after it can be read as a request of its own
// (request smuggling). Pure: no sockets, so it is tested and fuzzed alone.
class RequestFramer
{
public:
    struct Limits
    {
        std::size_t maxHead = 16 * 1024;
        std::uint64_t maxBody = 10 * 1024 * 1024;
    };

    enum class State {
        Idle, // between requests
        Head, // part of a request head is here
        Body, // the head went on; body bytes follow
        AwaitingUpgrade, // an upgrade request went on; its answer decides
        Tunnel, // upgraded: bytes go on unread
        Closing, // a request asked to close; what follows is dropped
        Failed, // see error()
    };

    // Why the stream stopped, as the answer the client gets.
    struct Refusal
    {
        int status = 0; // 400, 408, 411, 413, 431 or 505
        QByteArray reason; // for the client and the log; never echoes input
    };

    // What went on for one request: what its answer will look like.
    struct Forwarded
    {
        bool head = false; // a HEAD request: its answer has no body
        bool upgrade = false; // asks to switch protocols
    };

    explicit RequestFramer(Limits limits);
    ~RequestFramer();
    RequestFramer(const RequestFramer &) = delete;
    RequestFramer &operator=(const RequestFramer &) = delete;

    // Takes the next bytes from the client and appends to `forward` what
    // may go on. False once the stream has failed (now or before).
    bool feed(std::string_view data, QByteArray &forward);
    // The answer to the request that asked to upgrade has come: on a switch
    // (101) the rest goes on as it is, otherwise requests are read again
    // from the bytes held meanwhile, which may append to `forward`.
    bool upgradeAnswered(bool switched, QByteArray &forward);
    // The client took too long: the stream fails with 408.
    void timedOut();

    State state() const { return m_state; }
    const Refusal &refusal() const { return m_refusal; }
    // Requests that went on since the last call, oldest first.
    std::vector<Forwarded> takeForwarded();
    // The stream failed inside a body: that request went on in part, and
    // will never be answered.
    bool cutShort() const { return m_cutShort; }
    // Body bytes of the current request still to come (State::Body).
    std::uint64_t bodyRemaining() const { return m_bodyRemaining; }

private:
    class HeadParser;

    bool fail(int status, QByteArray reason);
    // Reads requests from m_held; false when the stream failed.
    bool drain(QByteArray &forward);
    // Reads one head at the front of m_held: 1 done, 0 need more, -1 failed.
    int readHead(QByteArray &forward);

    Limits m_limits;
    State m_state = State::Idle;
    Refusal m_refusal;
    QByteArray m_held; // bytes not yet forwarded: a partial head, or bytes after an upgrade request
    std::uint64_t m_bodyRemaining = 0;
    State m_afterBody = State::Idle; // once the body is through
    bool m_cutShort = false;
    std::vector<Forwarded> m_forwarded;
};

} // namespace quire::server
