// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/charactercounter.h"

#include <QRegularExpression>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <iterator>
#include <limits>

namespace quire::desktop {

namespace {

using shared::PlatformKind;

// One network's rule: its limit (0: none) and what a link counts for (0: its
// own length).
struct NetworkRule
{
    PlatformKind kind;
    int limit;
    int linkLength;
};

// Mastodon counts every link as 23 characters, whatever its length;
// Bluesky counts the text as written (300 graphemes).
constexpr NetworkRule kRules[] = {
    { PlatformKind::Mastodon, 500, 23 },
    { PlatformKind::Bluesky, 300, 0 },
    { PlatformKind::Webhook, 0, 0 },
};

const NetworkRule &ruleOf(PlatformKind kind)
{
    for (const NetworkRule &rule : kRules) {
        if (rule.kind == kind)
            return rule;
    }
    return kRules[std::size(kRules) - 1];
}

// The platform's own limit (a webhook's receiver may have one), when the
// settings name a positive whole number.
std::optional<int> settingLimit(const nlohmann::json &settings)
{
    if (!settings.is_object())
        return std::nullopt;
    const auto it = settings.find("max_length");
    if (it == settings.end() || !it->is_number_integer() || it->get<long long>() <= 0
        || it->get<long long>() > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(it->get<long long>());
}

} // namespace

int CharacterCounter::graphemes(const QString &text)
{
    if (text.isEmpty())
        return 0;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    int count = 0;
    while (finder.toNextBoundary() != -1)
        ++count;
    return count;
}

CharacterCount CharacterCounter::count(PlatformKind kind, const QString &text, const nlohmann::json &settings)
{
    const NetworkRule &rule = ruleOf(kind);
    CharacterCount out;
    if (rule.linkLength > 0) {
        static const QRegularExpression link(QStringLiteral("https?://[^\\s]+"));
        QString rest = text;
        int links = 0;
        rest.replace(link, QString());
        for (auto it = link.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            links += match.hasMatch() ? 1 : 0;
        }
        out.used = graphemes(rest) + links * rule.linkLength;
    } else {
        out.used = graphemes(text);
    }
    if (const std::optional<int> own = settingLimit(settings))
        out.limit = rule.limit > 0 ? std::min(rule.limit, *own) : *own;
    else
        out.limit = limitOf(kind);
    return out;
}

std::optional<int> CharacterCounter::limitOf(PlatformKind kind)
{
    const int limit = ruleOf(kind).limit;
    return limit > 0 ? std::optional<int>(limit) : std::nullopt;
}

} // namespace quire::desktop
