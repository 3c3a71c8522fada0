// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/revisionroutes.h"

#include "server/collections/contentwriter.h"
#include "server/collections/revisionsessions.h"
#include "server/collections/rowjson.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/synctable.h"
#include "shared/textdiff.h"
#include "shared/timestamp.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server::RevisionRoutes {

namespace {

// What a restore brings back: the content, not its place in the workflow
// (the Choice and Timestamp columns: status, kind, a scheduled time).
QStringList restoredColumns(const shared::SyncTable &table)
{
    QStringList out;
    for (const shared::SyncColumn &c : table.columns) {
        if (c.merge != shared::MergeRule::ServerOwned && c.type != shared::ColumnType::Choice
            && c.type != shared::ColumnType::Timestamp)
            out << c.name;
    }
    return out;
}

// The first Markdown column: the text whose lines a comparison shows.
QString textColumn(const shared::SyncTable &table)
{
    for (const shared::SyncColumn &c : table.columns) {
        if (c.type == shared::ColumnType::Markdown)
            return c.name;
    }
    return {};
}

struct Revision
{
    qint64 rev = 0;
    nlohmann::json values;
    QString createdAt;
    QString userId;
    QString userName;
    QString via; // "api" or a replica's id
    bool saved = false; // kept as a version on request
};

HttpResponse notFound(const QString &what)
{
    return errorResponse(shared::Error::make(shared::ErrorCode::NotFound, what));
}

// The row the URL names, if the caller may see it; else the answer.
std::optional<HttpResponse> checkRow(HttpRequest &request, WorkerServices &services, const Collection &c)
{
    ContentWriter writer(services, *request.principal);
    shared::Result<std::optional<StoredRow>> row
        = writer.load(c.table->name, request.params.value(QStringLiteral("id")));
    if (!row)
        return HttpResponse::internalError(row.error());
    if (!*row
        || (!c.presetColumn.isEmpty()
            && QString::fromStdString((*row)->values.value(c.presetColumn.toStdString(), std::string()))
                != c.presetValue))
        return notFound(QStringLiteral("There is no such %1.").arg(c.table->singularLabel().toLower()));
    return std::nullopt;
}

shared::Result<QList<Revision>> revisions(shared::Database &db, const shared::SyncTable &table, const QString &id,
                                          std::optional<qint64> only = {})
{
    QVariantList binds { table.name, id };
    QString sql = QStringLiteral("SELECT r.rev, r.data, r.created_at, r.user_id, u.name, r.client_id, EXISTS "
                                 "(SELECT 1 FROM revision_marks m WHERE m.tbl = r.tbl AND m.row_id = r.row_id AND "
                                 "m.rev = r.rev) FROM sync_revisions r LEFT JOIN users u ON u.id = r.user_id WHERE "
                                 "r.tbl = ? AND r.row_id = ?");
    if (only) {
        sql += QStringLiteral(" AND r.rev = ?");
        binds << *only;
    }
    shared::Result<QSqlQuery> q = db.exec(sql + QStringLiteral(" ORDER BY r.rev DESC"), binds);
    if (!q)
        return q.error();
    QList<Revision> out;
    while (q->next()) {
        Revision r;
        r.rev = q->value(0).toLongLong();
        r.values = nlohmann::json::parse(q->value(1).toString().toStdString(), nullptr, false);
        if (!r.values.is_object())
            r.values = nlohmann::json::object();
        r.createdAt = q->value(2).toString();
        r.userId = q->value(3).toString();
        r.userName = q->value(4).toString();
        r.via = q->value(5).toString();
        r.saved = q->value(6).toBool();
        out.append(r);
    }
    return out;
}

nlohmann::json summary(const shared::SyncTable &table, const Revision &r)
{
    const auto value = [&](const QString &column) {
        return column.isEmpty() ? std::string() : r.values.value(column.toStdString(), std::string());
    };
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return { { "rev", r.rev },
             { "created_at", r.createdAt.toStdString() },
             { "author", { { "id", r.userId.toStdString() }, { "name", r.userName.toStdString() } } },
             { "via", r.via == QLatin1String("api") ? "api" : "desktop" },
             { "title", value(table.labelColumn) },
             { "status", r.values.value("status", std::string()) },
             { "words", QString::fromStdString(value(textColumn(table))).split(space, Qt::SkipEmptyParts).size() },
             { "saved", r.saved } };
}

// Newest first, one entry per editing session, named by its last revision.
nlohmann::json sessionSummaries(const shared::SyncTable &table, const QList<Revision> &newestFirst)
{
    const std::string text = textColumn(table).toStdString();
    QList<RevisionSessions::Revision> ascending;
    QHash<qint64, const Revision *> byRev;
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        byRev.insert(it->rev, &*it);
        ascending.append({ it->rev, shared::Timestamp::parse(it->createdAt).value_or(QDateTime()), it->userId,
                           QString::fromStdString(it->values.value("status", std::string())),
                           QString::fromStdString(text.empty() ? std::string() : it->values.value(text, std::string())),
                           it->saved });
    }
    nlohmann::json items = nlohmann::json::array();
    for (const RevisionSessions::Session &s : RevisionSessions::group(ascending)) {
        nlohmann::json item = summary(table, *byRev.value(s.lastRev));
        item["first_rev"] = s.firstRev;
        item["revisions"] = s.revisions;
        item["started_at"] = byRev.value(s.firstRev)->createdAt.toStdString();
        item["words_added"] = s.wordsAdded;
        item["words_removed"] = s.wordsRemoved;
        item["published"] = s.published;
        items.push_back(item);
    }
    return items;
}

