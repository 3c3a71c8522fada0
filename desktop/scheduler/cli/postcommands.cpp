// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/cli/postcommands.h"

#include "desktop/cli/tr.h"
#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/scheduler/cli/metricscommands.h"
#include "desktop/scheduler/core/postquery.h"
#include "desktop/scheduler/core/poststore.h"
#include "desktop/scheduler/core/schedulerlabels.h"
#include "desktop/scheduler/core/schedulerremote.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "shared/jsonqt.h"
#include "shared/timestamp.h"

#include <QTextStream>
#include <QTimeZone>

#include <algorithm>

namespace quire::cli {

using desktop::PostDraft;
using desktop::PostSummary;
using shared::PostStatus;

namespace {

const QStringList kActions { QStringLiteral("list"),     QStringLiteral("show"),   QStringLiteral("new"),
                             QStringLiteral("schedule"), QStringLiteral("cancel"), QStringLiteral("retry") };

nlohmann::json orNull(const QString &text)
{
    return text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString());
}

// The moment as the wire has it (UTC) and as the post's zone shows it
// (2030-03-12T14:00:00+01:00); both null without a time.
void putTimes(nlohmann::json &j, const QDateTime &at, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    j["scheduled_at"] = at.isValid() ? orNull(shared::Timestamp::format(at)) : nlohmann::json();
    j["scheduled_local"] = at.isValid()
        ? orNull(at.toTimeZone(tz.isValid() ? tz : QTimeZone::utc()).toString(Qt::ISODate))
        : nlohmann::json();
    j["time_zone"] = zone.toStdString();
}

nlohmann::json summaryJson(const PostSummary &p)
{
    nlohmann::json destinations = nlohmann::json::array();
    for (const desktop::DestinationState &d : p.destinations) {
        destinations.push_back({ { "id", d.id.toStdString() },
                                 { "platform_name", d.platformName.toStdString() },
                                 { "network", shared::kPlatformKinds.name(d.kind).toStdString() },
                                 { "status", shared::kDestinationStatuses.name(d.status).toStdString() },
                                 { "last_error", orNull(d.lastError) } });
    }
    nlohmann::json j { { "id", p.id.toStdString() },
                       { "title", p.title.toStdString() },
                       { "client_id", p.clientId.toStdString() },
                       { "client_name", p.clientName.toStdString() },
                       { "status", shared::kPostStatuses.name(p.status).toStdString() },
                       { "destinations", std::move(destinations) } };
    putTimes(j, p.scheduledAt, p.timeZone);
    return j;
}

QString whenText(const QDateTime &at, const QString &zone)
{
    return at.isValid() ? desktop::SchedulerLabels::timeIn(at, zone) : Tr::tr("no time yet");
}

QString titleText(const QString &title)
{
    return title.isEmpty() ? Tr::tr("(untitled)") : title;
}

// A time as ISO 8601; without an offset it is read in `zone`.
std::optional<QDateTime> parseTime(const QString &text, const QTimeZone &zone)
{
    QDateTime at = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!at.isValid() || !text.contains(QLatin1Char('T')))
        return std::nullopt;
    if (at.timeSpec() == Qt::LocalTime)
        at = QDateTime(at.date(), at.time(), zone);
    return at.isValid() ? std::optional<QDateTime>(at.toUTC()) : std::nullopt;
}

} // namespace

PostCommands::PostCommands(CliSupport &support)
    : m_cli(support)
{ }

PostCommands::~PostCommands() = default;

QList<CliCommand> PostCommands::commands()
{
    return QList<CliCommand> {
        { QStringLiteral("posts"),
          Tr::tr("  posts list [--status S] [--client NAME|ID] [--json]\n"
                 "  posts show ID [--json]\n"
                 "  posts new --client NAME|ID --platform P[,P2] --text T [--title X]\n"
                 "            [--at ISO-8601 [--time-zone Area/City]] [--json]   (prints the id)\n"
                 "  posts schedule ID --at ISO-8601 [--time-zone Area/City]\n"
                 "  posts cancel ID\n"
                 "  posts retry ID [--destination DEST_ID]   (asks the server)\n"
                 "                 The creators' queue in the replica (offline too): a draft, or\n"
                 "                 scheduled with --at (read in --time-zone, else the client's\n"
                 "                 zone, unless it names its offset). P is a platform's name,\n"
                 "                 network or id; a text too long for a network is refused.\n"),
          [](CliSupport &cli, const QString &profile, QStringList args) {
              return PostCommands(cli).run(profile, args);
          } },
    }
    + MetricsCommands::commands();
}

