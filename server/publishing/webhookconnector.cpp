// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/webhookconnector.h"

#include "server/outbound/outboundclient.h"
#include "shared/clock.h"
#include "shared/errorcode.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace quire::server {

namespace {

// What the network answered with, for people: its JSON's error or
// message, else the start of its body.
QString answerMessage(const OutboundResponse &response)
{
    const nlohmann::json body = nlohmann::json::parse(response.body.constData(),
                                                      response.body.constData() + response.body.size(), nullptr, false);
    if (body.is_object()) {
        for (const char *key : { "message", "error_description", "error" }) {
            const auto it = body.find(key);
            if (it != body.end() && it->is_string())
                return QString::fromStdString(it->get<std::string>()).left(500);
            if (it != body.end() && it->is_object() && it->contains("message") && (*it)["message"].is_string())
                return QString::fromStdString((*it)["message"].get<std::string>()).left(500);
        }
    }
    const QString text = QString::fromUtf8(response.body).simplified().left(500);
    return text.isEmpty() ? QStringLiteral("HTTP %1").arg(response.status) : text;
}

QString textOf(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_number_integer())
        return QString::number(it->get<qint64>());
    return {};
}

// The outcome of an answer the webhook gave.
DeliveryOutcome outcomeOf(const OutboundResponse &response)
{
    if (response.status >= 200 && response.status < 300) {
        const nlohmann::json body = nlohmann::json::parse(
            response.body.constData(), response.body.constData() + response.body.size(), nullptr, false);
        if (!body.is_object())
            return DeliveryOutcome::published({}, {});
        return DeliveryOutcome::published(textOf(body, "id"), textOf(body, "url"));
    }
    if (response.status == 429)
        return DeliveryOutcome::retry(DeliveryError::RateLimited, answerMessage(response), response.retryAfter);
    if (response.status >= 500)
        return DeliveryOutcome::retry(DeliveryError::ServerError, answerMessage(response), response.retryAfter);
    return DeliveryOutcome::failed(DeliveryError::Rejected, answerMessage(response));
}

// A request that got no answer: the address itself refused for good,
// anything else (timeouts, resets, TLS) perhaps better later.
DeliveryOutcome outcomeOf(const shared::Error &error)
{
    if (error.is(shared::ErrorCode::RefusedAddress) || error.is(shared::ErrorCode::UrlInvalid)
        || error.is(shared::ErrorCode::UrlInsecure))
        return DeliveryOutcome::failed(DeliveryError::RefusedAddress, error.message);
    return DeliveryOutcome::retry(DeliveryError::Network, error.message);
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
        done(answer ? outcomeOf(*answer) : outcomeOf(answer.error()));
    });
}

} // namespace quire::server
