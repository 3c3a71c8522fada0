// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the front door's reader of simple GET and HEAD requests
// (server/http/simplerequest): no crash or out-of-bounds view on any bytes,
// and the same decision whether the bytes come at once or in chunks, as a
// socket may deliver them; for both reaches (the anonymous one, and the
// front door's, which also takes a query and a bearer token). The first
// bytes of the input pick the chunk sizes.
#include "server/http/simplerequest.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

using quire::server::SimpleRequest;
using Outcome = SimpleRequest::Outcome;
using Reach = SimpleRequest::Reach;

[[noreturn]] void fail(const char *what, std::string_view data)
{
    std::fprintf(stderr, "fuzz_simplerequest: %s\n--- request (%zu bytes) ---\n%.*s\n", what, data.size(),
                 int(data.size()), data.data());
    std::abort();
}

bool inside(std::string_view view, std::string_view data)
{
    return view.empty() || (view.data() >= data.data() && view.data() + view.size() <= data.data() + data.size());
}

void checkViews(const SimpleRequest &request, std::string_view data)
{
    if (request.outcome != Outcome::Complete)
        return;
    if (request.length == 0 || request.length > data.size())
        fail("a complete request longer than the bytes", data);
    const std::string_view head = data.substr(0, request.length);
    if (!inside(request.target, head) || !inside(request.acceptEncoding, head) || !inside(request.ifNoneMatch, head)
        || !inside(request.ifModifiedSince, head) || !inside(request.query, head)
        || !inside(request.authorization, head))
        fail("a view outside the request head", data);
    for (const auto &[name, value] : request.headers) {
        if (!inside(name, head) || !inside(value, head))
            fail("a header outside the request head", data);
    }
}

void check(std::string_view data, const std::vector<std::size_t> &chunks, Reach reach)
{
    const SimpleRequest whole = SimpleRequest::parse(data, reach);
    // What the anonymous reach takes, the wider one takes alike.
    if (reach == Reach::Bearer && SimpleRequest::parse(data).outcome == Outcome::Complete
        && (whole.outcome != Outcome::Complete || whole.personal()))
        fail("the bearer reach reads an anonymous request differently", data);
    checkViews(whole, data);
    if (whole.outcome == Outcome::Complete) {
        // The request alone, without what may follow it, reads the same.
        const SimpleRequest alone = SimpleRequest::parse(data.substr(0, whole.length), reach);
        if (alone.outcome != Outcome::Complete || alone.length != whole.length || alone.target != whole.target)
            fail("a complete request reads differently without what follows it", data);
    }
    if (chunks.empty())
        return;

    // As the front door sees it: the bytes so far, until it can decide.
    std::size_t have = 0;
    for (std::size_t i = 0; have < data.size(); ++i) {
        have = std::min(data.size(), have + chunks[i % chunks.size()]);
        const SimpleRequest partial = SimpleRequest::parse(data.substr(0, have), reach);
        checkViews(partial, data.substr(0, have));
        if (partial.outcome == Outcome::Incomplete)
            continue;
        // Qt's parser takes what is not simple, and may refuse it itself,
        // so NotSimple and Malformed may stand for each other here; a
        // simple request must be seen as one, and with the same length.
        const bool complete = partial.outcome == Outcome::Complete;
        if (complete != (whole.outcome == Outcome::Complete))
            fail("chunked and whole bytes disagree on whether the request is simple", data);
        if (complete && (partial.length != whole.length || partial.head != whole.head))
            fail("chunked and whole bytes read a different request", data);
        return;
    }
    if (whole.outcome != Outcome::Incomplete)
        fail("the whole bytes decide but the last chunk does not", data);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    // Up to four chunk sizes (1 to 64 bytes each, used in turn), then the request.
    const std::size_t sizes = std::min<std::size_t>(size, 4);
    std::vector<std::size_t> chunks;
    for (std::size_t i = 0; i < sizes; ++i)
        chunks.push_back(bytes[i] % 64 + 1);
    const std::string_view data(reinterpret_cast<const char *>(bytes) + sizes, size - sizes);
    check(data, chunks, Reach::Anonymous);
    check(data, chunks, Reach::Bearer);
    return 0;
}
