// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/apiratelimit.h"

#include "shared/clock.h"

#include <QtEndian>

#include <cmath>

namespace quire::server {

ApiRateLimit::ApiRateLimit(const Settings &settings, std::unique_ptr<BucketStore> store)
    : m_perAddress(limitOf(settings.perAddress, settings))
    , m_perUser(limitOf(settings.perUser, settings))
    , m_store(std::move(store))
{ }

BucketStore::Limit ApiRateLimit::limitOf(int perWindow, const Settings &settings)
{
    if (perWindow <= 0)
        return {};
    // At least one request, however small the scale.
    const double capacity = std::max(1.0, std::floor(double(perWindow) * settings.scale));
    return { capacity, capacity / std::max(1, settings.windowSeconds) };
}

bool ApiRateLimit::applies(const QString &path)
{
    return path.startsWith(QLatin1String("/api/"));
}

std::optional<HttpResponse> ApiRateLimit::admitAddress(const QHostAddress &address)
{
    if (m_perAddress.capacity <= 0)
        return std::nullopt;
    // Binary keys: short to hash and compare. One IPv6 host usually holds a
    // whole /64, so that is what one address means there.
    QByteArray key;
    bool v4 = false;
    const quint32 ipv4 = address.toIPv4Address(&v4);
    if (v4) {
        key.resize(5);
        key[0] = 'a';
        qToBigEndian(ipv4, key.data() + 1);
    } else {
        const Q_IPV6ADDR ipv6 = address.toIPv6Address();
        key = QByteArray(1, '6') + QByteArray(reinterpret_cast<const char *>(ipv6.c), 8);
    }
    return admit(key, m_perAddress);
}

std::optional<HttpResponse> ApiRateLimit::admitUser(const QString &userId)
{
    if (m_perUser.capacity <= 0)
        return std::nullopt;
    return admit(QByteArray(1, 'u') + userId.toLatin1(), m_perUser);
}

std::optional<HttpResponse> ApiRateLimit::admit(const QByteArray &key, const BucketStore::Limit &limit)
{
    // The wall clock: a store shared by several processes needs one they
    // all read alike (a monotonic clock starts anew in each).
    const BucketStore::Decision d = m_store->take(key, 1.0, limit, shared::Clock::instance().nowMs());
    if (d.allowed)
        return std::nullopt;
    const int seconds = std::max(1, int((d.retryAfterMs + 999) / 1000));
    HttpResponse r = HttpResponse::tooManyRequests(seconds);
    // draft-ietf-httpapi-ratelimit-headers: the budget, what is left of it,
    // and when there is room again.
    r.headers.append({ QByteArrayLiteral("RateLimit-Limit"), QByteArray::number(qint64(limit.capacity)) });
    r.headers.append({ QByteArrayLiteral("RateLimit-Remaining"), QByteArrayLiteral("0") });
    r.headers.append({ QByteArrayLiteral("RateLimit-Reset"), QByteArray::number(seconds) });
    return r;
}

} // namespace quire::server
