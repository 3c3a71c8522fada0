// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/core/articlepagedata.h"

#include "desktop/core/contentstore.h"
#include "desktop/core/profile.h"
#include "shared/contentstatus.h"
#include "shared/jsonqt.h"
#include "shared/synctable.h"
#include "shared/timestamp.h"
#include "shared/utf8.h"

namespace quire::desktop {

ArticlePageData::ArticlePageData(ContentStore &content, const Profile &profile)
    : m_content(content)
    , m_profile(profile)
{ }

shared::ArticleView ArticlePageData::article(const nlohmann::json &fields) const
{
    shared::ArticleView a;
    if (!fields.is_object())
        return a;
    a.kind = shared::textOf(fields, "kind");
    a.slug = shared::textOf(fields, "slug");
    a.title = shared::textOf(fields, "title");
    a.summary = shared::textOf(fields, "summary");
    a.body = shared::textOf(fields, "body");
    a.seoTitle = shared::textOf(fields, "seo_title");
    a.seoDescription = shared::textOf(fields, "seo_description");
    a.coverUrl = shared::textOf(fields, "cover");
    a.tags = shared::listItems(shared::textOf(fields, "tags"));
    // The byline's name, where this desktop knows it: the account signed in
    // here, for its own articles (the replica keeps no other people).
    if (const Profile::Account me = m_profile.account();
        !me.id.isEmpty() && shared::textOf(fields, "owner_id") == me.id)
        a.authorName = me.name;
    if (const auto published = shared::Timestamp::parse(shared::textOf(fields, "published_at")))
        a.publishedAt = *published;
    if (const auto updated = shared::Timestamp::parse(shared::textOf(fields, "updated_at")))
        a.updatedAt = *updated;
    const shared::SyncTable &categories = *shared::SyncSchema::find(QStringLiteral("categories"));
    for (const QString &id : shared::listItems(shared::textOf(fields, "categories"))) {
        const shared::Result<std::optional<nlohmann::json>> row = m_content.get(categories, id);
        if (row && *row)
            a.categories.append({ shared::textOf(**row, "name"), shared::textOf(**row, "slug") });
    }
    return a;
}

shared::ArticlePage::Site ArticlePageData::site() const
{
    shared::ArticlePage::Site site;
    site.name = m_profile.siteName();
    if (site.name.isEmpty())
        site.name = QStringLiteral("Quire"); // no server yet: the name a server's site has by default
    return site;
}

QUrl ArticlePageData::liveUrl(const nlohmann::json &fields) const
{
    const QString slug = shared::textOf(fields, "slug");
    if (shared::textOf(fields, "status") != shared::contentStatusName(shared::ContentStatus::Published)
        || slug.isEmpty())
        return {};
    const QUrl server = m_profile.publicUrl();
    const shared::Result<QString> path = shared::ArticlePage::path(shared::textOf(fields, "kind"), slug);
    if (!server.isValid() || server.isRelative() || !path)
        return {};
    QUrl url = server.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    url.setPath(url.path() + *path);
    return url;
}

} // namespace quire::desktop
