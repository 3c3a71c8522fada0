// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/cli/metricscommands.h"

#include "desktop/cli/tr.h"
#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/scheduler/core/metricsremote.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "shared/jsonqt.h"

#include <QTextStream>

#include <algorithm>
#include <utility>

namespace quire::cli {

using shared::MetricsKind;

namespace {

// The figures of each report as the server names them, with their headings.
struct Figure
{
    MetricsKind kind;
    const char *key;
    const char *heading;
};

constexpr Figure kFigures[] = {
    { MetricsKind::Engagement, "impressions", QT_TRANSLATE_NOOP("Quire::Cli", "Impressions") },
    { MetricsKind::Engagement, "likes", QT_TRANSLATE_NOOP("Quire::Cli", "Likes") },
    { MetricsKind::Engagement, "comments", QT_TRANSLATE_NOOP("Quire::Cli", "Comments") },
    { MetricsKind::Engagement, "shares", QT_TRANSLATE_NOOP("Quire::Cli", "Shares") },
    { MetricsKind::Engagement, "clicks", QT_TRANSLATE_NOOP("Quire::Cli", "Clicks") },
    { MetricsKind::Financial, "currency", QT_TRANSLATE_NOOP("Quire::Cli", "Currency") },
    { MetricsKind::Financial, "revenue", QT_TRANSLATE_NOOP("Quire::Cli", "Revenue") },
    { MetricsKind::Financial, "payouts", QT_TRANSLATE_NOOP("Quire::Cli", "Payouts") },
};

// A value of the report as a cell: text as it is, numbers in full.
QString cell(const nlohmann::json &item, const char *key)
{
    const auto it = item.find(key);
    if (it == item.end() || it->is_null())
        return {};
    return it->is_string() ? it->get<QString>() : QString::fromStdString(it->dump());
}

// YYYY-MM-DD and nothing looser, as the server reads it.
std::optional<QDate> strictDay(const QString &text)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    return text.size() == 10 && day.isValid() ? std::optional<QDate>(day) : std::nullopt;
}

} // namespace

MetricsCommands::MetricsCommands(CliSupport &support)
    : m_cli(support)
{ }

QList<CliCommand> MetricsCommands::commands()
{
    return {
        { QStringLiteral("metrics"),
          Tr::tr("  metrics engagement|financial [--group day|week|month] [--from DAY --to DAY]\n"
                 "          [--client NAME|ID] [--platform NAME|ID] [--csv | --json]\n"
                 "                 The server's figures per period, client and platform (money per\n"
                 "                 currency); without --from and --to the last 30 days. DAY: 2024-03-31.\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return MetricsCommands(cli).run(profile, args);
          } },
    };
}

