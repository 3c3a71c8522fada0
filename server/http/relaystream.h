// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/requestframer.h"
#include "server/http/responseframer.h"

#include <QByteArray>

#include <string_view>

namespace quire::server {

// What passes between one client and Qt's server once the front door
// relays the connection: the client's requests framed on their way to Qt,
// Qt's answers followed on their way back (a switch to WebSocket put under
// the header policy), and a refusal that waits until every answer owed
// before it is out. Holds no socket: the front door moves the bytes.
class RelayStream
{
public:
    RelayStream(const RequestFramer::Limits &limits, bool secure);

    // The client's next bytes: what may go on is appended to toQt().
    void fromClient(std::string_view data);
    // Qt wrote the bytes of `out` from `at` on: they are watched, and the
    // head of an answer that switches protocols is rewritten in place.
    void fromQt(QByteArray &out, qsizetype at);
    // Framed bytes for Qt not written yet.
    QByteArray &toQt() { return m_toQt; }
    // The client took too long: the stream ends with 408.
    void timedOut();

    // The framer refused; refusal() says how.
    bool refusing() const { return m_refusing; }
    // Refusing, and every answer owed before the refusal is out.
    bool refusalDue() const;
    const RequestFramer::Refusal &refusal() const { return m_requests.refusal(); }
    // Qt's output waits while an upgrade's answer is not whole, so that its
    // head can be rewritten before any of it goes out.
    bool holdsOutput() const { return m_requests.state() == RequestFramer::State::AwaitingUpgrade; }
    const RequestFramer &requests() const { return m_requests; }

private:
    void expectForwarded();

    RequestFramer m_requests;
    ResponseFramer m_answers;
    QByteArray m_toQt;
    std::uint64_t m_fromQt = 0; // bytes Qt wrote so far
    bool m_refusing = false;
    bool m_secure;
};

} // namespace quire::server
