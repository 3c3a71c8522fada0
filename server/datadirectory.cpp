// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/datadirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <sys/file.h>

#include <fcntl.h>
#include <unistd.h>

namespace quire::server {

using shared::Error;
using shared::Result;

namespace {

// flock(2) gives what QLockFile cannot: a lock several processes share
// (the named instances) that one exclusive holder (an unnamed server, a
// restore) keeps everyone else from, and that the kernel drops when its
// process dies, SIGKILL included.
Result<int> flockInstances(const QString &dir, bool exclusive)
{
    const QByteArray file = QFile::encodeName(QDir(dir).filePath(QStringLiteral("quire-server.instances")));
    const int fd = ::open(file.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::make(shared::ErrorCode::DataDirUnwritable,
                           QStringLiteral("cannot lock data directory %1").arg(dir));
    if (::flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
        ::close(fd);
        return Error::make(shared::ErrorCode::DataDirLocked,
                           exclusive ? QStringLiteral("data directory %1 is in use by another quire-server (named "
                                                      "instances)")
                                           .arg(dir)
                                     : QStringLiteral("data directory %1 is in use by another quire-server that has no "
                                                      "--instance-name; it keeps the directory to itself")
                                           .arg(dir));
    }
    return fd;
}

Result<std::unique_ptr<QLockFile>> lockFile(const QString &dir, const QString &name, const QString &holder)
{
    auto lock = std::make_unique<QLockFile>(QDir(dir).filePath(name));
    lock->setStaleLockTime(0); // a lock whose process is gone is stale at once
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        lock->getLockInfo(&pid, &host, &app);
        if (lock->error() == QLockFile::LockFailedError) {
            return Error::make(shared::ErrorCode::DataDirLocked,
                               QStringLiteral("data directory %1 is in use by another quire-server%2 (pid %3)")
                                   .arg(dir, holder)
                                   .arg(pid));
        }
        return Error::make(shared::ErrorCode::DataDirUnwritable,
                           QStringLiteral("cannot lock data directory %1").arg(dir));
    }
    return lock;
}

} // namespace

DataDirectory::Lock::~Lock()
{
    m_file.reset();
    if (m_instancesFd >= 0)
        ::close(m_instancesFd); // drops the flock
}

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

Result<std::unique_ptr<DataDirectory::Lock>> DataDirectory::lock(const QString &path)
{
    auto held = std::make_unique<Lock>();
    // The lock file first: its message names the other server's pid, as
    // before there were named instances.
    Result<std::unique_ptr<QLockFile>> file = lockFile(path, QStringLiteral("quire-server.lock"), QString());
    if (!file)
        return file.error();
    held->m_file = std::move(file.value());
    Result<int> fd = flockInstances(path, true);
    if (!fd)
        return fd.error();
    held->m_instancesFd = *fd;
    return held;
}

Result<std::unique_ptr<DataDirectory::Lock>> DataDirectory::lockShared(const QString &path, const QString &instanceName)
{
    auto held = std::make_unique<Lock>();
    Result<int> fd = flockInstances(path, false);
    if (!fd)
        return fd.error();
    held->m_instancesFd = *fd;
    Result<std::unique_ptr<QLockFile>> file = lockFile(path, QStringLiteral("quire-server.%1.lock").arg(instanceName),
                                                       QStringLiteral(" named %1").arg(instanceName));
    if (!file)
        return file.error();
    held->m_file = std::move(file.value());
    return held;
}

} // namespace quire::server