int MetricsCommands::run(const QString &profile, QStringList args)
{
    const std::optional<MetricsKind> kind
        = args.isEmpty() ? std::nullopt : shared::kMetricsKinds.fromName(args.takeFirst());
    if (!kind)
        return m_cli.usage(Tr::tr("metrics needs engagement or financial"));
    bool bad = false;
    const bool csv = CliSupport::takeSwitch(args, QStringLiteral("--csv"));
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    const std::optional<QString> group = CliSupport::takeOption(args, QStringLiteral("--group"), bad);
    const std::optional<QString> from = CliSupport::takeOption(args, QStringLiteral("--from"), bad);
    const std::optional<QString> to = CliSupport::takeOption(args, QStringLiteral("--to"), bad);
    const std::optional<QString> client = CliSupport::takeOption(args, QStringLiteral("--client"), bad);
    const std::optional<QString> platform = CliSupport::takeOption(args, QStringLiteral("--platform"), bad);
    if (bad)
        return m_cli.usage(Tr::tr("an option is missing its value"));
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    if (csv && json)
        return m_cli.usage(Tr::tr("choose --csv or --json, not both"));
    desktop::MetricsRequest request;
    request.kind = *kind;
    if (group) {
        request.group = shared::kMetricsGroups.fromName(*group);
        if (!request.group)
            return m_cli.usage(Tr::tr("%1 is not a grouping; use day, week or month").arg(*group));
    }
    if (from.has_value() != to.has_value())
        return m_cli.usage(Tr::tr("give both --from and --to, or neither"));
    if (from) {
        for (const QString &day : { *from, *to }) {
            if (!strictDay(day))
                return m_cli.usage(Tr::tr("%1 is not a day; write one like 2024-03-31").arg(day));
        }
        request.from = *strictDay(*from);
        request.to = *strictDay(*to);
        if (request.from > request.to)
            return m_cli.usage(Tr::tr("--to must not be before --from"));
    }
    auto ws = m_cli.openWorkspace(profile);
    if (!ws)
        return Failure;
    desktop::SchedulerStore store(ws->content(), ws->replica().database());
    int code = Ok;
    if (client) {
        const auto found = m_cli.found(store.findClient(*client),
                                       Tr::tr("There is no client %1 in this replica.").arg(*client), code);
        if (!found)
            return code;
        request.clientId = found->id;
    }
    if (platform) {
        const auto found = m_cli.found(store.findPlatform(request.clientId, *platform),
                                       Tr::tr("There is no platform %1 in this replica.").arg(*platform), code);
        if (!found)
            return code;
        request.platformId = found->id;
    }
    if (const int signedIn = m_cli.signIn(*ws); signedIn != Ok)
        return signedIn;
    desktop::MetricsRemote remote(ws->session());
    if (csv) {
        shared::Result<QByteArray> bytes = QByteArray();
        CliSupport::waitFor([&](const std::function<void()> &finished) {
            remote.reportCsv(request, [&bytes, finished](shared::Result<QByteArray> r) {
                bytes = std::move(r);
                finished();
            });
        });
        if (!bytes)
            return m_cli.fail(bytes.error());
        m_cli.out() << QString::fromUtf8(*bytes);
        m_cli.out().flush();
        return Ok;
    }
    shared::Result<nlohmann::json> report = nlohmann::json();
    CliSupport::waitFor([&](const std::function<void()> &finished) {
        remote.report(request, [&report, finished](shared::Result<nlohmann::json> r) {
            report = std::move(r);
            finished();
        });
    });
    if (!report)
        return m_cli.fail(report.error());
    if (json)
        m_cli.printJson(*report);
    else
        printTable(*report, *kind);
    return Ok;
}

void MetricsCommands::printTable(const nlohmann::json &report, MetricsKind kind)
{
    const QString from = cell(report, "from");
    const QString to = cell(report, "to");
    const nlohmann::json items = report.value("items", nlohmann::json::array());
    if (!items.is_array() || items.empty()) {
        m_cli.out() << Tr::tr("No figures from %1 to %2.").arg(from, to) << Qt::endl;
        return;
    }
    QList<std::pair<const char *, QString>> columns { { "period", Tr::tr("Period") },
                                                      { "client_name", Tr::tr("Client") },
                                                      { "platform_name", Tr::tr("Platform") } };
    for (const Figure &f : kFigures) {
        if (f.kind == kind)
            columns.append({ f.key, Tr::tr(f.heading) });
    }
    QList<QStringList> rows;
    QStringList heading;
    for (const auto &[key, title] : std::as_const(columns))
        heading << title;
    rows << heading;
    for (const nlohmann::json &item : items) {
        QStringList row;
        for (const auto &[key, title] : std::as_const(columns))
            row << cell(item, key);
        rows << row;
    }
    QList<qsizetype> widths(columns.size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    m_cli.out() << Tr::tr("From %1 to %2:").arg(from, to) << Qt::endl;
    for (const QStringList &row : std::as_const(rows)) {
        QStringList padded;
        for (qsizetype c = 0; c < row.size(); ++c)
            padded << (c + 1 < row.size() ? row[c].leftJustified(widths[c]) : row[c]);
        m_cli.out() << padded.join(QStringLiteral("  ")) << Qt::endl;
    }
    for (const nlohmann::json &total : report.value("totals", nlohmann::json::array())) {
        m_cli.out() << Tr::tr("Total in %1: revenue %2, payouts %3")
                           .arg(cell(total, "currency"), cell(total, "revenue"), cell(total, "payouts"))
                    << Qt::endl;
    }
}

} // namespace quire::cli
