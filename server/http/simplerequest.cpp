// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/simplerequest.h"

#include <algorithm>
#include <array>

namespace quire::server {
namespace {

using Outcome = SimpleRequest::Outcome;

bool equalsLower(std::string_view text, std::string_view lower)
{
    return text.size() == lower.size() && std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) {
               return (a >= 'A' && a <= 'Z' ? char(a - 'A' + 'a') : a) == b;
           });
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isSegmentChar(char c, bool first)
{
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return true;
    return !first && (c == '.' || c == '_' || c == '-');
}

// `/` or `/seg/seg…`, each segment lower-case letters, digits, `.`, `_`,
// `-`, starting with a letter or digit (so no dot segments and no empty
// ones): exactly the targets that PathNormalizer leaves as they are.
bool isPlainTarget(std::string_view target)
{
    if (target.empty() || target.size() > SimpleRequest::kMaxTarget || target.front() != '/')
        return false;
    bool segmentStart = true;
    for (std::size_t i = 1; i < target.size(); ++i) {
        const char c = target[i];
        if (c == '/') {
            if (segmentStart)
                return false;
            segmentStart = true;
            continue;
        }
        if (!isSegmentChar(c, segmentStart))
            return false;
        segmentStart = false;
    }
    return !(segmentStart && target.size() > 1) && target.find("..") == std::string_view::npos;
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 3986's query: unreserved, sub-delims, `:`, `@`, `/`, `?` and
// percent-encoded octets; nothing a parser could read two ways.
bool isPlainQuery(std::string_view query)
{
    if (query.empty() || query.size() > SimpleRequest::kMaxQuery)
        return false;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const char c = query[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            continue;
        if (c == '%') {
            if (i + 2 >= query.size() || !isHexDigit(query[i + 1]) || !isHexDigit(query[i + 2]))
                return false;
            i += 2;
            continue;
        }
        if (std::string_view("-._~!$&'()*+,;=:@/?").find(c) == std::string_view::npos)
            return false;
    }
    return true;
}

// `Bearer ` and a token68 (RFC 9110 §11.2), nothing else.
bool isBearer(std::string_view value)
{
    constexpr std::string_view kScheme = "Bearer ";
    if (!value.starts_with(kScheme) || value.size() == kScheme.size())
        return false;
    std::string_view token = value.substr(kScheme.size());
    while (!token.empty() && token.back() == '=')
        token.remove_suffix(1);
    return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || std::string_view("-._~+/").find(c) != std::string_view::npos;
    });
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool hasControlChars(std::string_view value)
{
    return std::any_of(value.begin(), value.end(),
                       [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f; });
}

// Headers that make an answer personal, carry a body or change what the
// connection is: their requests go to the full parser and router.
constexpr std::array kRefused {
    std::string_view("cookie"),         std::string_view("authorization"),     std::string_view("origin"),
    std::string_view("content-length"), std::string_view("transfer-encoding"), std::string_view("upgrade"),
    std::string_view("expect"),         std::string_view("http2-settings")
};

// Whether `data` can still begin an HTTP request: a method of letters,
// then a space. Binary noise, or TLS spoken to the plain port, cannot.
bool mayBeHttp(std::string_view data)
{
    constexpr std::size_t kLongestMethod = 16;
    std::size_t i = 0;
    while (i < data.size() && i < kLongestMethod
           && ((data[i] >= 'A' && data[i] <= 'Z') || (data[i] >= 'a' && data[i] <= 'z')))
        ++i;
    if (i == data.size())
        return i < kLongestMethod;
    return i > 0 && data[i] == ' ';
}

// The request line, once it is there: its method, target and version.
Outcome readRequestLine(std::string_view line, SimpleRequest &request, SimpleRequest::Reach reach)
{
    const std::size_t lastSpace = line.rfind(' ');
    if (lastSpace == std::string_view::npos || !line.substr(lastSpace + 1).starts_with("HTTP/1."))
        return Outcome::Malformed;
    std::string_view rest;
    if (line.starts_with("GET ")) {
        rest = line.substr(4);
    } else if (line.starts_with("HEAD ")) {
        request.head = true;
        rest = line.substr(5);
    } else {
        return Outcome::NotSimple;
    }
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos || rest.substr(space + 1) != "HTTP/1.1")
        return Outcome::NotSimple;
    request.target = rest.substr(0, space);
    if (const std::size_t mark = request.target.find('?');
        mark != std::string_view::npos && reach == SimpleRequest::Reach::Bearer) {
        request.query = request.target.substr(mark + 1);
        request.target = request.target.substr(0, mark);
        if (!isPlainQuery(request.query))
            return Outcome::NotSimple;
    }
    return isPlainTarget(request.target) ? Outcome::Complete : Outcome::NotSimple;
}

