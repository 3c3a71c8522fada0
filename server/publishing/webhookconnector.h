// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/publishing/connector.h"

#include <QByteArray>

namespace quire::server {

// The generic webhook: a JSON POST of the post (text, media, options, the
// post's and destination's ids, scheduled_at) to the platform's base_url,
// signed so the receiver can tell it came from this server and is fresh:
//   X-Quire-Timestamp: unix seconds
//   X-Quire-Signature: sha256=<hex HMAC-SHA256 over "<timestamp>.<body>">,
//                      keyed with the platform's token
//   Idempotency-Key:   the delivery's key, the same on every attempt
// A 2xx answer publishes (its JSON's id and url, when present, are kept);
// 429, 5xx and network trouble retry (Retry-After honoured); any other
// answer fails with the answer's message.
class WebhookConnector final : public Connector
{
public:
    shared::PlatformKind kind() const override { return shared::PlatformKind::Webhook; }
    int characterLimit() const override { return 0; } // the receiver decides
    void publish(const Delivery &delivery, OutboundClient &client, Done done) const override;

    // The body a delivery is sent as (compact JSON).
    static QByteArray bodyOf(const Delivery &delivery);
    // The X-Quire-Signature value for `body` sent at `timestamp` with `secret`.
    static QByteArray signature(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body);
};

} // namespace quire::server
