// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/scheduler/metricsroutes.h"

#include "server/http/router.h"
#include "server/scheduler/metricsreport.h"
#include "server/scheduler/metricsstore.h"
#include "server/scheduler/scheduleraccess.h"
#include "server/servercontext.h"
#include "shared/csvtext.h"
#include "shared/currencyamount.h"
#include "shared/database.h"
#include "shared/fielderrors.h"
#include "shared/jsonreader.h"
#include "shared/schedulernames.h"
#include "shared/schedulertables.h"
#include "shared/synctable.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <tuple>
#include <variant>

namespace quire::server::MetricsRoutes {

namespace {

using shared::ErrorCode;
using shared::Result;
using shared::VoidResult;
using Kind = MetricsReport::Kind;

// The longest span one answer covers (two years and a leap day): a report
// stays a bounded query and a bounded answer.
constexpr int kMaxRangeDays = 731;
// Without from and to: the last 30 days up to today (UTC).
constexpr int kDefaultRangeDays = 30;
// An import is at most this big, and this many rows after its header.
constexpr qsizetype kMaxImportBytes = 1024 * 1024;
constexpr qsizetype kMaxImportRows = 10000;

const QString kCsvType = QStringLiteral("text/csv");
const QString kManual = QStringLiteral("manual");
const QString kImport = QStringLiteral("import");

// The import's columns, in the order an export of them would have.
const QStringList kImportColumns { QStringLiteral("date"),        QStringLiteral("client_id"),
                                   QStringLiteral("platform_id"), QStringLiteral("revenue"),
                                   QStringLiteral("payouts"),     QStringLiteral("currency") };

// Entries per page of the listing.
constexpr int kDefaultPerPage = 50;
constexpr int kMaxPerPage = 100;

// The query parameters each read takes.
QStringList reportParameters(Kind kind)
{
    QStringList known { QStringLiteral("group"),     QStringLiteral("from"),        QStringLiteral("to"),
                        QStringLiteral("client_id"), QStringLiteral("platform_id"), QStringLiteral("format") };
    if (kind == Kind::Engagement)
        known << QStringLiteral("post_id");
    return known;
}

QStringList entryParameters()
{
    return { QStringLiteral("from"),        QStringLiteral("to"),       QStringLiteral("client_id"),
             QStringLiteral("platform_id"), QStringLiteral("per_page"), QStringLiteral("cursor") };
}

// A day as YYYY-MM-DD and nothing looser.
std::optional<QDate> strictDay(const QString &text)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (text.size() != 10 || !day.isValid() || day.year() < 1970)
        return std::nullopt;
    return day;
}

// What a report asks for, read from the query with field errors.
struct ReportQuery
{
    MetricsStore::Filter filter;
    MetricsReport::Group group = MetricsReport::Group::Day;
    bool csv = false;
};

// `known` names the parameters the route takes; any other is refused.
std::variant<ReportQuery, HttpResponse> readQuery(const HttpRequest &request, WorkerServices &services,
                                                  const QStringList &known)
{
    shared::FieldErrors errors;
    const auto value = [&](const QString &name) { return request.query.queryItemValue(name, QUrl::FullyDecoded); };
    for (const auto &[name, ignored] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (!known.contains(name))
            errors.add(name, QStringLiteral("Unknown parameter; use %1.").arg(known.join(QLatin1String(", "))));
    }
    ReportQuery q;
    q.filter.ownerId = request.principal->userId;
    if (request.query.hasQueryItem(QStringLiteral("group"))) {
        if (const auto group = MetricsReport::groupOf(value(QStringLiteral("group"))))
            q.group = *group;
        else
            errors.add(QStringLiteral("group"), QStringLiteral("Use day, week or month."));
    }
    const QDate today = QDateTime::currentDateTimeUtc().date();
    q.filter.to = today;
    q.filter.from = today.addDays(1 - kDefaultRangeDays);
    for (const QString &name : { QStringLiteral("from"), QStringLiteral("to") }) {
        if (!request.query.hasQueryItem(name))
            continue;
        const std::optional<QDate> day = strictDay(value(name));
        if (!day)
            errors.add(name, QStringLiteral("Use a date like 2024-03-31."));
        else
            (name == QLatin1String("from") ? q.filter.from : q.filter.to) = *day;
    }
    if (!errors.has(QStringLiteral("from")) && !errors.has(QStringLiteral("to"))) {
        if (request.query.hasQueryItem(QStringLiteral("from")) != request.query.hasQueryItem(QStringLiteral("to")))
            errors.add(request.query.hasQueryItem(QStringLiteral("from")) ? QStringLiteral("to")
                                                                          : QStringLiteral("from"),
                       QStringLiteral("Give both from and to, or neither."));
        else if (q.filter.from > q.filter.to)
            errors.add(QStringLiteral("to"), QStringLiteral("Must not be before from."));
        else if (q.filter.from.daysTo(q.filter.to) >= kMaxRangeDays)
            errors.add(QStringLiteral("to"), QStringLiteral("At most %1 days at once.").arg(kMaxRangeDays));
    }
    const QString format = value(QStringLiteral("format"));
    if (format == QLatin1String("csv"))
        q.csv = true;
    else if (!format.isEmpty() && format != QLatin1String("json"))
        errors.add(QStringLiteral("format"), QStringLiteral("Use json or csv."));
    else if (format.isEmpty())
        q.csv = request.header("Accept").contains(kCsvType.toLatin1());
    if (!errors.isEmpty())
        return errorResponse(errors.toError());

    // A filter naming someone else's row answers as one naming no row.
    const QList<std::tuple<QString, QString, QString *>> filters {
        { QStringLiteral("client_id"), shared::clientsTable(), &q.filter.clientId },
        { QStringLiteral("platform_id"), shared::platformsTable(), &q.filter.platformId },
        { QStringLiteral("post_id"), shared::postsTable(), &q.filter.postId },
    };
    for (const auto &[name, table, target] : filters) {
        const QString id = value(name);
        if (!known.contains(name) || id.isEmpty())
            continue;
        Result<std::optional<nlohmann::json>> row
            = SchedulerAccess::ownedRow(services.database(), table, id, q.filter.ownerId);
        if (!row)
            return errorResponse(row.error());
        if (!*row)
            return HttpResponse::error(
                ErrorCode::NotFound,
                QStringLiteral("There is no such %1.").arg(shared::SyncSchema::find(table)->singularLabel().toLower()));
        *target = id;
    }
    return q;
}

Router::Handler report(Kind kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        auto read = readQuery(request, services, reportParameters(kind));
        if (auto *response = std::get_if<HttpResponse>(&read))
            return *response;
        const ReportQuery &q = std::get<ReportQuery>(read);
        MetricsStore store(services.database());
        Result<QList<MetricsStore::DaySums>> days
            = kind == Kind::Engagement ? store.engagementByDay(q.filter) : store.financialByDay(q.filter);
        if (!days)
            return errorResponse(days.error());
        const MetricsReport sums(kind, q.group, *days);
        if (!q.csv)
            return HttpResponse::json(200, sums.toJson(q.filter.from, q.filter.to));
        HttpResponse r;
        r.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
        r.body = shared::CsvText::write(sums.toRows());
        const QString name = QStringLiteral("%1-%2-%3-%4.csv")
                                 .arg(shared::kMetricsKinds.name(kind), MetricsReport::groupName(q.group),
                                      q.filter.from.toString(Qt::ISODate), q.filter.to.toString(Qt::ISODate));
        r.headers.append({ QByteArrayLiteral("Content-Disposition"),
                           QByteArrayLiteral("attachment; filename=\"") + name.toLatin1() + '"' });
        return r;
    };
}