std::optional<qint64> revParam(const HttpRequest &request, const QString &name, bool fromQuery)
{
    bool ok = false;
    const qint64 rev = (fromQuery ? request.query.queryItemValue(name) : request.params.value(name)).toLongLong(&ok);
    return ok && rev > 0 ? std::optional(rev) : std::nullopt;
}

Router::Handler list(const Collection &c)
{
    return [c](HttpRequest &request, WorkerServices &services) {
        if (auto refused = checkRow(request, services, c))
            return *refused;
        auto all = revisions(services.database(), *c.table, request.params.value(QStringLiteral("id")));
        if (!all)
            return HttpResponse::internalError(all.error());
        // ?each=true lists every stored revision, as a merge sees them.
        if (request.query.queryItemValue(QStringLiteral("each")) == QLatin1String("true")) {
            nlohmann::json items = nlohmann::json::array();
            for (const Revision &r : *all)
                items.push_back(summary(*c.table, r));
            return HttpResponse::json(200, { { "items", items } });
        }
        return HttpResponse::json(200, { { "items", sessionSummaries(*c.table, *all) } });
    };
}

Router::Handler get(const Collection &c)
{
    return [c](HttpRequest &request, WorkerServices &services) {
        if (auto refused = checkRow(request, services, c))
            return *refused;
        const std::optional<qint64> rev = revParam(request, QStringLiteral("rev"), false);
        if (!rev)
            return notFound(QStringLiteral("There is no such revision."));
        auto found = revisions(services.database(), *c.table, request.params.value(QStringLiteral("id")), rev);
        if (!found)
            return HttpResponse::internalError(found.error());
        if (found->isEmpty())
            return notFound(QStringLiteral("There is no such revision."));
        const Revision &r = found->first();
        nlohmann::json out = summary(*c.table, r);
        out[c.itemKey] = c.form(r.values, r.rev);
        return HttpResponse::json(200, out);
    };
}

Router::Handler compare(const Collection &c)
{
    return [c](HttpRequest &request, WorkerServices &services) {
        if (auto refused = checkRow(request, services, c))
            return *refused;
        const std::optional<qint64> from = revParam(request, QStringLiteral("from"), true);
        const std::optional<qint64> to = revParam(request, QStringLiteral("to"), true);
        if (!from || !to)
            return errorResponse(
                shared::Error::make(shared::ErrorCode::ValidationFailed,
                                    QStringLiteral("Give the two revisions to compare as from and to.")));
        const QString id = request.params.value(QStringLiteral("id"));
        auto a = revisions(services.database(), *c.table, id, from);
        auto b = revisions(services.database(), *c.table, id, to);
        if (!a || !b)
            return HttpResponse::internalError(!a ? a.error() : b.error());
        if (a->isEmpty() || b->isEmpty())
            return notFound(QStringLiteral("There is no such revision."));
        const nlohmann::json &before = a->first().values;
        const nlohmann::json &after = b->first().values;
        const std::string text = textColumn(*c.table).toStdString();
        nlohmann::json fields = nlohmann::json::array();
        for (auto it = after.begin(); it != after.end(); ++it) {
            if (it.key() == text || it.key() == "updated_at" || before.value(it.key(), nlohmann::json()) == *it)
                continue;
            fields.push_back(
                { { "field", it.key() }, { "from", before.value(it.key(), nlohmann::json()) }, { "to", *it } });
        }
        nlohmann::json body = nlohmann::json::array();
        const auto diff = shared::TextDiff::lines(QString::fromStdString(before.value(text, std::string())),
                                                  QString::fromStdString(after.value(text, std::string())));
        for (const shared::TextDiff::Line &l : diff) {
            const char *op = l.kind == shared::TextDiff::Kind::Same ? "same"
                : l.kind == shared::TextDiff::Kind::Added           ? "added"
                                                                    : "removed";
            body.push_back({ { "op", op }, { "text", l.text.toStdString() } });
        }
        return HttpResponse::json(200, { { "from", *from }, { "to", *to }, { "fields", fields }, { "body", body } });
    };
}

