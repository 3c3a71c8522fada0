// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace quire::server {

// Where the API's rate-limit token buckets live: in the process
// (MemoryBucketStore) for a single server, or shared through the database
// by several instances (the server's LeasedBucketStore); the limiter does
// not know which.
class BucketStore
{
public:
    // A bucket holds up to `capacity` tokens and gains `perSecond` tokens a
    // second; a new bucket starts full.
    struct Limit
    {
        double capacity = 0;
        double perSecond = 0;
    };

    struct Decision
    {
        bool allowed = true;
        double remaining = 0; // tokens left after this request
        qint64 retryAfterMs = 0; // when refused: until the bucket holds `cost` again
    };

    virtual ~BucketStore() = default;

    // Takes `cost` tokens from the bucket `key` at `nowMs` (the wall clock,
    // shared::Clock: stores shared by processes need one clock; a clock
    // stepping back only delays the refill), or refuses and takes nothing.
    // Safe from any thread.
    virtual Decision take(const QByteArray &key, double cost, const Limit &limit, qint64 nowMs) = 0;
};

} // namespace quire::server
