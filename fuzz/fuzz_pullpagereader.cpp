// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the desktop's fast reader of sync pull pages (shared/pullpagereader)
// against the general path it stands in for (StrictJson, then
// PullResponse::fromJson): any page the fast path takes, the general path
// must take too and read to the same page, so a refusal (a key twice, deep
// nesting, a number out of range, ill-formed UTF-8, a wrong type) can never
// slip through the fast path; and read() gives exactly the general path's
// answer, page or error.
#include "shared/pullpagereader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using quire::shared::PullPageReader;
using quire::shared::SyncProtocol::PullResponse;

[[noreturn]] void fail(const char *what, const uint8_t *data, size_t size)
{
    std::fprintf(stderr, "fuzz_pullpagereader: %s\n--- page ---\n%.*s\n", what, int(size),
                 reinterpret_cast<const char *>(data));
    std::abort();
}

bool samePage(const PullResponse &a, const PullResponse &b)
{
    if (a.cursor != b.cursor || a.hasMore != b.hasMore || a.changes.size() != b.changes.size())
        return false;
    for (qsizetype i = 0; i < a.changes.size(); ++i) {
        const auto &x = a.changes[i];
        const auto &y = b.changes[i];
        // dump() tells an unsigned from a signed zero and keeps key order,
        // which == alone would not.
        if (x.table != y.table || x.id != y.id || x.rev != y.rev || x.kind != y.kind || x.reason != y.reason
            || x.row != y.row || x.row.dump() != y.row.dump() || x.row.type() != y.row.type())
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<PullResponse> fast = PullPageReader::readFast(bytes);
    const auto general = PullPageReader::readGeneral(bytes);
    if (fast) {
        if (!general)
            fail("the fast path took a page the general path refuses", data, size);
        if (!samePage(*fast, *general))
            fail("the fast path read the page differently", data, size);
    }
    const auto read = PullPageReader::read(bytes);
    if (read.ok() != general.ok())
        fail("read() and the general path disagree on taking the page", data, size);
    if (!read.ok()
        && (read.error().code != general.error().code || read.error().message != general.error().message
            || read.error().fields != general.error().fields))
        fail("read() refuses differently from the general path", data, size);
    if (read.ok() && !samePage(*read, *general))
        fail("read() gives another page than the general path", data, size);
    return 0;
}
