// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/datadirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

namespace quire::server {

using shared::Error;

shared::VoidResult DataDirectory::prepare(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return Error::make(shared::ErrorCode::DataDirInvalid,
                           QStringLiteral("data directory %1 exists but is not a directory").arg(path));
    if (!QDir().mkpath(path))
        return Error::make(shared::ErrorCode::DataDirUnwritable,
                           QStringLiteral("cannot create data directory %1").arg(path));
    QTemporaryFile probe(QDir(path).filePath(QStringLiteral(".write-test-XXXXXX")));
    if (!probe.open() || probe.write("ok", 2) != 2 || !probe.flush()) {
        return Error::make(shared::ErrorCode::DataDirUnwritable,
                           QStringLiteral("data directory %1 is not writable: %2").arg(path, probe.errorString()));
    }
    return shared::VoidResult::success();
}

shared::Result<std::unique_ptr<QLockFile>> DataDirectory::lock(const QString &path)
{
    auto lock = std::make_unique<QLockFile>(QDir(path).filePath(QStringLiteral("quire-server.lock")));
    lock->setStaleLockTime(0); // a lock whose process is gone is stale at once
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        lock->getLockInfo(&pid, &host, &app);
        if (lock->error() == QLockFile::LockFailedError) {
            return Error::make(
                shared::ErrorCode::DataDirLocked,
                QStringLiteral("data directory %1 is in use by another quire-server (pid %2)").arg(path).arg(pid));
        }
        return Error::make(shared::ErrorCode::DataDirUnwritable,
                           QStringLiteral("cannot lock data directory %1").arg(path));
    }
    return lock;
}

} // namespace quire::server