// Checks one financial entry's fields, each error under `prefix` + column;
// `owned` remembers which ids were found to be the caller's.
class EntryChecker
{
public:
    EntryChecker(shared::Database &db, QString userId)
        : m_db(db)
        , m_userId(std::move(userId))
    { }

    Result<MetricsStore::FinancialEntry> check(const QHash<QString, QString> &fields, const QString &prefix,
                                               shared::FieldErrors &errors)
    {
        MetricsStore::FinancialEntry e;
        const QString dayName
            = fields.contains(QStringLiteral("date")) ? QStringLiteral("date") : QStringLiteral("day");
        if (const std::optional<QDate> day = strictDay(fields.value(dayName)))
            e.day = *day;
        else
            errors.add(prefix + dayName, QStringLiteral("Use a date like 2024-03-31."));
        e.clientId = fields.value(QStringLiteral("client_id")).trimmed();
        e.platformId = fields.value(QStringLiteral("platform_id")).trimmed();
        Result<std::optional<nlohmann::json>> client = owned(shared::clientsTable(), e.clientId);
        if (!client)
            return client.error();
        Result<std::optional<nlohmann::json>> platform = owned(shared::platformsTable(), e.platformId);
        if (!platform)
            return platform.error();
        if (!*client)
            errors.add(prefix + QStringLiteral("client_id"), QStringLiteral("There is no such client."));
        if (!*platform)
            errors.add(prefix + QStringLiteral("platform_id"), QStringLiteral("There is no such platform."));
        else if (!e.clientId.isEmpty() && (**platform).value("client_id", std::string()) != e.clientId.toStdString())
            errors.add(prefix + QStringLiteral("platform_id"), QStringLiteral("Choose a platform of this client."));
        e.currency = fields.value(QStringLiteral("currency")).trimmed();
        if (!shared::CurrencyAmount::isCurrency(e.currency)) {
            errors.add(prefix + QStringLiteral("currency"),
                       QStringLiteral("Use an ISO 4217 currency code in capitals, like EUR."));
            return e;
        }
        for (const QString &name : { QStringLiteral("revenue"), QStringLiteral("payouts") }) {
            const std::optional<qint64> amount
                = shared::CurrencyAmount::parse(fields.value(name).trimmed(), e.currency);
            if (!amount) {
                const int digits = shared::CurrencyAmount::minorDigits(e.currency);
                errors.add(
                    prefix + name,
                    digits == 0
                        ? QStringLiteral("Use a whole amount like 1250 (%1 has no minor unit).").arg(e.currency)
                        : QStringLiteral("Use an amount like 12.50, at most %1 digits after the point.").arg(digits));
            } else {
                (name == QLatin1String("revenue") ? e.revenueMinor : e.payoutsMinor) = *amount;
            }
        }
        return e;
    }

private:
    Result<std::optional<nlohmann::json>> owned(const QString &table, const QString &id)
    {
        const QString key = table + QLatin1Char('/') + id;
        if (!m_owned.contains(key)) {
            Result<std::optional<nlohmann::json>> row = SchedulerAccess::ownedRow(m_db, table, id, m_userId);
            if (!row)
                return row;
            m_owned.insert(key, *row);
        }
        return m_owned.value(key);
    }

