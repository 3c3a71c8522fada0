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
// The views point into the buffer that was parsed.
struct SimpleRequest
{
    enum class Outcome {
        Complete, // a simple request of `length` bytes
        Incomplete, // could still become one: wait for more bytes
        NotSimple, // leave the connection to Qt's parser
        Malformed, // not an HTTP/1.x request at all: answer 400 and close
    };

    // The longest head looked at; longer ones are Qt's.
    static constexpr std::size_t kMaxHead = 8192;
    static constexpr std::size_t kMaxTarget = 512;

    Outcome outcome = Outcome::NotSimple;
    std::size_t length = 0; // of the request head, blank line included
    bool head = false; // HEAD rather than GET
    std::string_view target;
    std::string_view acceptEncoding;
    std::string_view ifNoneMatch;
    std::string_view ifModifiedSince;
    std::vector<std::pair<std::string_view, std::string_view>> headers;

    // Reads the request at the start of `data`.
    static SimpleRequest parse(std::string_view data);
};

} // namespace quire::server
