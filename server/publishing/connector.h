// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/publishing/publishingnames.h"
#include "server/scheduler/metricsstore.h"
#include "shared/fielderrors.h"
#include "shared/result.h"
#include "shared/schedulernames.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <optional>

namespace quire::server {

class OutboundClient;
struct OutboundResponse;

// One platform integration as a connector sees it: where it is, its
// settings and its opened secret (PlatformCredentials::open; never logged,
// never stored elsewhere).
struct PlatformAccess
{
    QString platformId;
    shared::PlatformKind kind = shared::PlatformKind::Webhook;
    QString baseUrl;
    QString accountHandle;
    nlohmann::json settings = nlohmann::json::object();
    nlohmann::json secret = nlohmann::json::object(); // the fields PlatformCredentials::secretOf took
};

// One image or video a delivery carries, as the server stores it
// (MediaStore): the connector reads the bytes when it uploads them.
struct DeliveryMedia
{
    QString address; // /media/<sha256>, as the post names it
    QString mime;
    QString path; // the file under the media directory
    qint64 size = 0;
};

// One post going to one destination: what to send and the key that makes
// sending it twice harmless where the network supports one.
struct Delivery
{
    QString postId;
    QString destinationId;
    QString ownerId;
    // Drawn once when the ledger row was made and the same on every
    // attempt, after a crash too (Idempotency-Key, or the network's own).
    QString idempotencyKey;
    int attempt = 1; // 1 for the first
    QString text; // the destination's variant, else the post's body
    QStringList media; // media addresses (/media/<sha256>)
    QList<DeliveryMedia> files; // the media found on this server, in the same order
    nlohmann::json options = nlohmann::json::object(); // per-network options
    QString scheduledAt; // UTC, Timestamp's format; empty for an unscheduled post published now
    PlatformAccess platform;
};

// What a delivery came to.
struct DeliveryOutcome
{
    enum class Kind {
        Published, // the network confirmed it
        Retry, // transient (network, 429, 5xx): try again later
        Failed, // refused for good
    };
    Kind kind = Kind::Failed;
    QString remoteId; // the network's id of the post, when it said
    QString remoteUrl; // where the post can be seen, when it said
    std::optional<DeliveryError> error; // set unless published
    QString message; // for people: the network's own words when it gave some
    std::optional<std::chrono::seconds> retryAfter; // the network's Retry-After

    static DeliveryOutcome published(QString remoteId, QString remoteUrl)
    {
        return { Kind::Published, std::move(remoteId), std::move(remoteUrl), std::nullopt, {}, std::nullopt };
    }
    static DeliveryOutcome retry(DeliveryError error, QString message,
                                 std::optional<std::chrono::seconds> retryAfter = std::nullopt)
    {
        return { Kind::Retry, {}, {}, error, std::move(message), retryAfter };
    }
    static DeliveryOutcome failed(DeliveryError error, QString message)
    {
        return { Kind::Failed, {}, {}, error, std::move(message), std::nullopt };
    }
};

// What publishes to one kind of network (spec 004's connectors). A
// connector is stateless and shared: everything a call needs comes in its
// arguments, and all its network traffic goes through the OutboundClient it
// is handed (the SSRF guard, time and size caps). The publisher calls it on
// its own thread and never twice at once for the same delivery.
//
// To add a network: implement this interface in server/publishing/
// (<kind>connector.{h,cpp}), give it a row in ConnectorRegistry::standard(),
// and test it against a local fake of the network's API.
class Connector
{
public:
    using Done = std::function<void(DeliveryOutcome)>;
    using Verified = std::function<void(shared::VoidResult)>;
    using Engagement = MetricsStore::EngagementCounts;
    // The post's counts; nullopt when the network no longer has the post.
    using Counted = std::function<void(shared::Result<std::optional<Engagement>>)>;

    virtual ~Connector() = default;

    virtual shared::PlatformKind kind() const = 0;
    // The most characters a post's text may have on this network; 0: no limit.
    virtual int characterLimit() const = 0;
    // The most media a post may carry; -1: no limit.
    virtual int maxMedia() const { return -1; }

    // The content checks that need no network (length, media rules), as
    // field errors keyed like the destination's columns (text, media,
    // options); empty when the delivery may go. The default checks the
    // text against characterLimit() (in characters as people count them,
    // not UTF-16 units) and the media against maxMedia().
    virtual shared::FieldErrors check(const Delivery &delivery) const;

    // Sends `delivery`; calls `done` exactly once, later, from the event
    // loop (never from inside publish). 2xx-like confirmations are
    // Published; answers that may succeed later (network trouble, 429, 5xx)
    // Retry with the network's Retry-After; any other refusal Failed with
    // the network's message. Must send delivery.idempotencyKey where the
    // network takes one. `client` outlives the call.
    virtual void publish(const Delivery &delivery, OutboundClient &client, Done done) const = 0;

    // A cheap authenticated call that shows the credential works (for the
    // pre-flight checks); `done` once, later. The default succeeds when a
    // secret is stored at all.
    virtual void verify(const PlatformAccess &platform, OutboundClient &client, Verified done) const;

    // Whether engagement() asks the network (false: it tells none).
    virtual bool countsEngagement() const { return false; }
    // The engagement the network reports for the post it knows as
    // `remoteId` (DeliveryOutcome::remoteId), as totals so far; `done`
    // once, later. The default reports nothing.
    virtual void engagement(const PlatformAccess &platform, const QString &remoteId, OutboundClient &client,
                            Counted done) const;
};

// Counts the characters of `text` as a reader would (grapheme clusters).
int visibleLength(const QString &text);

// What every connector makes of an answer, in one place so the networks
// agree: the message for people (the answer's JSON message or error, else
// the start of its body), the outcome of a request that got no answer (an
// address refused for good, anything else perhaps better later), and of
// the answers all networks share (429 and 5xx retry with Retry-After or
// the network's rate-limit reset; 401 and 403 refuse the credential).
namespace connectorio {
QString answerMessage(const OutboundResponse &response);
DeliveryOutcome outcomeOf(const shared::Error &error);
// The outcome of a non-2xx answer.
DeliveryOutcome refusal(const OutboundResponse &response);
// The answer's JSON object, or an empty object.
nlohmann::json jsonOf(const OutboundResponse &response);
// A JSON member as text (strings, and integers written out), or empty.
QString textOf(const nlohmann::json &object, const char *key);
// A JSON member as a count (a non-negative integer), or 0.
qint64 countOf(const nlohmann::json &object, const char *key);
// The bytes of `media`, or why they cannot be read.
shared::Result<QByteArray> read(const DeliveryMedia &media);
} // namespace connectorio

} // namespace quire::server
