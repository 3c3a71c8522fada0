// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/requestframer.h"

#include "server/http/beastparser.h"
#include "shared/errorcode.h"

#include <algorithm>
#include <limits>

namespace quire::server {
namespace {

namespace http = boost::beast::http;
using boost::system::error_code;

// A line of the head that begins with a space or tab continues the one
// before (obs-fold). RFC 9112 lets a server refuse it, and that is the only
// safe choice for bytes another parser reads after us.
bool hasObsFold(std::string_view head)
{
    for (std::size_t at = head.find('\n'); at != std::string_view::npos && at + 1 < head.size();
         at = head.find('\n', at + 1)) {
        if (head[at + 1] == ' ' || head[at + 1] == '\t')
            return true;
    }
    return false;
}

} // namespace

// Beast's parser, told to stop after the head: it checks the syntax, the
// Content-Length list and Content-Length against Transfer-Encoding; the
// callbacks note what the rules here need.
class RequestFramer::HeadParser final : public BeastParser<true>
{
public:
    bool isHead = false;
    int version = 0;
    int hosts = 0;
    bool transferEncoding = false;

private:
    void on_request_impl(Verb method, View, View, int httpVersion, ErrorCode &) override
    {
        isHead = method == Verb::head;
        version = httpVersion;
    }
    void on_field_impl(Field name, View, View, ErrorCode &) override
    {
        if (name == Field::host)
            ++hosts;
        else if (name == Field::transfer_encoding)
            transferEncoding = true;
    }
};

RequestFramer::RequestFramer(Limits limits)
    : m_limits(limits)
{ }

RequestFramer::~RequestFramer() = default;

bool RequestFramer::feed(std::string_view data, QByteArray &forward)
{
    switch (m_state) {
    case State::Failed:
        return false;
    case State::Closing:
        return true;
    case State::Tunnel:
        forward.append(data.data(), qsizetype(data.size()));
        return true;
    case State::Body:
        if (m_held.isEmpty()) {
            // The common case of a large upload: straight through, no copy here.
            const std::size_t take = std::size_t(std::min<std::uint64_t>(m_bodyRemaining, data.size()));
            forward.append(data.data(), qsizetype(take));
            m_bodyRemaining -= take;
            data.remove_prefix(take);
            if (m_bodyRemaining == 0)
                m_state = m_afterBody;
        }
        break;
    default:
        break;
    }
    m_held.append(data.data(), qsizetype(data.size()));
    return drain(forward);
}

bool RequestFramer::upgradeAnswered(bool switched, QByteArray &forward)
{
    if (m_state != State::AwaitingUpgrade)
        return m_state != State::Failed;
    m_state = switched ? State::Tunnel : State::Idle;
    return drain(forward);
}

void RequestFramer::timedOut()
{
    m_cutShort = m_state == State::Body;
    if (m_state != State::Failed)
        fail(408, QByteArrayLiteral("The request took too long to arrive."));
}

std::vector<RequestFramer::Forwarded> RequestFramer::takeForwarded()
{
    std::vector<Forwarded> taken;
    taken.swap(m_forwarded);
    return taken;
}

QByteArray RequestFramer::codeFor(int status)
{
    using shared::ErrorCode;
    ErrorCode code = ErrorCode::MalformedRequest;
    switch (status) {
    case 408:
        code = ErrorCode::RequestTimeout;
        break;
    case 411:
        code = ErrorCode::LengthRequired;
        break;
    case 413:
        code = ErrorCode::PayloadTooLarge;
        break;
    case 431:
        code = ErrorCode::HeadersTooLarge;
        break;
    default:
        break;
    }
    return shared::errorCodeName(code).toLatin1();
}

bool RequestFramer::fail(int status, QByteArray reason)
{
    m_state = State::Failed;
    m_refusal = { status, codeFor(status), std::move(reason) };
    m_held.clear();
    return false;
}

bool RequestFramer::drain(QByteArray &forward)
{
    for (;;) {
        switch (m_state) {
        case State::Failed:
            return false;
        case State::AwaitingUpgrade:
            return true; // held until the answer says what the bytes are
        case State::Closing:
            m_held.clear();
            return true;
        case State::Tunnel:
            forward.append(m_held);
            m_held.clear();
            return true;
        case State::Discarding: {
            const qsizetype drop = qsizetype(std::min<std::uint64_t>(m_bodyRemaining, std::uint64_t(m_held.size())));
            m_held.remove(0, drop);
            m_bodyRemaining -= std::uint64_t(drop);
            if (m_bodyRemaining > 0)
                return true;
            return fail(413, QByteArrayLiteral("The request body is too large."));
        }
        case State::Body: {
            const qsizetype take = qsizetype(std::min<std::uint64_t>(m_bodyRemaining, std::uint64_t(m_held.size())));
            forward.append(m_held.constData(), take);
            m_held.remove(0, take);
            m_bodyRemaining -= std::uint64_t(take);
            if (m_bodyRemaining > 0)
                return true;
            m_state = m_afterBody;
            continue;
        }
        case State::Idle:
        case State::Head:
            if (m_held.isEmpty()) {
                m_state = State::Idle;
                return true;
            }
            switch (readHead(forward)) {
            case 0:
                return true;
            case -1:
                return false;
            default:
                continue;
            }
        }
    }
}

int RequestFramer::readHead(QByteArray &forward)
{
    HeadParser parser;
    parser.eager(false);
    parser.header_limit(std::uint32_t(m_limits.maxHead));
    parser.body_limit(std::numeric_limits<std::uint64_t>::max()); // the limit is ours, below
    error_code ec;
    // Only what a head may be is read: Beast looks a little past its header
    // limit, so the bytes after it decided between 400 and 431, and a head
    // read whole and the same bytes trickled were refused differently.
    const std::size_t window = std::min(std::size_t(m_held.size()), m_limits.maxHead);
    const std::size_t length = parser.put(boost::asio::const_buffer(m_held.constData(), window), ec);
    if (ec == http::error::need_more) {
        if (std::size_t(m_held.size()) > m_limits.maxHead)
            return fail(431, QByteArrayLiteral("The request head is too large.")), -1;
        m_state = State::Head;
        return 0;
    }
    if (ec == http::error::header_limit)
        return fail(431, QByteArrayLiteral("The request head is too large.")), -1;
    if (ec || !parser.is_header_done())
        return fail(400, QByteArrayLiteral("The request is malformed: ") + QByteArray::fromStdString(ec.message())), -1;

    const std::string_view head(m_held.constData(), length);
    if (hasObsFold(head))
        return fail(400, QByteArrayLiteral("Header lines may not be folded.")), -1;
    const int version = parser.version;
    if (version != 10 && version != 11)
        return fail(400, QByteArrayLiteral("Only HTTP/1.0 and HTTP/1.1 are spoken here.")), -1;
    // RFC 9112 3.2: exactly one Host in HTTP/1.1, at most one before.
    if ((version == 11 && parser.hosts != 1) || parser.hosts > 1)
        return fail(400, QByteArrayLiteral("The request needs exactly one Host header.")), -1;
    if (parser.transferEncoding) {
        if (version == 10)
            return fail(400, QByteArrayLiteral("Transfer-Encoding is not allowed in HTTP/1.0.")), -1;
        // Anything but chunked last leaves the length unknown (RFC 9112
        // 6.3); chunked bodies are refused as RFC 9112 6.3 allows, so that
        // every body that goes on has its length in front.
        if (!parser.chunked())
            return fail(400, QByteArrayLiteral("The Transfer-Encoding is not supported.")), -1;
        return fail(411, QByteArrayLiteral("Send the body with a Content-Length.")), -1;
    }
    const std::uint64_t bodyLength = parser.content_length().value_or(0);
    if (bodyLength > m_limits.maxBody) {
        if (bodyLength / m_limits.discardFactor > m_limits.maxBody)
            return fail(413, QByteArrayLiteral("The request body is too large.")), -1;
        // Qt never sees this request: its body is dropped, then refused.
        m_held.remove(0, qsizetype(length));
        m_bodyRemaining = bodyLength;
        m_state = State::Discarding;
        return 1;
    }

    forward.append(m_held.constData(), qsizetype(length));
    m_held.remove(0, qsizetype(length));
    const bool upgrade = parser.upgrade();
    m_forwarded.push_back({ parser.isHead, upgrade });
    m_afterBody = upgrade ? State::AwaitingUpgrade : (parser.keep_alive() ? State::Idle : State::Closing);
    m_bodyRemaining = bodyLength;
    m_state = bodyLength > 0 ? State::Body : m_afterBody;
    return 1;
}

} // namespace quire::server
