// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/promptrules.h"

#include "server/prompts/promptaccess.h"
#include "server/prompts/promptgroupaccess.h"
#include "server/prompts/promptgroupmemberaccess.h"
#include "server/prompts/promptgroupshareaccess.h"
#include "server/prompts/promptlabelaccess.h"
#include "server/prompts/promptpersonalaccess.h"
#include "server/prompts/promptversionaccess.h"
#include "shared/prompttables.h"

namespace quire::server {

QList<const SyncAccess *> promptAccessRules()
{
    static const PromptAccess prompts;
    static const PromptVersionAccess versions;
    static const PromptLabelAccess labels;
    static const PromptGroupAccess groups;
    static const PromptGroupMemberAccess members;
    static const PromptGroupShareAccess shares;
    static const PromptPersonalAccess favorites(shared::promptFavoritesTable(),
                                                { .aboutReadablePrompt = true, .onePerPrompt = true });
    static const PromptPersonalAccess usage(
        shared::promptUsageTable(),
        { .aboutReadablePrompt = true, .immutable = true, .keepsVariablesOnlyByChoice = true });
    static const PromptPersonalAccess preferences(shared::promptPreferencesTable(), { .onePerUser = true });
    return { &prompts, &versions, &labels, &groups, &members, &shares, &favorites, &usage, &preferences };
}

} // namespace quire::server
