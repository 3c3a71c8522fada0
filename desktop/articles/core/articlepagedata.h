// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/articlepage.h"

#include <QUrl>

#include <nlohmann/json.hpp>

namespace quire::desktop {

class ContentStore;
class Profile;

// What the article page shows, gathered from what this desktop has, so the
// live preview renders the page as readers will get it: the article's
// fields (a guide or case study as the replica and the editor have them),
// its categories by name from the replica's categories table, and the
// site's name the profile keeps.
class ArticlePageData
{
public:
    ArticlePageData(ContentStore &content, const Profile &profile);

    // Categories in the article's order; ones this replica does not know
    // (not synced yet, or deleted) are left out, as the server leaves out
    // the ones it does not have.
    shared::ArticleView article(const nlohmann::json &fields) const;
    shared::ArticlePage::Site site() const;
    // Where readers find the article (`fields` as the replica has them) on
    // the server's site: the server's address and the page's path. Empty
    // unless it is published, has an address and a server is set.
    QUrl liveUrl(const nlohmann::json &fields) const;

private:
    ContentStore &m_content;
    const Profile &m_profile;
};

} // namespace quire::desktop
