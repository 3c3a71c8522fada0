// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace quire::server {

struct HttpRequest;

// Reads what a client says about the copy it already holds and the encodings
// it takes (RFC 9110 §13.1.2, §13.1.3, §12.5.3), so that every route that
// answers 304 or gzip decides the same way.
namespace ConditionalRequest {

// True when an If-None-Match list names `etag` by weak comparison (a `W/`
// prefix on either side is ignored) or is `*`. Empty lists match nothing.
bool etagListMatches(QByteArrayView ifNoneMatch, QByteArrayView etag);

// True when `lastModified` is no later than `ifModifiedSince`. Both are
// HTTP dates; any of the three forms RFC 9110 §5.6.7 asks a recipient to
// read is accepted, and a date that cannot be read never matches.
bool notModifiedSince(QByteArrayView ifModifiedSince, QByteArrayView lastModified);

// Whether a GET or HEAD can be answered with 304: If-None-Match decides when
// present, If-Modified-Since only when it is absent (RFC 9110 §13.2.2).
bool isNotModified(const HttpRequest &request, QByteArrayView etag, QByteArrayView lastModified);

// True when Accept-Encoding takes gzip: named, or covered by `*`, with a
// q-value above zero.
bool acceptsGzip(QByteArrayView acceptEncoding);

} // namespace ConditionalRequest
} // namespace quire::server
