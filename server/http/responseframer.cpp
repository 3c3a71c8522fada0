// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/responseframer.h"

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include <limits>

namespace quire::server {
namespace {

namespace http = boost::beast::http;
using boost::system::error_code;
// Beast 1.74 speaks Boost's string_view in its callbacks.
using beast_sv = boost::beast::string_view;

constexpr std::uint32_t kMaxAnswerHead = 64 * 1024;

} // namespace

// Reads one answer; the body is counted, not kept.
class ResponseFramer::HeadParser final : public http::basic_parser<false>
{
public:
    int status = 0;

private:
    void on_request_impl(http::verb, beast_sv, beast_sv, int, error_code &) override { }
    void on_response_impl(int code, beast_sv, int, error_code &) override { status = code; }
    void on_field_impl(http::field, beast_sv, beast_sv, error_code &) override { }
    void on_header_impl(error_code &) override { }
    void on_body_init_impl(const boost::optional<std::uint64_t> &, error_code &) override { }
    std::size_t on_body_impl(beast_sv body, error_code &) override { return body.size(); }
    void on_chunk_header_impl(std::uint64_t, beast_sv, error_code &) override { }
    std::size_t on_chunk_body_impl(std::uint64_t, beast_sv body, error_code &) override { return body.size(); }
    void on_finish_impl(error_code &) override { }
};

ResponseFramer::ResponseFramer() = default;
ResponseFramer::~ResponseFramer() = default;

void ResponseFramer::expect(const RequestFramer::Forwarded &request)
{
    m_expected.push_back(request);
}

std::optional<bool> ResponseFramer::takeUpgradeAnswer()
{
    return std::exchange(m_upgradeAnswer, std::nullopt);
}

void ResponseFramer::feed(std::string_view data)
{
    // Heads are parsed from one piece: a partial one waits in m_held;
    // bodies pass through the parser without being kept.
    while (!m_opaque && !data.empty()) {
        if (m_held.isEmpty()) {
            const std::size_t used = take(data);
            if (used == 0) {
                m_held.append(data.data(), qsizetype(data.size()));
                return;
            }
            data.remove_prefix(used);
            continue;
        }
        m_held.append(data.data(), qsizetype(data.size()));
        data = {};
        const std::size_t used = take(std::string_view(m_held.constData(), std::size_t(m_held.size())));
        const QByteArray rest = m_held.mid(qsizetype(used));
        m_held.clear();
        if (used == 0) {
            m_held = rest;
            return;
        }
        feed(std::string_view(rest.constData(), std::size_t(rest.size())));
        return;
    }
}

std::size_t ResponseFramer::take(std::string_view data)
{
    if (!m_parser) {
        m_answerAt = m_consumed;
        m_parser = std::make_unique<HeadParser>();
        m_parser->eager(true);
        m_parser->header_limit(kMaxAnswerHead);
        m_parser->body_limit(std::numeric_limits<std::uint64_t>::max()); // counted, not kept
        m_parser->skip(!m_expected.empty() && m_expected.front().head);
    }
    error_code ec;
    const std::size_t used = m_parser->put(boost::asio::const_buffer(data.data(), data.size()), ec);
    m_consumed += used;
    if (ec == http::error::need_more)
        return used;
    if (ec) {
        // Not an answer we can follow: stop counting rather than guess.
        m_opaque = true;
        m_consumed += data.size() - used;
        return data.size();
    }
    if (!m_parser->is_done())
        return used;
    const int status = m_parser->status;
    m_parser.reset();
    if (status >= 100 && status < 200 && status != 101)
        return used; // interim: the final answer is still to come
    if (m_expected.empty()) {
        m_opaque = true; // an answer nobody asked for
        return used;
    }
    const RequestFramer::Forwarded answered = m_expected.front();
    m_expected.pop_front();
    if (answered.upgrade) {
        m_upgradeAnswer = status == 101;
        if (status == 101) {
            m_upgradeAt = m_answerAt;
            m_opaque = true; // the rest is the new protocol's
        }
    }
    return used;
}

} // namespace quire::server