    shared::Database &m_db;
    QString m_userId;
    QHash<QString, std::optional<nlohmann::json>> m_owned;
};

HttpResponse createFinancial(HttpRequest &request, WorkerServices &services)
{
    shared::FieldErrors errors;
    shared::JsonReader reader(request.json, errors);
    QHash<QString, QString> fields;
    for (const char *name : { "client_id", "platform_id", "day", "currency", "revenue", "payouts" }) {
        if (std::optional<QString> v = reader.string(name, shared::JsonReader::Presence::Required))
            fields.insert(QString::fromLatin1(name), *v);
    }
    reader.refuseUnknown();
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    EntryChecker checker(services.database(), request.principal->userId);
    Result<MetricsStore::FinancialEntry> entry = checker.check(fields, QString(), errors);
    if (!entry)
        return errorResponse(entry.error());
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    MetricsStore store(services.database());
    MetricsStore::Saved saved;
    VoidResult done = services.database().transaction([&]() -> VoidResult {
        Result<MetricsStore::Saved> s = store.saveFinancial(*entry, request.principal->userId, kManual);
        if (!s)
            return s.error();
        saved = *s;
        return VoidResult::success();
    });
    if (!done)
        return errorResponse(done.error());
    Result<std::optional<nlohmann::json>> row = store.financialRow(saved.id, request.principal->userId);
    if (!row)
        return errorResponse(row.error());
    HttpResponse response = HttpResponse::json(saved.created ? 201 : 200, row->value_or(nlohmann::json::object()));
    if (saved.created)
        response.headers.append({ "Location", request.path.toUtf8() + '/' + saved.id.toUtf8() });
    return response;
}