// A line ending without its CR: some parsers take it, we leave it to Qt's
// rather than wait for a CRLF that may never come.
bool hasBareLineFeed(std::string_view data)
{
    for (std::size_t i = data.find('\n'); i != std::string_view::npos; i = data.find('\n', i + 1)) {
        if (i == 0 || data[i - 1] != '\r')
            return true;
    }
    return false;
}

} // namespace

SimpleRequest SimpleRequest::parse(std::string_view data, Reach reach)
{
    SimpleRequest request;
    if (!mayBeHttp(data)) {
        request.outcome = Outcome::Malformed;
        return request;
    }
    const std::size_t headEnd = data.find("\r\n\r\n");
    if (hasBareLineFeed(data.substr(0, headEnd == std::string_view::npos ? data.size() : headEnd + 4)))
        return request;
    const std::size_t lineEnd = data.find("\r\n");
    if (lineEnd == std::string_view::npos) {
        // Refuse early what cannot become a GET or HEAD, so a POST is not
        // held back waiting for its head to complete.
        const std::string_view start = data.substr(0, 5);
        const bool mayBe = std::string_view("GET ").starts_with(start.substr(0, std::min<std::size_t>(4, start.size())))
            || std::string_view("HEAD ").starts_with(start);
        request.outcome = mayBe && data.size() < kMaxHead ? Outcome::Incomplete : Outcome::NotSimple;
        return request;
    }
    if (const Outcome line = readRequestLine(data.substr(0, lineEnd), request, reach); line != Outcome::Complete) {
        request.outcome = line;
        return request;
    }
    const std::size_t end = headEnd;
    if (end == std::string_view::npos || end + 4 > kMaxHead) {
        request.outcome = data.size() < kMaxHead ? Outcome::Incomplete : Outcome::NotSimple;
        return request;
    }

    int hosts = 0;
    bool sawEncoding = false;
    bool sawIfNoneMatch = false;
    bool sawIfModifiedSince = false;
    std::size_t pos = lineEnd + 2;
    while (pos < end + 2) {
        const std::size_t eol = data.find("\r\n", pos);
        const std::string_view line = data.substr(pos, eol - pos);
        pos = eol + 2;
        const std::size_t colon = line.find(':');
        if (colon == 0 || colon == std::string_view::npos)
            return request;
        const std::string_view name = line.substr(0, colon);
        const std::string_view value = trimmed(line.substr(colon + 1));
        if (!std::all_of(name.begin(), name.end(), isTokenChar) || hasControlChars(value))
            return request;
        if (reach == Reach::Bearer && equalsLower(name, "authorization")) {
            if (!request.authorization.empty() || !isBearer(value))
                return request;
            request.authorization = value;
            request.headers.emplace_back(name, value);
            continue;
        }
        for (const std::string_view refused : kRefused) {
            if (equalsLower(name, refused))
                return request;
        }
        if (equalsLower(name, "connection") && !equalsLower(value, "keep-alive"))
            return request;
        if (equalsLower(name, "host")) {
            ++hosts;
        } else if (equalsLower(name, "accept-encoding")) {
            if (std::exchange(sawEncoding, true))
                return request;
            request.acceptEncoding = value;
        } else if (equalsLower(name, "if-none-match")) {
            if (std::exchange(sawIfNoneMatch, true))
                return request;
            request.ifNoneMatch = value;
        } else if (equalsLower(name, "if-modified-since")) {
            if (std::exchange(sawIfModifiedSince, true))
                return request;
            request.ifModifiedSince = value;
        }
        request.headers.emplace_back(name, value);
    }
    if (hosts != 1)
        return request;
    request.outcome = Outcome::Complete;
    request.length = end + 4;
    return request;
}

} // namespace quire::server