int PostCommands::run(const QString &profile, QStringList args)
{
    if (args.isEmpty())
        return m_cli.usage(Tr::tr("posts needs list, show, new, schedule, cancel or retry"));
    const QString action = args.takeFirst();
    if (!kActions.contains(action))
        return m_cli.usage(Tr::tr("unknown posts command %1").arg(action));
    m_ws = m_cli.openWorkspace(profile);
    if (!m_ws)
        return Failure;
    m_store = std::make_unique<desktop::SchedulerStore>(m_ws->content(), m_ws->replica().database());
    m_posts = std::make_unique<desktop::PostStore>(*m_store);
    if (action == QLatin1String("list"))
        return list(args);
    if (action == QLatin1String("show"))
        return show(args);
    if (action == QLatin1String("new"))
        return compose(args);
    if (action == QLatin1String("schedule"))
        return schedule(args);
    if (action == QLatin1String("cancel"))
        return cancel(args);
    return retry(args);
}

int PostCommands::list(QStringList args)
{
    bool bad = false;
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    const std::optional<QString> status = CliSupport::takeOption(args, QStringLiteral("--status"), bad);
    const std::optional<QString> client = CliSupport::takeOption(args, QStringLiteral("--client"), bad);
    if (bad)
        return m_cli.usage(Tr::tr("an option is missing its value"));
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    desktop::PostQuery query;
    if (status) {
        query.status = shared::kPostStatuses.fromName(*status);
        if (!query.status)
            return m_cli.usage(Tr::tr("%1 is not a status; use one of %2")
                                   .arg(*status, shared::kPostStatuses.names().join(QLatin1String(", "))));
    }
    int code = Ok;
    if (client) {
        const auto found = m_cli.found(m_store->findClient(*client),
                                       Tr::tr("There is no client %1 in this replica.").arg(*client), code);
        if (!found)
            return code;
        query.clientId = found->id;
    }
    shared::Result<QList<PostSummary>> posts = query.run(m_ws->replica().database());
    if (!posts)
        return m_cli.fail(posts.error());
    if (json) {
        nlohmann::json array = nlohmann::json::array();
        for (const PostSummary &p : std::as_const(*posts))
            array.push_back(summaryJson(p));
        m_cli.printJson(array);
        return Ok;
    }
    for (const PostSummary &p : std::as_const(*posts)) {
        m_cli.out() << QStringLiteral("%1  %2  %3  %4  %5")
                           .arg(p.id, desktop::SchedulerLabels::postStatus(p.status),
                                whenText(p.scheduledAt, p.timeZone), p.clientName, titleText(p.title))
                    << Qt::endl;
        for (const desktop::DestinationState &d : p.destinations) {
            QString line = Tr::tr("    %1 %2: %3")
                               .arg(desktop::SchedulerLabels::destinationBadge(d.status),
                                    desktop::SchedulerLabels::platformName(d.platformName, d.kind),
                                    desktop::SchedulerLabels::destinationStatus(d.status));
            if (!d.lastError.isEmpty())
                line += Tr::tr(" (%1)").arg(d.lastError);
            m_cli.out() << line << Qt::endl;
        }
    }
    if (posts->isEmpty())
        m_cli.out() << Tr::tr("No posts.") << Qt::endl;
    return Ok;
}

std::optional<PostDraft> PostCommands::post(const QString &id, int &exitCode)
{
    return m_cli.found(m_posts->load(id), Tr::tr("There is no post %1 in this replica.").arg(id), exitCode);
}

