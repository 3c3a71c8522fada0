// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/schedulerlabels.h"

#include "desktop/core/tr.h"

#include <QList>
#include <QLocale>
#include <QTimeZone>

#include <utility>

namespace quire::desktop::SchedulerLabels {

namespace {

using shared::DestinationStatus;
using shared::PlatformKind;
using shared::PostStatus;

template<typename Enum, std::size_t N> QString lookUp(const std::pair<Enum, const char *> (&table)[N], Enum value)
{
    for (const auto &[each, text] : table) {
        if (each == value)
            return Tr::tr(text);
    }
    return {};
}

constexpr std::pair<PostStatus, const char *> kPostStatusLabels[] = {
    { PostStatus::Draft, QT_TRANSLATE_NOOP("Quire::Core", "Draft") },
    { PostStatus::Scheduled, QT_TRANSLATE_NOOP("Quire::Core", "Scheduled") },
    { PostStatus::Publishing, QT_TRANSLATE_NOOP("Quire::Core", "Publishing") },
    { PostStatus::Published, QT_TRANSLATE_NOOP("Quire::Core", "Published") },
    { PostStatus::PartiallyPublished, QT_TRANSLATE_NOOP("Quire::Core", "Partly published") },
    { PostStatus::Failed, QT_TRANSLATE_NOOP("Quire::Core", "Failed") },
    { PostStatus::Cancelled, QT_TRANSLATE_NOOP("Quire::Core", "Cancelled") },
};

constexpr std::pair<DestinationStatus, const char *> kDestinationStatusLabels[] = {
    { DestinationStatus::Pending, QT_TRANSLATE_NOOP("Quire::Core", "Waiting") },
    { DestinationStatus::Publishing, QT_TRANSLATE_NOOP("Quire::Core", "Publishing") },
    { DestinationStatus::Published, QT_TRANSLATE_NOOP("Quire::Core", "Published") },
    { DestinationStatus::Failed, QT_TRANSLATE_NOOP("Quire::Core", "Failed") },
    { DestinationStatus::Cancelled, QT_TRANSLATE_NOOP("Quire::Core", "Cancelled") },
};

constexpr std::pair<DestinationStatus, const char *> kDestinationBadges[] = {
    { DestinationStatus::Pending, "○" }, { DestinationStatus::Publishing, "…" }, { DestinationStatus::Published, "✓" },
    { DestinationStatus::Failed, "✗" },  { DestinationStatus::Cancelled, "–" },
};

constexpr std::pair<PlatformKind, const char *> kPlatformKindLabels[] = {
    { PlatformKind::Webhook, QT_TRANSLATE_NOOP("Quire::Core", "Webhook") },
    { PlatformKind::Mastodon, QT_TRANSLATE_NOOP("Quire::Core", "Mastodon") },
    { PlatformKind::Bluesky, QT_TRANSLATE_NOOP("Quire::Core", "Bluesky") },
};

// The parts of each network's secret, as the server's PlatformCredentials
// asks for them.
struct CredentialField
{
    PlatformKind kind;
    const char *name;
    const char *label;
};

constexpr CredentialField kCredentialFields[] = {
    { PlatformKind::Webhook, "token", QT_TRANSLATE_NOOP("Quire::Core", "Signing secret") },
    { PlatformKind::Mastodon, "token", QT_TRANSLATE_NOOP("Quire::Core", "Access token") },
    { PlatformKind::Bluesky, "identifier", QT_TRANSLATE_NOOP("Quire::Core", "Handle or e-mail") },
    { PlatformKind::Bluesky, "app_password", QT_TRANSLATE_NOOP("Quire::Core", "App password") },
};

} // namespace

QString postStatus(PostStatus status)
{
    return lookUp(kPostStatusLabels, status);
}

QString destinationStatus(DestinationStatus status)
{
    return lookUp(kDestinationStatusLabels, status);
}

QString destinationBadge(DestinationStatus status)
{
    for (const auto &[each, mark] : kDestinationBadges) {
        if (each == status)
            return QString::fromUtf8(mark);
    }
    return {};
}

QString platformKind(PlatformKind kind)
{
    return lookUp(kPlatformKindLabels, kind);
}

QString platformName(const QString &displayName, PlatformKind kind)
{
    const QString network = platformKind(kind);
    if (displayName.trimmed().isEmpty() || displayName.trimmed().compare(network, Qt::CaseInsensitive) == 0)
        return network;
    return Tr::tr("%1 · %2").arg(displayName, network);
}

QList<std::pair<QString, QString>> credentialFields(PlatformKind kind)
{
    QList<std::pair<QString, QString>> fields;
    for (const CredentialField &f : kCredentialFields) {
        if (f.kind == kind)
            fields.append({ QString::fromLatin1(f.name), Tr::tr(f.label) });
    }
    return fields;
}

QString timeIn(const QDateTime &utc, const QString &zone)
{
    if (!utc.isValid())
        return {};
    const QTimeZone tz(zone.toUtf8());
    const QDateTime there = tz.isValid() ? utc.toTimeZone(tz) : utc.toLocalTime();
    const QString text = QLocale().toString(there, QLocale::ShortFormat);
    if (!tz.isValid() || tz == QTimeZone::systemTimeZone())
        return text;
    // The zone's city is enough beside a time ("Berlin", not
    // "Europe/Berlin"): lists have no room to spare; tooltips say it whole.
    QString city = zone.section(QLatin1Char('/'), -1);
    city.replace(QLatin1Char('_'), QLatin1Char(' '));
    return Tr::tr("%1 (%2)").arg(text, city);
}

} // namespace quire::desktop::SchedulerLabels
