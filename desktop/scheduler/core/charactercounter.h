// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/schedulernames.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace quire::desktop {

// How long a text is for one network, against that network's limit.
struct CharacterCount
{
    int used = 0;
    std::optional<int> limit; // none: the network takes any length

    bool isOver() const { return limit && used > *limit; }
    int left() const { return limit ? *limit - used : 0; }
};

// Counts a post's text the way each network does: grapheme clusters (what
// a reader sees as one character: an emoji with its modifiers, a letter
// with its combining marks), with each link counted as the network counts
// it. The limits are in one table (charactercounter.cpp); a webhook takes
// any length unless its platform's settings name a `max_length`.
class CharacterCounter
{
public:
    // The grapheme clusters of `text`.
    static int graphemes(const QString &text);
    // `text` as `kind` counts it; `settings` is the platform's settings object.
    static CharacterCount count(shared::PlatformKind kind, const QString &text,
                                const nlohmann::json &settings = nlohmann::json::object());
    // The network's own limit, before any setting.
    static std::optional<int> limitOf(shared::PlatformKind kind);
};

} // namespace quire::desktop
