// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/webhookconnector.h"

#include "server/outbound/outboundclient.h"
#include "shared/clock.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace quire::server {

namespace {

// A 2xx publishes (its JSON's id and url kept when present); the rest as
// every connector maps them. A webhook's 401 or 403 is its refusal of our
// signature: the credential's fault, like any network's.
DeliveryOutcome outcomeOf(const OutboundResponse &response)
{
    if (response.status >= 200 && response.status < 300) {
        const nlohmann::json body = connectorio::jsonOf(response);
        return DeliveryOutcome::published(connectorio::textOf(body, "id"), connectorio::textOf(body, "url"));
    }
    return connectorio::refusal(response);
}

} // namespace

QByteArray WebhookConnector::bodyOf(const Delivery &delivery)
{
    nlohmann::json media = nlohmann::json::array();
    for (const QString &m : delivery.media)
        media.push_back(m.toStdString());
    const nlohmann::json body { { "post_id", delivery.postId.toStdString() },
                                { "destination_id", delivery.destinationId.toStdString() },
                                { "text", delivery.text.toStdString() },
                                { "media", media },
                                { "options", delivery.options },
                                { "scheduled_at", delivery.scheduledAt.toStdString() },
                                { "attempt", delivery.attempt } };
    return QByteArray::fromStdString(body.dump());
}

QByteArray WebhookConnector::signature(const QByteArray &secret, const QByteArray &timestamp, const QByteArray &body)
{
    const QByteArray signed_ = timestamp + '.' + body;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
         reinterpret_cast<const unsigned char *>(signed_.constData()), size_t(signed_.size()), mac, &length);
    return QByteArrayLiteral("sha256=") + QByteArray(reinterpret_cast<const char *>(mac), int(length)).toHex();
}

void WebhookConnector::publish(const Delivery &delivery, OutboundClient &client, Done done) const
{
    OutboundRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = delivery.platform.baseUrl;
    request.body = bodyOf(delivery);
    const QByteArray timestamp = QByteArray::number(shared::Clock::instance().nowMs() / 1000);
    const QByteArray secret = QByteArray::fromStdString(delivery.platform.secret.value("token", std::string()));
    request.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") },
                        { QByteArrayLiteral("X-Quire-Timestamp"), timestamp },
                        { QByteArrayLiteral("X-Quire-Signature"), signature(secret, timestamp, request.body) },
                        { QByteArrayLiteral("Idempotency-Key"), delivery.idempotencyKey.toLatin1() } };
    client.send(std::move(request), [done = std::move(done)](shared::Result<OutboundResponse> answer) {
        done(answer ? outcomeOf(*answer) : connectorio::outcomeOf(answer.error()));
    });
}

} // namespace quire::server
