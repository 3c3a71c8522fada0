// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/http/bucketstore.h"
#include "server/http/httpmessage.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <optional>

namespace quire::server {

// The budgets every API route is held to, per client address and per
// signed-in user: token buckets that hold a whole window's requests (so a
// burst may spend them at once) and refill evenly over the window. Runs in
// the worker before any handler; a request over budget gets 429 with
// Retry-After and the RateLimit headers. The readers' pages are no API
// routes and are never limited here.
class ApiRateLimit
{
public:
    struct Settings
    {
        int perAddress = 600; // requests per window from one address; 0: no limit
        int perUser = 1200; // requests per window by one user; 0: no limit
        int windowSeconds = 60;
        double scale = 1.0; // multiplies both budgets (--rate-limit-scale)
    };

    ApiRateLimit(const Settings &settings, std::unique_ptr<BucketStore> store);

    // Whether `path` is an API route's (and so limited).
    static bool applies(const QString &path);

    // The 429 when the address (IPv6: its /64) has spent its budget.
    std::optional<HttpResponse> admitAddress(const QHostAddress &address);
    // The 429 when the user has spent theirs.
    std::optional<HttpResponse> admitUser(const QString &userId);

private:
    std::optional<HttpResponse> admit(const QByteArray &key, const BucketStore::Limit &limit);
    static BucketStore::Limit limitOf(int perWindow, const Settings &settings);

    BucketStore::Limit m_perAddress;
    BucketStore::Limit m_perUser;
    std::unique_ptr<BucketStore> m_store;
};

} // namespace quire::server
