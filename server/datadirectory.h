// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace quire::server {

// The server's data directory: created when missing, proven writable before
// anything is stored, and locked so that two servers never share one
// database by mistake. Several named instances (--instance-name) may share
// it on purpose; an unnamed server, or a restore, keeps it to itself.
class DataDirectory
{
public:
    // What a lock holds; released when destroyed (or when the process dies).
    class Lock
    {
    public:
        Lock() = default;
        ~Lock();
        Lock(const Lock &) = delete;
        Lock &operator=(const Lock &) = delete;

    private:
        friend class DataDirectory;
        std::unique_ptr<QLockFile> m_file; // quire-server.lock, or this instance's own
        int m_instancesFd = -1; // flock on quire-server.instances: exclusive, or shared among named instances
    };

    // Creates the directory if needed and checks that files can be written in it.
    static shared::VoidResult prepare(const QString &path);

    // Keeps the directory to this process: refused while any other server
    // (named or not) uses it.
    static shared::Result<std::unique_ptr<Lock>> lock(const QString &path);
    // Shares it with other named instances, refused while an unnamed server
    // or a restore holds it, or another instance goes by `instanceName`.
    static shared::Result<std::unique_ptr<Lock>> lockShared(const QString &path, const QString &instanceName);
};

} // namespace quire::server
