// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include <cstdint>

namespace quire::server {

// Boost.Beast's HTTP/1.1 parser with every callback it asks of a derived
// class doing nothing (bodies are counted, never kept), so that each framer
// overrides only what it reads. Beast 1.74 hands Boost's string_view.
template<bool isRequest> class BeastParser : public boost::beast::http::basic_parser<isRequest>
{
protected:
    using View = boost::beast::string_view;
    using ErrorCode = boost::system::error_code;
    using Field = boost::beast::http::field;
    using Verb = boost::beast::http::verb;

    void on_request_impl(Verb, View, View, int, ErrorCode &) override { }
    void on_response_impl(int, View, int, ErrorCode &) override { }
    void on_field_impl(Field, View, View, ErrorCode &) override { }
    void on_header_impl(ErrorCode &) override { }
    void on_body_init_impl(const boost::optional<std::uint64_t> &, ErrorCode &) override { }
    std::size_t on_body_impl(View body, ErrorCode &) override { return body.size(); }
    void on_chunk_header_impl(std::uint64_t, View, ErrorCode &) override { }
    std::size_t on_chunk_body_impl(std::uint64_t, View body, ErrorCode &) override { return body.size(); }
    void on_finish_impl(ErrorCode &) override { }
};

} // namespace quire::server
