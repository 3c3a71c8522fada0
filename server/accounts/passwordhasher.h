// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>

namespace quire::server {

// Argon2id cost: at least OWASP's minimum of 19 MiB and 2 passes.
struct PasswordHashParams
{
    unsigned long long opsLimit = 2; // passes
    size_t memLimit = 19 * 1024 * 1024; // bytes
};

// Argon2id password hashes through libsodium (crypto_pwhash_str). Hashing is
// deliberately slow, so the asynchronous calls run on a small pool of their
// own with a bounded queue: a login flood waits here (or is turned away)
// instead of stalling the HTTP threads that serve pages.
class PasswordHasher
{
public:
    using Params = PasswordHashParams;

    explicit PasswordHasher(Params params = Params(), int threads = 1, int maxQueued = 64);
    ~PasswordHasher();

    const Params &params() const { return m_params; }

    shared::Result<QByteArray> hash(const QByteArray &password) const;
    bool verify(const QByteArray &storedHash, const QByteArray &password) const;
    // True when `storedHash` was made with weaker parameters than ours.
    bool needsRehash(const QByteArray &storedHash) const;

    // Runs `work` on the hashing pool and `done` back on `context`'s thread.
    // Returns false (running nothing) when the queue is full.
    bool runAsync(QObject *context, std::function<QVariant()> work, std::function<void(QVariant)> done);

    // A hash of a random password, for checking unknown accounts just as
    // long as real ones (no enumeration by timing).
    const QByteArray &dummyHash() const { return m_dummyHash; }

private:
    Params m_params;
    int m_maxQueued;
    QThreadPool m_pool;
    std::atomic<int> m_queued { 0 };
    QByteArray m_dummyHash;
};

} // namespace quire::server
