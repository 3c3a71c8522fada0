// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/conformance/columnvalues.h"

#include "shared/uuid.h"

#include <QMap>

namespace quire::test {

using shared::ColumnType;
using shared::SyncColumn;

QPair<QString, QString> ColumnValues::of(const SyncColumn &c, int salt, const QStringList &accounts)
{
    // Text columns whose values the server checks beyond their type.
    static const QMap<QString, QPair<QString, QString>> domains {
        { QStringLiteral("pinned_label"), { QStringLiteral("staging"), QStringLiteral("canary") } },
        { QStringLiteral("variables"), { QStringLiteral("{\"a\":\"1\"}"), QStringLiteral("{\"b\":\"2\"}") } },
        { QStringLiteral("count"), { QStringLiteral("2"), QStringLiteral("3") } },
        { QStringLiteral("temperature"), { QStringLiteral("0.5"), QStringLiteral("1.5") } },
        { QStringLiteral("max_tokens"), { QStringLiteral("256"), QStringLiteral("512") } },
        // The scheduler's zones, per-network settings and options, media lists and addresses.
        { QStringLiteral("time_zone"), { QStringLiteral("Europe/Berlin"), QStringLiteral("America/New_York") } },
        { QStringLiteral("settings"), { QStringLiteral("{\"a\":\"1\"}"), QStringLiteral("{\"b\":\"2\"}") } },
        { QStringLiteral("options"), { QStringLiteral("{\"a\":\"1\"}"), QStringLiteral("{\"b\":\"2\"}") } },
        { QStringLiteral("media"), { QStringLiteral("[\"/media/a\"]"), QStringLiteral("[\"/media/b\"]") } },
        { QStringLiteral("base_url"),
          { QStringLiteral("https://a.example.org"), QStringLiteral("https://b.example.org") } },
        { QStringLiteral("messages"),
          { QStringLiteral("[{\"role\":\"user\",\"content\":\"a\"}]"),
            QStringLiteral("[{\"role\":\"system\",\"content\":\"b\"}]") } },
    };
    if (c.type == ColumnType::Text && domains.contains(c.name))
        return domains.value(c.name);
    // An id the server looks up among the accounts (whom a group is shared with).
    if (c.type == ColumnType::Id && c.name == QLatin1String("user_id") && accounts.size() == 3)
        return salt == 0 ? qMakePair(accounts[0], accounts[1]) : qMakePair(accounts[1], accounts[2]);
    const QString s = QString::number(salt);
    switch (c.type) {
    case ColumnType::Text:
        return { QStringLiteral("Alpha ") + s, QStringLiteral("Beta ") + s };
    case ColumnType::Markdown:
        return { QStringLiteral("First paragraph, changed here.\n\nSecond paragraph.\n"),
                 QStringLiteral("First paragraph.\n\nSecond paragraph, changed there.\n") };
    case ColumnType::Choice: {
        QStringList other = c.choices;
        other.removeAll(c.defaultValue);
        return { other.value(0), other.value(1) };
    }
    case ColumnType::Id:
        return { shared::Uuid::createV7(), shared::Uuid::createV7() };
    case ColumnType::Timestamp:
        return { QStringLiteral("2027-01-0%1T09:00:00.000Z").arg(salt % 9 + 1),
                 QStringLiteral("2027-02-0%1T09:00:00.000Z").arg(salt % 9 + 1) };
    case ColumnType::Slug:
        return { QStringLiteral("first-") + s, QStringLiteral("second-") + s };
    case ColumnType::List:
        return { QStringLiteral("[\"one\"]"), QStringLiteral("[\"two\"]") };
    case ColumnType::ImageRef:
        return { QStringLiteral("https://example.org/a%1.png").arg(s),
                 QStringLiteral("https://example.org/b%1.png").arg(s) };
    }
    return {};
}

} // namespace quire::test
