// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/publishing/connector.h"

#include <QDateTime>
#include <QHash>

#include <memory>

namespace quire::server {

// Bluesky, through the account's PDS (the platform's base_url, e.g.
// https://bsky.social) and its XRPC API: a session from the handle and an
// app password (com.atproto.server.createSession, kept and reused, since
// Bluesky limits how often sessions may be made), each image uploaded as a
// blob (com.atproto.repo.uploadBlob), then the post written as a record
// (com.atproto.repo.createRecord) with links as rich-text facets.
//
// Bluesky takes no idempotency key, so the record key is one: it is a TID
// drawn from the delivery (its scheduled time and its key), the same on
// every attempt, and an attempt after the first first asks whether that
// record exists (com.atproto.repo.getRecord): a post written before a
// crash or a lost answer is found, not written twice.
//
// Options: language (a BCP 47 tag, as the post's langs), alt (a list of
// alt texts, one per image).
class BlueskyConnector final : public Connector
{
public:
    static constexpr int kLimit = 300;
    static constexpr qint64 kMaxImageBytes = 1'000'000;
    // A session is used this long, then made anew (Bluesky's last two hours).
    static constexpr qint64 kSessionMs = 90 * 60 * 1000;

    BlueskyConnector();
    ~BlueskyConnector() override;

    shared::PlatformKind kind() const override { return shared::PlatformKind::Bluesky; }
    int characterLimit() const override { return kLimit; }
    int maxMedia() const override { return 4; }
    shared::FieldErrors check(const Delivery &delivery) const override;
    void publish(const Delivery &delivery, OutboundClient &client, Done done) const override;
    void verify(const PlatformAccess &platform, OutboundClient &client, Verified done) const override;
    bool countsEngagement() const override { return true; }
    // Likes, reposts and quotes (as shares), replies (as comments) from
    // app.bsky.feed.getPosts; Bluesky tells no impressions or clicks.
    void engagement(const PlatformAccess &platform, const QString &remoteId, OutboundClient &client,
                    Counted done) const override;

    // The record key of `delivery`: a TID (13 characters of base32-sortable)
    // from its scheduled time, or its key alone when it has none.
    static QString recordKey(const Delivery &delivery);
    // Link facets of `text`: byte ranges in its UTF-8, as Bluesky wants them.
    static nlohmann::json linkFacets(const QString &text);

    struct Session
    {
        QByteArray accessJwt;
        QString did;
        QString handle;
        QByteArray secretDigest; // of the credential it was made with
        QDateTime madeAt;
    };
    // The sessions kept, by platform id (the connector is shared by every
    // delivery on the publisher's thread; nothing else touches them).
    using Sessions = QHash<QString, Session>;

private:
    std::shared_ptr<Sessions> m_sessions;
};

} // namespace quire::server
