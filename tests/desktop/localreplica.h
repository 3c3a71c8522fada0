// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncstore.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace quire::test {

// A replica in a temporary directory with its sync and content stores, and no
// server: what a desktop core test works on. open() from initTestCase.
struct LocalReplica
{
    QTemporaryDir dir;
    std::unique_ptr<desktop::Replica> replica;
    std::unique_ptr<desktop::SyncStore> sync;
    std::unique_ptr<desktop::ContentStore> content;

    // False (after saying why) when the replica cannot be opened; call it
    // as QVERIFY(m_local.open()).
    bool open()
    {
        QStandardPaths::setTestModeEnabled(true);
        auto opened = desktop::Replica::open(dir.filePath(QStringLiteral("replica.db")));
        if (!opened) {
            qWarning() << opened.error().message;
            return false;
        }
        replica = std::move(opened.value());
        sync = std::make_unique<desktop::SyncStore>(*replica);
        content = std::make_unique<desktop::ContentStore>(*replica, *sync);
        return true;
    }

    shared::Database &database() { return replica->database(); }
};

} // namespace quire::test
