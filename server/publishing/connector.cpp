// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/connector.h"

#include "server/outbound/outboundresponse.h"
#include "shared/clock.h"
#include "shared/errorcode.h"

#include <QFile>
#include <QTextBoundaryFinder>
#include <QTimer>

namespace quire::server {

int visibleLength(const QString &text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    int count = 0;
    while (finder.toNextBoundary() >= 0)
        ++count;
    return count;
}

shared::FieldErrors Connector::check(const Delivery &delivery) const
{
    shared::FieldErrors errors;
    const int limit = characterLimit();
    if (delivery.text.trimmed().isEmpty() && delivery.media.isEmpty())
        errors.add(QStringLiteral("text"), QStringLiteral("Nothing to post: no text and no media."));
    if (limit > 0) {
        const int length = visibleLength(delivery.text);
        if (length > limit)
            errors.add(QStringLiteral("text"),
                       QStringLiteral("%1 characters; this network takes at most %2.").arg(length).arg(limit));
    }
    if (maxMedia() >= 0 && delivery.media.size() > maxMedia())
        errors.add(
            QStringLiteral("media"),
            QStringLiteral("%1 media; this network takes at most %2.").arg(delivery.media.size()).arg(maxMedia()));
    return errors;
}

void Connector::verify(const PlatformAccess &platform, OutboundClient &client, Verified done) const
{
    Q_UNUSED(client)
    const bool stored = !platform.secret.empty();
    QTimer::singleShot(0, [done = std::move(done), stored] {
        done(stored ? shared::VoidResult::success()
                    : shared::VoidResult(shared::Error::make(kDeliveryErrors.name(DeliveryError::NoCredential),
                                                             QStringLiteral("No credential is stored."))));
    });
}

void Connector::engagement(const PlatformAccess &platform, const QString &remoteId, OutboundClient &client,
                           Counted done) const
{
    Q_UNUSED(platform)
    Q_UNUSED(remoteId)
    Q_UNUSED(client)
    QTimer::singleShot(0, [done = std::move(done)] { done(std::optional<Engagement>()); });
}

namespace connectorio {

qint64 countOf(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return 0;
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? std::max<qint64>(0, it->get<qint64>()) : 0;
}

nlohmann::json jsonOf(const OutboundResponse &response)
{
    nlohmann::json body = nlohmann::json::parse(response.body.constData(),
                                                response.body.constData() + response.body.size(), nullptr, false);
    return body.is_object() ? body : nlohmann::json::object();
}

QString textOf(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_number_integer())
        return QString::number(it->get<qint64>());
    return {};
}

QString answerMessage(const OutboundResponse &response)
{
    const nlohmann::json body = jsonOf(response);
    // Mastodon says "error" (and "error_description"), XRPC "message" beside
    // an "error" code name, webhooks what they like.
    for (const char *key : { "message", "error_description", "error" }) {
        const auto it = body.find(key);
        if (it != body.end() && it->is_string())
            return QString::fromStdString(it->get<std::string>()).left(500);
        if (it != body.end() && it->is_object() && it->contains("message") && (*it)["message"].is_string())
            return QString::fromStdString((*it)["message"].get<std::string>()).left(500);
    }
    const QString text = QString::fromUtf8(response.body).simplified().left(500);
    return text.isEmpty() ? QStringLiteral("HTTP %1").arg(response.status) : text;
}

DeliveryOutcome outcomeOf(const shared::Error &error)
{
    if (error.is(shared::ErrorCode::RefusedAddress) || error.is(shared::ErrorCode::UrlInvalid)
        || error.is(shared::ErrorCode::UrlInsecure))
        return DeliveryOutcome::failed(DeliveryError::RefusedAddress, error.message);
    return DeliveryOutcome::retry(DeliveryError::Network, error.message);
}

namespace {

// When a rate limit opens again, from the networks' own headers when there
// is no Retry-After: Mastodon's X-RateLimit-Reset (an ISO 8601 time) and
// Bluesky's RateLimit-Reset (unix seconds).
std::optional<std::chrono::seconds> rateLimitReset(const OutboundResponse &response)
{
    const QDateTime now = shared::Clock::instance().now();
    QDateTime at;
    if (const QByteArray iso = response.header("x-ratelimit-reset"); !iso.isEmpty())
        at = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    else if (const QByteArray unix = response.header("ratelimit-reset"); !unix.isEmpty()) {
        bool ok = false;
        const qint64 seconds = unix.toLongLong(&ok);
        if (ok)
            at = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    }
    if (!at.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(0, now.secsTo(at)));
}

} // namespace

DeliveryOutcome refusal(const OutboundResponse &response)
{
    if (response.status == 429)
        return DeliveryOutcome::retry(DeliveryError::RateLimited, answerMessage(response),
                                      response.retryAfter ? response.retryAfter : rateLimitReset(response));
    if (response.status >= 500)
        return DeliveryOutcome::retry(DeliveryError::ServerError, answerMessage(response), response.retryAfter);
    if (response.status == 401 || response.status == 403)
        return DeliveryOutcome::failed(DeliveryError::Unauthorized, answerMessage(response));
    return DeliveryOutcome::failed(DeliveryError::Rejected, answerMessage(response));
}

shared::Result<QByteArray> read(const DeliveryMedia &media)
{
    QFile file(media.path);
    if (!file.open(QIODevice::ReadOnly))
        return shared::Error::make(
            kDeliveryErrors.name(DeliveryError::InvalidContent),
            QStringLiteral("The file of %1 cannot be read: %2").arg(media.address, file.errorString()));
    return file.readAll();
}

} // namespace connectorio

} // namespace quire::server
