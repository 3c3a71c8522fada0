// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/relaystream.h"

#include "server/http/wireformat.h"

namespace quire::server {

RelayStream::RelayStream(const RequestFramer::Limits &limits, bool secure)
    : m_requests(limits)
    , m_secure(secure)
{ }

void RelayStream::fromClient(std::string_view data)
{
    if (m_refusing)
        return;
    const bool ok = m_requests.feed(data, m_toQt);
    expectForwarded();
    m_refusing = !ok; // answered once Qt has answered what went before
}

void RelayStream::fromQt(QByteArray &out, qsizetype at)
{
    const qsizetype added = out.size() - at;
    m_fromQt += std::uint64_t(added);
    m_answers.feed(std::string_view(out.constData() + at, std::size_t(added)));
    const std::optional<bool> switched = m_answers.takeUpgradeAnswer();
    if (!switched)
        return;
    if (*switched) {
        // Nothing went out since the upgrade went to Qt (holdsOutput()), so
        // the whole head of its answer is at the end of `out`.
        const qsizetype head = out.size() - qsizetype(m_fromQt - m_answers.upgradeAt());
        const qsizetype end = head >= 0 ? out.indexOf("\r\n\r\n", head) : -1;
        if (end >= 0)
            out.replace(head, end + 4 - head, WireFormat::upgradeHead(out.mid(head, end + 4 - head), m_secure));
    }
    const bool ok = m_requests.upgradeAnswered(*switched, m_toQt);
    expectForwarded();
    m_refusing = m_refusing || !ok;
}

void RelayStream::timedOut()
{
    m_requests.timedOut();
    m_refusing = true;
}

bool RelayStream::refusalDue() const
{
    // A request cut off inside its body is owed nothing: Qt still waits for
    // the rest of it.
    const std::size_t cut = m_requests.cutShort() ? 1 : 0;
    return m_refusing && m_answers.outstanding() <= cut;
}

void RelayStream::expectForwarded()
{
    for (const RequestFramer::Forwarded &request : m_requests.takeForwarded())
        m_answers.expect(request);
}

} // namespace quire::server
