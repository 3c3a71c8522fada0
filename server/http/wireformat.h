// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/httpmessage.h"

#include <QByteArray>

class QDateTime;

namespace quire::server {

// HTTP/1.1 answers as bytes on the wire, in three parts so that the parts
// that stay the same can be kept and sent again: the head (status line and
// the response's own headers), the tail (the headers every answer gets
// afresh, and the blank line) and the body.
namespace WireFormat {

QByteArray head(const HttpResponse &response);
QByteArray reasonPhraseOf(int status);
// The headers every answer carries, whoever wrote it: nosniff, no
// referrer, and HSTS over TLS.
QList<QPair<QByteArray, QByteArray>> policyHeaders(bool secure);
// The head of a 101 answer (Qt's WebSocket handshake) under the same
// policy: without Server or blanket Access-Control-*, with policyHeaders().
QByteArray upgradeHead(const QByteArray &head, bool secure);
// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`); empty for an invalid time.
QByteArray httpDate(const QDateTime &time);
// `Date` and `X-Request-Id`, then the blank line.
QByteArray tail(const QByteArray &requestId);
// 16 hex digits, unique enough to find one request in the log.
QByteArray newRequestId();

} // namespace WireFormat
} // namespace quire::server
