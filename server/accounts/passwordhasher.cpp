// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/passwordhasher.h"

#include "server/http/requestscope.h"

#include <QMetaObject>
#include <QPointer>
#include <QVariant>

#include <sodium.h>

namespace quire::server {

PasswordHasher::PasswordHasher(Params params, int threads, int maxQueued)
    : m_params(params)
    , m_maxQueued(maxQueued)
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
    m_pool.setMaxThreadCount(std::max(1, threads));
    QByteArray random(32, Qt::Uninitialized);
    randombytes_buf(random.data(), size_t(random.size()));
    m_dummyHash = hash(random.toHex()).value();
}

PasswordHasher::~PasswordHasher()
{
    m_pool.waitForDone();
}

shared::Result<QByteArray> PasswordHasher::hash(const QByteArray &password) const
{
    QByteArray out(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(out.data(), password.constData(), quint64(password.size()), m_params.opsLimit,
                          m_params.memLimit)
        != 0) {
        return shared::Error::make(shared::ErrorCode::HashFailed,
                                   QStringLiteral("out of memory while hashing a password"));
    }
    out.truncate(qsizetype(qstrlen(out.constData())));
    return out;
}

bool PasswordHasher::verify(const QByteArray &storedHash, const QByteArray &password) const
{
    if (storedHash.isEmpty() || storedHash.size() >= crypto_pwhash_STRBYTES)
        return false;
    QByteArray terminated = storedHash;
    terminated.append('\0');
    return crypto_pwhash_str_verify(terminated.constData(), password.constData(), quint64(password.size())) == 0;
}

bool PasswordHasher::needsRehash(const QByteArray &storedHash) const
{
    QByteArray terminated = storedHash;
    terminated.append('\0');
    return crypto_pwhash_str_needs_rehash(terminated.constData(), m_params.opsLimit, m_params.memLimit) != 0;
}

bool PasswordHasher::runAsync(QObject *context, std::function<QVariant()> work, std::function<void(QVariant)> done)
{
    if (m_queued.fetch_add(1) >= m_maxQueued) {
        m_queued.fetch_sub(1);
        return false;
    }
    QPointer<QObject> target(context);
    // The request's failure path travels along: an exception in `work` (on
    // the pool) or in `done` (back in the event loop, where nothing would
    // catch) answers that request with a 500 instead of ending the process.
    RequestScope::Failure failure = RequestScope::current();
    m_pool.start([this, target, failure, work = std::move(work), done = std::move(done)]() mutable {
        QVariant result;
        bool worked = false;
        RequestScope::guard(failure, [&] {
            result = work();
            worked = true;
        });
        m_queued.fetch_sub(1);
        if (!worked || !target)
            return;
        QMetaObject::invokeMethod(
            target.data(),
            [failure, done = std::move(done), result = std::move(result)] {
                RequestScope::guard(failure, [&] { done(result); });
            },
            Qt::QueuedConnection);
    });
    return true;
}

} // namespace quire::server
