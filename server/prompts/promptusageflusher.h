// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QObject>
#include <QString>

#include <memory>

namespace quire::shared {
class Database;
}

namespace quire::server {

class ChangeFeed;

// Writes the programs' counted fetches (PromptFetchUsage) into the usage
// history every PromptFetchUsage::kFlushIntervalMs and once more when the
// server stops, on a connection of its own, off the workers' threads.
class PromptUsageFlusher final : public QObject
{
    Q_OBJECT
public:
    PromptUsageFlusher(QString databasePath, QString epoch, ChangeFeed *changes, QObject *parent = nullptr);
    ~PromptUsageFlusher() override; // flushes

    shared::VoidResult start();
    void flush();

private:
    QString m_databasePath;
    QString m_epoch;
    ChangeFeed *m_changes;
    std::unique_ptr<shared::Database> m_db;
};

} // namespace quire::server
