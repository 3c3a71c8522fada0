// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/cli/features.h"

#include "desktop/accounts/cli/accountcommands.h"
#include "desktop/articles/cli/articlecommands.h"
#include "desktop/cli/connectioncommands.h"
#include "desktop/cli/synccommands.h"
#include "desktop/prompts/cli/promptcommands.h"
#include "desktop/scheduler/cli/postcommands.h"

namespace quire::cli {

const QList<CliFeature> &cliFeatures()
{
    static const QList<CliFeature> features {
        { "connection", ConnectionCommands::commands },
        { "accounts", AccountCommands::commands },
        { "sync", SyncCommands::commands },
        { "articles", ArticleCommands::commands },
        { "prompts", PromptCommands::commands },
        { "scheduler", PostCommands::commands },
    };
    return features;
}

} // namespace quire::cli