HttpResponse removeFinancial(HttpRequest &request, WorkerServices &services)
{
    MetricsStore store(services.database());
    Result<bool> removed = false;
    VoidResult done = services.database().transaction([&]() -> VoidResult {
        removed = store.removeFinancial(request.params.value(QStringLiteral("id")), request.principal->userId);
        return removed ? VoidResult::success() : VoidResult(removed.error());
    });
    if (!done)
        return errorResponse(done.error());
    if (!*removed)
        return HttpResponse::error(ErrorCode::NotFound, QStringLiteral("There is no such financial entry."));
    return HttpResponse::noContent();
}

// A cursor names the last entry of a page by its day and id.
QString encodeCursor(const nlohmann::json &entry)
{
    const QByteArray text
        = QByteArray::fromStdString(entry.value("day", std::string()) + '/' + entry.value("id", std::string()));
    return QString::fromLatin1(text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QPair<QString, QString>> decodeCursor(const QString &cursor)
{
    const auto bytes = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    const QString text = QString::fromLatin1(*bytes);
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0 || !strictDay(text.first(slash)) || slash + 1 == text.size())
        return std::nullopt;
    return qMakePair(text.first(slash), text.sliced(slash + 1));
}

// The entries one by one with their ids (the reports only sum them), so a
// client can name one to replace or delete; keyset-paged by day and id.
HttpResponse listFinancial(HttpRequest &request, WorkerServices &services)
{
    auto read = readQuery(request, services, entryParameters());
    if (auto *response = std::get_if<HttpResponse>(&read))
        return *response;
    const ReportQuery &q = std::get<ReportQuery>(read);
    shared::FieldErrors errors;
    int perPage = kDefaultPerPage;
    if (request.query.hasQueryItem(QStringLiteral("per_page"))) {
        bool ok = false;
        perPage = request.query.queryItemValue(QStringLiteral("per_page"), QUrl::FullyDecoded).toInt(&ok);
        if (!ok || perPage < 1 || perPage > kMaxPerPage)
            errors.add(QStringLiteral("per_page"), QStringLiteral("Use a whole number from 1 to %1.").arg(kMaxPerPage));
    }
    QPair<QString, QString> after;
    const QString cursor = request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    if (!cursor.isEmpty()) {
        if (const auto decoded = decodeCursor(cursor))
            after = *decoded;
        else
            errors.add(QStringLiteral("cursor"), QStringLiteral("Not a cursor of this list; start again without it."));
    }
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    MetricsStore store(services.database());
    // One more than a page tells whether a next page exists.
    Result<QList<nlohmann::json>> entries = store.financialEntries(q.filter, after.first, after.second, perPage + 1);
    if (!entries)
        return errorResponse(entries.error());
    nlohmann::json next;
    if (entries->size() > perPage) {
        entries->removeLast();
        next = encodeCursor(entries->last()).toStdString();
    }
    nlohmann::json items = nlohmann::json::array();
    for (nlohmann::json &entry : *entries)
        items.push_back(std::move(entry));
    return HttpResponse::json(200,
                              { { "items", std::move(items) },
                                { "next_cursor", std::move(next) },
                                { "per_page", perPage },
                                { "from", q.filter.from.toString(Qt::ISODate).toStdString() },
                                { "to", q.filter.to.toString(Qt::ISODate).toStdString() } });
}

bool isCsvType(const QByteArray &contentType)
{
    return contentType.split(';').first().trimmed().toLower() == kCsvType.toLatin1();
}

// All rows or none: every bad row is named (lines[N].column) and nothing
// is written; a file without problems goes in in one transaction.
HttpResponse importFinancial(HttpRequest &request, WorkerServices &services)
{
    if (!isCsvType(request.header("Content-Type")))
        return HttpResponse::error(ErrorCode::UnsupportedMediaType, QStringLiteral("Send the file as text/csv."));
    if (request.body.size() > kMaxImportBytes)
        return HttpResponse::error(
            ErrorCode::PayloadTooLarge,
            QStringLiteral("An import is at most %1 bytes; split the file.").arg(kMaxImportBytes));
    shared::CsvText::Limits limits;
    limits.maxRecords = kMaxImportRows + 1;
    limits.maxFields = 32;
    limits.maxFieldBytes = 1024;
    const shared::CsvText::Parsed parsed = shared::CsvText::parse(request.body, limits);
    shared::FieldErrors errors;
    const auto lineKey = [](int line) { return QStringLiteral("lines[%1]").arg(line); };
    if (parsed.problem) {
        errors.add(lineKey(parsed.problem->line), parsed.problem->message);
        return errorResponse(errors.toError());
    }
    if (parsed.records.isEmpty()) {
        errors.add(lineKey(1),
                   QStringLiteral("The file is empty; its first line names the columns %1.")
                       .arg(kImportColumns.join(QLatin1Char(','))));
        return errorResponse(errors.toError());
    }
    QStringList header;
    for (const QString &name : parsed.records.first().fields)
        header << name.trimmed().toLower();
    if (QSet<QString>(header.cbegin(), header.cend()) != QSet<QString>(kImportColumns.cbegin(), kImportColumns.cend())
        || header.size() != kImportColumns.size()) {
        errors.add(lineKey(parsed.records.first().line),
                   QStringLiteral("The first line names the columns %1, each once.")
                       .arg(kImportColumns.join(QLatin1Char(','))));
        return errorResponse(errors.toError());
    }
    EntryChecker checker(services.database(), request.principal->userId);
    QList<MetricsStore::FinancialEntry> entries;
    QHash<QString, int> seen; // entry key -> line
    for (qsizetype r = 1; r < parsed.records.size(); ++r) {
        const shared::CsvText::Record &record = parsed.records[r];
        const QString prefix = lineKey(record.line) + QLatin1Char('.');
        if (record.fields.size() != header.size()) {
            errors.add(lineKey(record.line),
                       QStringLiteral("This line has %1 fields; the first line names %2.")
                           .arg(record.fields.size())
                           .arg(header.size()));
            continue;
        }
        QHash<QString, QString> fields;
        for (qsizetype c = 0; c < header.size(); ++c)
            fields.insert(header[c], record.fields[c]);
        const qsizetype before = errors.fields().size();
        Result<MetricsStore::FinancialEntry> entry = checker.check(fields, prefix, errors);
        if (!entry)
            return errorResponse(entry.error());
        if (errors.fields().size() != before)
            continue;
        const QString key
            = QStringList { entry->clientId, entry->platformId, entry->day.toString(Qt::ISODate), entry->currency }
                  .join(QLatin1Char('|'));
        if (seen.contains(key)) {
            errors.add(prefix + QStringLiteral("date"),
                       QStringLiteral("Line %1 has the same day, client, platform and currency.").arg(seen.value(key)));
            continue;
        }
        seen.insert(key, record.line);
        entries << *entry;
    }
    if (!errors.isEmpty())
        return errorResponse(errors.toError());
    MetricsStore store(services.database());
    int created = 0;
    VoidResult done = services.database().transaction([&]() -> VoidResult {
        for (const MetricsStore::FinancialEntry &e : entries) {
            Result<MetricsStore::Saved> s = store.saveFinancial(e, request.principal->userId, kImport);
            if (!s)
                return s.error();
            created += s->created ? 1 : 0;
        }
        return VoidResult::success();
    });
    if (!done)
        return errorResponse(done.error());
    return HttpResponse::json(
        200, { { "imported", entries.size() }, { "created", created }, { "updated", entries.size() - created } });
}

} // namespace

void install(Router &router)
{
    const Guard read = Guard::needs(shared::Permission::ReadMetrics);
    const Guard write = Guard::needs(shared::Permission::SchedulePosts);
    const QString base = QStringLiteral("/api/v1/metrics/");
    router.add(QStringLiteral("GET"), base + shared::kMetricsKinds.name(Kind::Engagement), report(Kind::Engagement),
               Router::BodyKind::None, read);
    router.add(QStringLiteral("GET"), base + shared::kMetricsKinds.name(Kind::Financial), report(Kind::Financial),
               Router::BodyKind::None, read);
    router.add(QStringLiteral("GET"), base + QStringLiteral("financial/entries"), listFinancial, Router::BodyKind::None,
               read);
    router.add(QStringLiteral("POST"), base + QStringLiteral("financial"), createFinancial, Router::BodyKind::Json,
               write);
    router.add(QStringLiteral("DELETE"), base + QStringLiteral("financial/:id"), removeFinancial,
               Router::BodyKind::None, write);
    router.add(QStringLiteral("POST"), base + QStringLiteral("financial/import"), importFinancial,
               Router::BodyKind::Upload, write);
}

} // namespace quire::server::MetricsRoutes
