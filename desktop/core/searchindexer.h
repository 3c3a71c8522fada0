// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QObject>

class QTimer;

namespace quire::shared {
class Database;
}

namespace quire::desktop {

// Brings the replica's search index up to date in the background, a few
// thousand rows at a time between events, so a search after a large pull is
// instant and the window never freezes while the index catches up.
class SearchIndexer final : public QObject
{
    Q_OBJECT
public:
    explicit SearchIndexer(shared::Database &db, QObject *parent = nullptr);

    // Starts (or continues) catching up; returns at once.
    void start();
    bool isRunning() const;

    // Indexes the rows written since the last search, if any were.
    static shared::VoidResult catchUp(shared::Database &db);
    // At most `maxRows` of them after `fromRowid` (which it advances), in
    // one short transaction; true when none are left anywhere. The app calls
    // it in the background after each sync round.
    static shared::Result<bool> catchUpSome(shared::Database &db, int maxRows, qint64 &fromRowid);

    static constexpr int kRowsPerStep = 100; // 10 to 40 ms a step: the window and live sync stay responsive

Q_SIGNALS:
    void finished();

private:
    void step();

    shared::Database &m_db;
    QTimer *m_timer;
    qint64 m_fromRowid = 0;
};

} // namespace quire::desktop
