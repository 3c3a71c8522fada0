// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/cli/clicommand.h"
#include "desktop/cli/clisupport.h"

#include <QDateTime>

#include <memory>
#include <optional>

namespace quire::desktop {
class PostStore;
class SchedulerStore;
struct PostDraft;
} // namespace quire::desktop

namespace quire::cli {

// `quire-cli posts list|show|new|schedule|cancel|retry`: the creators'
// queue in the replica, composed, scheduled and cancelled locally (offline
// too; sync sends the changes). Only `retry` asks the server, whose
// publisher tries again. `metrics` (MetricsCommands) is the same feature's.
class PostCommands
{
public:
    explicit PostCommands(CliSupport &support);
    ~PostCommands();
    static QList<CliCommand> commands();

    int run(const QString &profile, QStringList args);

private:
    int list(QStringList args);
    int show(QStringList args);
    int compose(QStringList args);
    int schedule(QStringList args);
    int cancel(QStringList args);
    int retry(QStringList args);

    // --at and --time-zone as given, both checked (empty when absent).
    struct When
    {
        QString at;
        QString zone;
    };
    std::optional<When> readWhen(QStringList &args, int &exitCode);
    // The moment of --at in UTC, read in `zone` unless it names its offset.
    static QDateTime timeOf(const When &when, const QString &zone);
    // The post with this id in the replica, or an exit code (after saying why).
    std::optional<desktop::PostDraft> post(const QString &id, int &exitCode);
    // The post as `show --json` prints it.
    nlohmann::json postJson(const desktop::PostDraft &post);
    void printPost(const desktop::PostDraft &post);

    CliSupport &m_cli;
    std::unique_ptr<desktop::Workspace> m_ws;
    std::unique_ptr<desktop::SchedulerStore> m_store;
    std::unique_ptr<desktop::PostStore> m_posts;
};

} // namespace quire::cli