Router::Handler restore(const Collection &c)
{
    return [c](HttpRequest &request, WorkerServices &services) {
        if (auto refused = checkRow(request, services, c))
            return *refused;
        const QString id = request.params.value(QStringLiteral("id"));
        const std::optional<qint64> rev = revParam(request, QStringLiteral("rev"), false);
        auto found = rev ? revisions(services.database(), *c.table, id, rev)
                         : shared::Result<QList<Revision>>(QList<Revision>());
        if (!found)
            return HttpResponse::internalError(found.error());
        if (found->isEmpty())
            return notFound(QStringLiteral("There is no such revision."));
        nlohmann::json fields = nlohmann::json::object();
        for (const QString &f : restoredColumns(*c.table)) {
            if (found->first().values.contains(f.toStdString()))
                fields[f.toStdString()] = found->first().values[f.toStdString()];
        }
        ContentWriter writer(services, *request.principal);
        shared::Result<StoredRow> row = writer.upsert(c.table->name, id, fields);
        if (!row)
            return errorResponse(row.error());
        return HttpResponse::json(200, c.form(row->values, row->rev));
    };
}

// Keeps the row's latest revision as a version: the session it ends is
// listed on its own, and the next edit starts a new one.
Router::Handler saveVersion(const Collection &c)
{
    return [c](HttpRequest &request, WorkerServices &services) {
        if (auto refused = checkRow(request, services, c))
            return *refused;
        const QString id = request.params.value(QStringLiteral("id"));
        shared::Database &db = services.database();
        shared::Result<QVariant> latest = db.scalar(
            QStringLiteral("SELECT max(rev) FROM sync_revisions WHERE tbl = ? AND row_id = ?"), { c.table->name, id });
        if (!latest)
            return HttpResponse::internalError(latest.error());
        if (latest->isNull())
            return notFound(QStringLiteral("There is no such revision."));
        if (shared::VoidResult r
            = db.run(QStringLiteral(
                         "INSERT INTO revision_marks(tbl, row_id, rev, user_id, created_at) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT(tbl, row_id, rev) DO NOTHING"),
                     { c.table->name, id, latest->toLongLong(), request.principal->userId,
                       shared::Timestamp::format(shared::Clock::instance().now()) });
            !r)
            return HttpResponse::internalError(r.error());
        return HttpResponse::json(200, { { "rev", latest->toLongLong() }, { "saved", true } });
    };
}

} // namespace

void add(Router &router, const QString &base, const Collection &c)
{
    router.add(QStringLiteral("GET"), base, list(c), Router::BodyKind::None, Guard::user());
    // Registered before :rev so "compare" is not read as a revision number.
    router.add(QStringLiteral("GET"), base + QStringLiteral("/compare"), compare(c), Router::BodyKind::None,
               Guard::user());
    router.add(QStringLiteral("GET"), base + QStringLiteral("/:rev"), get(c), Router::BodyKind::None, Guard::user());
    router.add(QStringLiteral("POST"), base + QStringLiteral("/save"), saveVersion(c), Router::BodyKind::None,
               Guard::needs(shared::Permission::WriteContent));
    router.add(QStringLiteral("POST"), base + QStringLiteral("/:rev/restore"), restore(c), Router::BodyKind::None,
               Guard::needs(shared::Permission::WriteContent));
}

void installDeclared(Router &router)
{
    for (const shared::SyncTable &table : shared::SyncSchema::tables()) {
        if (table.collection.isEmpty())
            continue;
        const QString base = QStringLiteral("/api/v1/%1/:id/revisions").arg(table.collection);
        if (router.match(QStringLiteral("GET"), base).route)
            continue;
        const Collection c { &table, {}, {}, [&table](const nlohmann::json &values, qint64 rev) {
                                return RowJson::toApi(table, StoredRow { values, rev, false }, QString());
                            } };
        add(router, base, c);
    }
}

} // namespace quire::server::RevisionRoutes