nlohmann::json PostCommands::postJson(const PostDraft &post)
{
    const shared::Result<std::optional<desktop::ClientRecord>> client = m_store->client(post.clientId);
    nlohmann::json destinations = nlohmann::json::array();
    for (const desktop::DestinationDraft &d : post.destinations) {
        const shared::Result<std::optional<desktop::PlatformRecord>> platform = m_store->platform(d.platformId);
        const bool known = platform && *platform;
        const desktop::CharacterCount count = m_posts->countFor(d.platformId, post.textFor(d));
        destinations.push_back(
            { { "id", d.id.toStdString() },
              { "platform_id", d.platformId.toStdString() },
              { "platform_name", known ? orNull((*platform)->displayName) : nlohmann::json() },
              { "network", known ? orNull(shared::kPlatformKinds.name((*platform)->kind)) : nlohmann::json() },
              { "text", d.text.toStdString() },
              { "characters", count.used },
              { "limit", count.limit ? nlohmann::json(*count.limit) : nlohmann::json() },
              { "status", shared::kDestinationStatuses.name(d.status).toStdString() },
              { "last_error", orNull(d.lastError) },
              { "published_url", orNull(d.publishedUrl) } });
    }
    nlohmann::json j { { "id", post.id.toStdString() },
                       { "title", post.title.toStdString() },
                       { "client_id", post.clientId.toStdString() },
                       { "client_name", client && *client ? orNull((*client)->name) : nlohmann::json() },
                       { "body", post.body.toStdString() },
                       { "status", shared::kPostStatuses.name(post.status).toStdString() },
                       { "destinations", std::move(destinations) } };
    putTimes(j, post.scheduledAt, post.timeZone);
    return j;
}

void PostCommands::printPost(const PostDraft &post)
{
    const shared::Result<std::optional<desktop::ClientRecord>> client = m_store->client(post.clientId);
    QTextStream &out = m_cli.out();
    out << titleText(post.title) << Qt::endl
        << Tr::tr("Client: %1").arg(client && *client ? (*client)->name : post.clientId) << Qt::endl
        << Tr::tr("Status: %1   When: %2")
               .arg(desktop::SchedulerLabels::postStatus(post.status), whenText(post.scheduledAt, post.timeZone))
        << Qt::endl
        << Qt::endl
        << post.body << Qt::endl;
    for (const desktop::DestinationDraft &d : post.destinations) {
        const shared::Result<std::optional<desktop::PlatformRecord>> platform = m_store->platform(d.platformId);
        const QString name = platform && *platform
            ? desktop::SchedulerLabels::platformName((*platform)->displayName, (*platform)->kind)
            : d.platformId;
        const desktop::CharacterCount count = m_posts->countFor(d.platformId, post.textFor(d));
        out << Qt::endl
            << Tr::tr("%1 %2 (%3): %4")
                   .arg(desktop::SchedulerLabels::destinationBadge(d.status), name, d.id,
                        desktop::SchedulerLabels::destinationStatus(d.status))
            << Qt::endl
            << (count.limit ? Tr::tr("  %1 of %2 characters").arg(count.used).arg(*count.limit)
                            : Tr::tr("  %n character(s)", nullptr, count.used))
            << Qt::endl;
        if (!d.text.isEmpty())
            out << Tr::tr("  Own text: %1").arg(d.text) << Qt::endl;
        if (!d.lastError.isEmpty())
            out << Tr::tr("  Last error: %1").arg(d.lastError) << Qt::endl;
        if (!d.publishedUrl.isEmpty())
            out << Tr::tr("  Published at %1").arg(d.publishedUrl) << Qt::endl;
    }
}

int PostCommands::show(QStringList args)
{
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    if (args.size() != 1)
        return m_cli.usage(Tr::tr("posts show needs one ID"));
    int code = Ok;
    const std::optional<PostDraft> found = post(args.first(), code);
    if (!found)
        return code;
    if (json)
        m_cli.printJson(postJson(*found));
    else
        printPost(*found);
    return Ok;
}

