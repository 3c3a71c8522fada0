// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/enumnames.h"

namespace quire::shared {

// The wire names of the prompt library's choices, written once (see
// prompttables.cpp for the columns that hold them).

// A prompt is one template text, or a chat: a JSON list of {role, content}.
enum class PromptKind { Text, Chat };
inline constexpr EnumNames<PromptKind, 2> kPromptKinds { { { { PromptKind::Text, "text" },
                                                             { PromptKind::Chat, "chat" } } } };

// What a sharee of a group may do: read it, or also change its members and order.
enum class ShareRole { Viewer, Editor };
inline constexpr EnumNames<ShareRole, 2> kShareRoles { { { { ShareRole::Viewer, "viewer" },
                                                           { ShareRole::Editor, "editor" } } } };

// How a prompt version was used (usage history).
enum class PromptUse { Copied, Rendered, Run, Fetched };
inline constexpr EnumNames<PromptUse, 4> kPromptUses { { { { PromptUse::Copied, "copied" },
                                                           { PromptUse::Rendered, "rendered" },
                                                           { PromptUse::Run, "run" },
                                                           { PromptUse::Fetched, "fetched" } } } };

// Yes/no columns are Choice columns with these two values.
inline constexpr EnumNames<bool, 2> kFlags { { { { false, "false" }, { true, "true" } } } };

// The label programs ask for, and the one whose move may need approval.
inline constexpr const char *kProductionLabel = "production";
inline constexpr const char *kLatestLabel = "latest"; // implicit: the highest version number

} // namespace quire::shared
