// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/articlejson.h"

#include "shared/articlepage.h"
#include "shared/contentstatus.h"
#include "shared/jsonqt.h"
#include "shared/synctable.h"

namespace quire::server::ArticleJson {

namespace {

const char *const kTextFields[]
    = { "title", "slug", "summary", "body", "status", "publish_at", "cover", "seo_title", "seo_description" };
const char *const kListFields[] = { "categories", "tags" };

nlohmann::json array(const QString &listText)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &item : shared::listItems(listText))
        out.push_back(item.toStdString());
    return out;
}

} // namespace

nlohmann::json toApi(const nlohmann::json &row, qint64 rev, const QString &authorName)
{
    nlohmann::json out = nlohmann::json::object();
    out["id"] = row.value("id", std::string());
    out["kind"] = row.value("kind", std::string());
    for (const char *f : kTextFields)
        out[f] = row.value(f, std::string());
    for (const char *f : kListFields)
        out[f] = array(shared::textOf(row, f));
    out["published_at"] = row.value("published_at", std::string());
    out["created_at"] = row.value("created_at", std::string());
    out["updated_at"] = row.value("updated_at", std::string());
    out["author"] = { { "id", row.value("owner_id", std::string()) }, { "name", authorName.toStdString() } };
    out["reading_minutes"] = shared::ArticlePage::readingMinutes(shared::textOf(row, "body"));
    out["rev"] = rev;
    const QString slug = shared::textOf(row, "slug");
    if (shared::textOf(row, "status") == shared::contentStatusName(shared::ContentStatus::Published)
        && !slug.isEmpty()) {
        // A kind no row declares has no page on the site, so no url.
        if (const shared::Result<QString> path = shared::ArticlePage::path(shared::textOf(row, "kind"), slug))
            out["url"] = path->toStdString();
    }
    return out;
}

nlohmann::json toFields(const nlohmann::json &body, const QString &kind, shared::FieldErrors &errors)
{
    nlohmann::json fields = nlohmann::json::object();
    if (!body.is_object()) {
        errors.add(QStringLiteral("body"), QStringLiteral("Must be a JSON object."));
        return fields;
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        const std::string &key = it.key();
        const bool isText
            = std::any_of(std::begin(kTextFields), std::end(kTextFields), [&](const char *f) { return key == f; });
        const bool isList
            = std::any_of(std::begin(kListFields), std::end(kListFields), [&](const char *f) { return key == f; });
        if (key == "id" || key == "rev" || key == "kind")
            continue; // addressed by the URL and the collection, or checked by the caller
        if (isText) {
            if (it->is_null())
                fields[key] = "";
            else if (it->is_string())
                fields[key] = *it;
            else
                errors.add(QString::fromStdString(key), QStringLiteral("Must be a string."));
        } else if (isList) {
            bool strings = it->is_array();
            for (const nlohmann::json &item : strings ? *it : nlohmann::json::array())
                strings = strings && item.is_string();
            if (strings)
                fields[key] = it->dump();
            else
                errors.add(QString::fromStdString(key), QStringLiteral("Must be an array of strings."));
        } else {
            errors.add(QString::fromStdString(key), QStringLiteral("Not a known field."));
        }
    }
    if (body.contains("kind") && body["kind"] != nlohmann::json(kind.toStdString()))
        errors.add(QStringLiteral("kind"), QStringLiteral("Articles of this collection are of kind %1.").arg(kind));
    fields["kind"] = kind.toStdString();
    return fields;
}

} // namespace quire::server::ArticleJson
