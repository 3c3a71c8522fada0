// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/publishing/connector.h"

namespace quire::server {

// Mastodon (and the servers that speak its API): each medium is uploaded
// first (POST /api/v2/media, multipart; a 202 is polled at
// GET /api/v1/media/:id until the server has processed it), then the
// status is posted (POST /api/v1/statuses, JSON) with the media's ids and
// the delivery's key as Idempotency-Key, which Mastodon honours for an
// hour, so a retry after a lost answer returns the first status instead
// of a second one. All with the platform's bearer token.
//
// Options a destination may carry: visibility (public, unlisted, private,
// direct), spoiler_text, language (ISO 639-1), sensitive (bool).
// The text counts as Mastodon counts it: 500 characters, every link 23,
// a remote mention (@name@server) as @name only.
class MastodonConnector final : public Connector
{
public:
    static constexpr int kLimit = 500;
    static constexpr int kLinkLength = 23;
    static constexpr qint64 kMaxImageBytes = 16 * 1024 * 1024;
    static constexpr qint64 kMaxVideoBytes = 99 * 1024 * 1024;

    shared::PlatformKind kind() const override { return shared::PlatformKind::Mastodon; }
    int characterLimit() const override { return kLimit; }
    int maxMedia() const override { return 4; }
    shared::FieldErrors check(const Delivery &delivery) const override;
    void publish(const Delivery &delivery, OutboundClient &client, Done done) const override;
    void verify(const PlatformAccess &platform, OutboundClient &client, Verified done) const override;
    bool countsEngagement() const override { return true; }
    // Favourites (likes), reblogs (shares) and replies (comments) from
    // GET /api/v1/statuses/:id; Mastodon tells no impressions or clicks.
    void engagement(const PlatformAccess &platform, const QString &remoteId, OutboundClient &client,
                    Counted done) const override;

    // The length Mastodon gives `text`.
    static int length(const QString &text);
    // The API address `path` on the platform's server.
    static QString endpoint(const PlatformAccess &platform, const QString &path);
    // How long to wait between two looks at a medium still processing, and how often to look.
    static constexpr int kProcessingPollMs = 1000;
    static constexpr int kProcessingPolls = 30;
};

} // namespace quire::server
