// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/content/articlelisting.h"

#include "server/content/articlejson.h"
#include "server/sync/syncaccess.h"
#include "server/sync/syncrows.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/fielderrors.h"

#include <QSqlQuery>
#include <QVariant>

namespace quire::server::ArticleListing {

using shared::Result;

namespace {

constexpr int kDefaultPerPage = 20;
constexpr int kMaxPerPage = 100;

int number(const QUrlQuery &query, const QString &name, int fallback, int min, int max, shared::FieldErrors &errors)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int value = query.queryItemValue(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        errors.add(name, QStringLiteral("Must be a number from %1 to %2.").arg(min).arg(max));
        return fallback;
    }
    return value;
}

// Words as an FTS5 query of prefixes, each quoted, so input is never syntax.
QString ftsQuery(const QString &words)
{
    QStringList terms;
    for (QString w : words.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        w.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms << QLatin1Char('"') + w + QStringLiteral("\"*");
    }
    return terms.join(QLatin1Char(' '));
}

} // namespace

Result<nlohmann::json> run(shared::Database &db, const Principal &who, const QString &kind, const QUrlQuery &query)
{
    shared::FieldErrors errors;
    const int page = number(query, QStringLiteral("page"), 1, 1, 1000000, errors);
    const int perPage = number(query, QStringLiteral("per_page"), kDefaultPerPage, 1, kMaxPerPage, errors);
    const auto value
        = [&](const char *name) { return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    const QString status = value("status");
    if (!status.isEmpty() && !shared::contentStatusFromName(status))
        errors.add(QStringLiteral("status"),
                   QStringLiteral("Must be one of: %1.").arg(shared::contentStatusNames().join(QLatin1String(", "))));
    static const QHash<QString, QString> sorts { { QStringLiteral("updated"), QStringLiteral("g.updated_at") },
                                                 { QStringLiteral("created"), QStringLiteral("g.created_at") },
                                                 { QStringLiteral("published"), QStringLiteral("g.published_at") },
                                                 { QStringLiteral("title"),
                                                   QStringLiteral("g.title COLLATE NOCASE") } };
    const QString sort = value("sort").isEmpty() ? QStringLiteral("updated") : value("sort");
    if (!sorts.contains(sort))
        errors.add(QStringLiteral("sort"), QStringLiteral("Must be one of: updated, created, published, title."));
    const QString order = value("order").isEmpty()
        ? (sort == QLatin1String("title") ? QStringLiteral("asc") : QStringLiteral("desc"))
        : value("order");
    if (order != QLatin1String("asc") && order != QLatin1String("desc"))
        errors.add(QStringLiteral("order"), QStringLiteral("Must be asc or desc."));
    if (!errors.isEmpty())
        return errors.toError();

    const SyncAccess *access = SyncAccess::find(QStringLiteral("guides"));
    QVariantList binds;
    // Column names come from this code; every value is bound.
    QString where = QStringLiteral("g.deleted = 0 AND g.kind = ? AND ");
    binds << kind;
    QVariantList visibleBinds;
    // Its column names are unambiguous here: users has none of them.
    where += access->visibleWhere(who, visibleBinds);
    binds += visibleBinds;
    if (!status.isEmpty()) {
        where += QStringLiteral(" AND g.status = ?");
        binds << status;
    }
    if (const QString author = value("author"); !author.isEmpty()) {
        where += QStringLiteral(" AND g.owner_id = ?");
        binds << author;
    }
    if (const QString category = value("category"); !category.isEmpty()) {
        where += QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(g.categories) c JOIN categories k ON k.id = "
                                "c.value WHERE k.deleted = 0 AND (k.id = ? OR k.slug = ?))");
        binds << category << category;
    }
    if (const QString tag = value("tag"); !tag.isEmpty()) {
        where += QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(g.tags) t WHERE lower(t.value) = lower(?))");
        binds << tag.trimmed();
    }
    if (const QString words = value("q").trimmed(); !words.isEmpty()) {
        // Published text is in the site's index; drafts are few per user and
        // searched directly.
        where += QStringLiteral(" AND (g.rowid IN (SELECT rowid FROM guides_fts WHERE guides_fts MATCH ?) OR "
                                "(g.status <> 'published' AND (g.title LIKE ? ESCAPE '\\' OR g.body LIKE ? ESCAPE "
                                "'\\')))");
        QString like = words;
        like.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        like = QLatin1Char('%') + like + QLatin1Char('%');
        binds << ftsQuery(words) << like << like;
    }

    Result<QVariant> total = db.scalar(QStringLiteral("SELECT count(*) FROM guides g WHERE ") + where, binds);
    if (!total)
        return total.error();
    SyncRows rows(db, *shared::SyncSchema::find(QStringLiteral("guides")));
    QString select = rows.selectList();
    select = QStringLiteral("g.") + select.replace(QLatin1String(", "), QLatin1String(", g."));
    QVariantList pageBinds = binds;
    pageBinds << perPage << qint64(page - 1) * perPage;
    Result<QSqlQuery> q
        = db.exec(QStringLiteral("SELECT %1, u.name FROM guides g LEFT JOIN users u ON u.id = g.owner_id "
                                 "WHERE %2 ORDER BY %3 %4, g.id LIMIT ? OFFSET ?")
                      .arg(select, where, sorts.value(sort), order),
                  pageBinds);
    if (!q)
        return q.error();
    nlohmann::json items = nlohmann::json::array();
    const int nameColumn = int(shared::SyncSchema::find(QStringLiteral("guides"))->columns.size()) + 3;
    while (q->next()) {
        StoredRow row = rows.read(*q);
        nlohmann::json item = ArticleJson::toApi(row.values, row.rev, q->value(nameColumn).toString());
        item.erase("body"); // lists stay small; GET the article for its text
        items.push_back(std::move(item));
    }
    return nlohmann::json {
        { "items", items }, { "page", page }, { "per_page", perPage }, { "total", total->toLongLong() }
    };
}

} // namespace quire::server::ArticleListing
