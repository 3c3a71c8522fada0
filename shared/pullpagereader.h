// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/syncprotocol.h"

#include <QByteArrayView>

namespace quire::shared {

// Reads a sync pull answer straight into a PullResponse with simdjson, for
// the desktop's initial pull of many pages of thousands of rows. It is a fast
// path only: any page it does not take as plainly well-formed (a syntax
// error, a key twice, nesting beyond StrictJson::kMaxDepth, a number out of
// range, an escaped surrogate, an unexpected shape) is read again by
// StrictJson and PullResponse::fromJson, so the result and every refusal are
// exactly those of the general path.
class PullPageReader
{
public:
    static Result<SyncProtocol::PullResponse> read(QByteArrayView bytes);

    // The fast path alone: nullopt where it leaves the page to the general path.
    static std::optional<SyncProtocol::PullResponse> readFast(QByteArrayView bytes);

    // The general path: StrictJson, then PullResponse::fromJson.
    static Result<SyncProtocol::PullResponse> readGeneral(QByteArrayView bytes);
};

} // namespace quire::shared