std::optional<PostCommands::When> PostCommands::readWhen(QStringList &args, int &exitCode)
{
    bool bad = false;
    const std::optional<QString> at = CliSupport::takeOption(args, QStringLiteral("--at"), bad);
    const std::optional<QString> zone = CliSupport::takeOption(args, QStringLiteral("--time-zone"), bad);
    if (bad) {
        exitCode = m_cli.usage(Tr::tr("an option is missing its value"));
        return std::nullopt;
    }
    When when;
    if (zone) {
        if (!QTimeZone::isTimeZoneIdAvailable(zone->trimmed().toUtf8())) {
            exitCode = m_cli.usage(Tr::tr("%1 is not a time zone; name one like Europe/Berlin or UTC").arg(*zone));
            return std::nullopt;
        }
        when.zone = zone->trimmed();
    }
    if (at) {
        if (!parseTime(*at, QTimeZone::utc())) {
            exitCode = m_cli.usage(Tr::tr("%1 is not a time; write one like 2030-03-12T14:00").arg(*at));
            return std::nullopt;
        }
        when.at = *at;
    }
    return when;
}

QDateTime PostCommands::timeOf(const When &when, const QString &zone)
{
    const QTimeZone tz(zone.toUtf8());
    return parseTime(when.at, tz.isValid() ? tz : QTimeZone::utc()).value_or(QDateTime());
}

int PostCommands::compose(QStringList args)
{
    bool bad = false;
    const bool json = CliSupport::takeSwitch(args, QStringLiteral("--json"));
    const std::optional<QString> clientName = CliSupport::takeOption(args, QStringLiteral("--client"), bad);
    const std::optional<QStringList> platformNames = CliSupport::takeList(args, QStringLiteral("--platform"), bad);
    const std::optional<QString> text = CliSupport::takeOption(args, QStringLiteral("--text"), bad);
    const std::optional<QString> title = CliSupport::takeOption(args, QStringLiteral("--title"), bad);
    int code = Ok;
    std::optional<When> when = readWhen(args, code);
    if (!when)
        return code;
    if (bad)
        return m_cli.usage(Tr::tr("an option is missing its value"));
    if (!args.isEmpty())
        return m_cli.usage(Tr::tr("unexpected argument %1").arg(args.first()));
    if (!clientName || !platformNames || platformNames->isEmpty() || !text)
        return m_cli.usage(Tr::tr("posts new needs --client, --platform and --text"));
    if (text->trimmed().isEmpty())
        return m_cli.usage(Tr::tr("the text is empty"));
    const QString owner = m_ws->accountId();
    if (owner.isEmpty())
        return m_cli.fail(shared::Error::make(shared::ErrorCode::NoAccount,
                                              Tr::tr("Sign in once (quire-cli login) so new posts have an owner.")));
    const std::optional<desktop::ClientRecord> client
        = m_cli.found(m_store->findClient(*clientName),
                      Tr::tr("There is no client %1 in this replica; sync first if it is new.").arg(*clientName), code);
    if (!client)
        return code;
    PostDraft draft;
    draft.clientId = client->id;
    draft.title = title.value_or(QString());
    draft.body = *text;
    if (!when->zone.isEmpty())
        draft.timeZone = when->zone;
    else if (QTimeZone::isTimeZoneIdAvailable(client->timeZone.toUtf8()))
        draft.timeZone = client->timeZone;
    if (!when->at.isEmpty())
        draft.scheduledAt = timeOf(*when, draft.timeZone);
    for (const QString &name : *platformNames) {
        const std::optional<desktop::PlatformRecord> platform
            = m_cli.found(m_store->findPlatform(client->id, name),
                          Tr::tr("The client %1 has no platform %2 in this replica.").arg(client->name, name), code);
        if (!platform)
            return code;
        const bool twice
            = std::any_of(draft.destinations.cbegin(), draft.destinations.cend(),
                          [&](const desktop::DestinationDraft &d) { return d.platformId == platform->id; });
        if (!twice) {
            desktop::DestinationDraft destination;
            destination.platformId = platform->id;
            draft.destinations.append(destination);
        }
    }
    if (const QStringList over = m_posts->lengthProblems(draft); !over.isEmpty())
        return m_cli.fail(shared::Error::make(shared::ErrorCode::ValidationFailed,
                                              Tr::tr("Not saved: %1").arg(over.join(QLatin1Char(' ')))));
    const shared::Result<QString> id
        = draft.scheduledAt.isValid() ? m_posts->schedule(draft, owner) : m_posts->save(draft, owner);
    if (!id)
        return m_cli.fail(id.error());
    if (json) {
        m_cli.printJson(postJson(draft));
        return Ok;
    }
    return m_cli.printCreated(*id, false);
}

