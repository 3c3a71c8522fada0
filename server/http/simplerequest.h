// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace quire::server {

// The requests the front door answers itself: a complete HTTP/1.1 GET or
// HEAD of a plain path (lower-case segments, no query, no dot segments) with
// no body and nothing that ties the answer to a person or a connection
// (cookies, credentials, Origin, upgrades, `Connection: close`). Anything
// else, or anything unusual in how it is written, is left to Qt's parser,
// which then owns the connection.
//
// Reach::Bearer widens this by what a signed-in API call carries: a query
// (only characters RFC 3986 allows there, percent signs with two hex
// digits) and one `Authorization: Bearer <token>` header. Such a request is
// personal: it is routed through the whole middleware chain, never served
// from the shared cached pages.
//
// The views point into the buffer that was parsed.
struct SimpleRequest
{
    enum class Reach {
        Anonymous, // no query, no credentials
        Bearer, // also a query and a bearer token
    };

    enum class Outcome {
        Complete, // a simple request of `length` bytes
        Incomplete, // could still become one: wait for more bytes
        NotSimple, // leave the connection to Qt's parser
        Malformed, // not an HTTP/1.x request at all: answer 400 and close
    };

    // The longest head looked at; longer ones are Qt's.
    static constexpr std::size_t kMaxHead = 8192;
    static constexpr std::size_t kMaxTarget = 512;
    static constexpr std::size_t kMaxQuery = 2048;

    Outcome outcome = Outcome::NotSimple;
    std::size_t length = 0; // of the request head, blank line included
    bool head = false; // HEAD rather than GET
    std::string_view target; // the path, without the query
    std::string_view query; // after `?`; Reach::Bearer only
    std::string_view authorization; // the whole header value; Reach::Bearer only
    std::string_view acceptEncoding;
    std::string_view ifNoneMatch;
    std::string_view ifModifiedSince;
    std::vector<std::pair<std::string_view, std::string_view>> headers;

    // Whether the answer depends on who asks or on a query.
    bool personal() const { return !query.empty() || !authorization.empty(); }

    // Reads the request at the start of `data`.
    static SimpleRequest parse(std::string_view data, Reach reach = Reach::Anonymous);
};

} // namespace quire::server
