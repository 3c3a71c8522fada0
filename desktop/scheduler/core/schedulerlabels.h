// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/schedulernames.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace quire::desktop {

// The scheduler's choices as people read them (translated), each from one
// table in schedulerlabels.cpp, and a post's time in its own zone.
namespace SchedulerLabels {

QString postStatus(shared::PostStatus status);
QString destinationStatus(shared::DestinationStatus status);
// A short mark before a destination's name in lists: ✓ published, ✗ failed …
QString destinationBadge(shared::DestinationStatus status);
QString platformKind(shared::PlatformKind kind);
// A platform as lists and tabs name it: its display name and its network
// ("Northwind · Mastodon"), or the name alone when it is the network's name.
QString platformName(const QString &displayName, shared::PlatformKind kind);
// The names of the secret's parts a network's credential takes (what the
// server's POST /platforms/:id/credentials asks for), with their labels.
QList<std::pair<QString, QString>> credentialFields(shared::PlatformKind kind);

// `utc` in `zone` (an IANA name), short, with the zone: "3/12/26 2:00 PM
// (Europe/Berlin)". The zone's name is left out when it is the local one.
QString timeIn(const QDateTime &utc, const QString &zone);

} // namespace SchedulerLabels

} // namespace quire::desktop