int PostCommands::schedule(QStringList args)
{
    int code = Ok;
    std::optional<When> when = readWhen(args, code);
    if (!when)
        return code;
    if (args.size() != 1 || when->at.isEmpty())
        return m_cli.usage(Tr::tr("posts schedule needs one ID and --at"));
    std::optional<PostDraft> draft = post(args.first(), code);
    if (!draft)
        return code;
    if (!when->zone.isEmpty())
        draft->timeZone = when->zone;
    draft->scheduledAt = timeOf(*when, draft->timeZone);
    const shared::Result<QString> id = m_posts->schedule(*draft, m_ws->accountId());
    if (!id)
        return m_cli.fail(id.error());
    m_cli.out() << Tr::tr("Scheduled for %1; sync to send it.").arg(whenText(draft->scheduledAt, draft->timeZone))
                << Qt::endl;
    return Ok;
}

int PostCommands::cancel(QStringList args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1String("--")))
        return m_cli.usage(Tr::tr("posts cancel needs one ID"));
    int code = Ok;
    std::optional<PostDraft> draft = post(args.first(), code);
    if (!draft)
        return code;
    const shared::Result<QString> id = m_posts->cancel(*draft, m_ws->accountId());
    if (!id)
        return m_cli.fail(id.error());
    m_cli.out() << Tr::tr("Cancelled: it will not go out. Sync to send the change.") << Qt::endl;
    return Ok;
}

int PostCommands::retry(QStringList args)
{
    bool bad = false;
    const std::optional<QString> destination = CliSupport::takeOption(args, QStringLiteral("--destination"), bad);
    if (bad || args.size() != 1 || args.first().startsWith(QLatin1String("--")))
        return m_cli.usage(Tr::tr("posts retry needs one ID (and --destination DEST_ID for one destination)"));
    int code = Ok;
    const std::optional<PostDraft> draft = post(args.first(), code);
    if (!draft)
        return code;
    if (destination) {
        const bool ours = std::any_of(draft->destinations.cbegin(), draft->destinations.cend(),
                                      [&](const desktop::DestinationDraft &d) { return d.id == *destination; });
        if (!ours)
            return m_cli.fail(shared::Error::make(shared::ErrorCode::NotFound,
                                                  Tr::tr("The post has no destination %1.").arg(*destination)));
    } else if (draft->status != PostStatus::Failed && draft->status != PostStatus::PartiallyPublished) {
        return m_cli.fail(shared::Error::make(
            shared::ErrorCode::ValidationFailed,
            Tr::tr("Nothing to retry: the post's status here is %1. Sync first if it failed meanwhile.")
                .arg(desktop::SchedulerLabels::postStatus(draft->status))));
    }
    if (const int signedIn = m_cli.signIn(*m_ws); signedIn != Ok)
        return signedIn;
    desktop::SchedulerRemote remote(m_ws->session());
    shared::VoidResult done = shared::VoidResult::success();
    CliSupport::waitFor([&](const std::function<void()> &finished) {
        remote.retry(draft->id, destination.value_or(QString()), [&done, finished](shared::VoidResult r) {
            done = std::move(r);
            finished();
        });
    });
    if (!done)
        return m_cli.fail(done.error());
    m_cli.out() << Tr::tr("The server publishes it again now; sync later to see how it went.") << Qt::endl;
    return Ok;
}

} // namespace quire::cli
