// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the strict request framer in front of Qt's HTTP parser
// (server/http/requestframer): a client's bytes, fed whole and in chunks
// as a socket may deliver them, must be framed the same way (the same
// bytes go on, the same requests, the same refusal), and what goes on must
// frame again to itself, so nothing the framer lets through could be read
// as another request by the next parser (request smuggling).
//
// Input: a flags byte (bit 0: small limits, so they are reached; the other
// bits answer upgrade requests: switched or not, in turn), four chunk sizes
// (1 to 64 bytes each, used in turn), then the client's bytes.
#include "server/http/requestframer.h"

#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

using quire::server::RequestFramer;
using State = RequestFramer::State;

[[noreturn]] void fail(const char *what, std::string_view data)
{
    std::fprintf(stderr, "fuzz_requestframer: %s\n--- stream (%zu bytes) ---\n%.*s\n", what, data.size(),
                 int(data.size()), data.data());
    std::abort();
}

// What a framer did with a stream: everything a caller can see.
struct Outcome
{
    QByteArray forward;
    std::vector<RequestFramer::Forwarded> requests;
    State state = State::Idle;
    int status = 0;
    QByteArray reason; // for reports only
    bool cutShort = false;
    std::uint64_t bodyRemaining = 0;
    bool upgraded = false; // an upgrade was answered with a switch

    bool operator==(const Outcome &o) const
    {
        const auto sameRequest = [](const RequestFramer::Forwarded &a, const RequestFramer::Forwarded &b) {
            return a.head == b.head && a.upgrade == b.upgrade;
        };
        return forward == o.forward && state == o.state && status == o.status && cutShort == o.cutShort
            && bodyRemaining == o.bodyRemaining && upgraded == o.upgraded
            && std::equal(requests.begin(), requests.end(), o.requests.begin(), o.requests.end(), sameRequest);
    }
};

void report(const char *name, const Outcome &o)
{
    std::fprintf(stderr, "%s: state %d, status %d (%s), %zu requests, %lld bytes on, cut short %d, body to come %llu\n",
                 name, int(o.state), o.status, o.reason.constData(), o.requests.size(),
                 static_cast<long long>(o.forward.size()), int(o.cutShort),
                 static_cast<unsigned long long>(o.bodyRemaining));
}

class Stream
{
public:
    Stream(RequestFramer::Limits limits, std::uint8_t answers)
        : m_framer(limits)
        , m_answers(answers)
    { }

    void feed(std::string_view data)
    {
        const bool ok = m_framer.feed(data, m_out.forward);
        if (ok == (m_framer.state() == State::Failed))
            fail("feed() and state() disagree on failure", data);
        take();
    }

    // Answers held upgrade requests, as the application would, then reports.
    Outcome finish()
    {
        for (int i = 0; m_framer.state() == State::AwaitingUpgrade && i < 7; ++i) {
            const bool switched = (m_answers >> i) & 1;
            m_framer.upgradeAnswered(switched, m_out.forward);
            m_out.upgraded = m_out.upgraded || switched;
            take();
        }
        m_out.state = m_framer.state();
        m_out.status = m_framer.state() == State::Failed ? m_framer.refusal().status : 0;
        m_out.reason = m_framer.state() == State::Failed ? m_framer.refusal().reason : QByteArray();
        m_out.cutShort = m_framer.cutShort();
        m_out.bodyRemaining = m_framer.state() == State::Body ? m_framer.bodyRemaining() : 0;
        return m_out;
    }

private:
    void take()
    {
        for (const RequestFramer::Forwarded &f : m_framer.takeForwarded())
            m_out.requests.push_back(f);
    }

    RequestFramer m_framer;
    std::uint8_t m_answers;
    Outcome m_out;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    constexpr std::size_t kPrefix = 5;
    if (size < kPrefix)
        return 0;
    const std::uint8_t flags = bytes[0];
    std::vector<std::size_t> chunks;
    for (std::size_t i = 1; i < kPrefix; ++i)
        chunks.push_back(bytes[i] % 64 + 1);
    const std::string_view data(reinterpret_cast<const char *>(bytes) + kPrefix, size - kPrefix);
    RequestFramer::Limits limits;
    if (flags & 1) {
        limits.maxHead = 256;
        limits.maxBody = 64;
    }
    const std::uint8_t answers = flags >> 1;

    Stream whole(limits, answers);
    whole.feed(data);
    const Outcome once = whole.finish();

    Stream chunked(limits, answers);
    for (std::size_t at = 0, i = 0; at < data.size(); ++i) {
        const std::size_t take = std::min(chunks[i % chunks.size()], data.size() - at);
        chunked.feed(data.substr(at, take));
        at += take;
    }
    const Outcome inChunks = chunked.finish();
    if (!(inChunks == once)) {
        report("whole", once);
        report("chunked", inChunks);
        fail("chunked and whole bytes are framed differently", data);
    }

    if (once.forward.size() > qsizetype(data.size()))
        fail("more bytes went on than came in", data);
    if (once.state == State::Failed) {
        static constexpr int kStatuses[] = { 400, 408, 411, 413, 431, 505 };
        if (std::find(std::begin(kStatuses), std::end(kStatuses), once.status) == std::end(kStatuses))
            fail("a refusal with a status the framer does not give", data);
    }

    // What went on frames again to itself: the same bytes, the same
    // requests. After a switch the bytes are another protocol's, and a
    // stream cut inside a body stops mid-request, so neither is compared.
    if (!once.upgraded && !once.cutShort) {
        Stream again(limits, answers);
        again.feed(std::string_view(once.forward.constData(), std::size_t(once.forward.size())));
        const Outcome twice = again.finish();
        if (twice.forward != once.forward || twice.requests.size() != once.requests.size())
            fail("what went on is framed differently when read again", data);
        if (twice.state == State::Failed)
            fail("what went on is refused when read again", data);
    }
    return 0;
}
