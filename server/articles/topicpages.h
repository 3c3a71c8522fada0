// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/site/pagecache.h"
#include "shared/result.h"

#include <QString>

namespace quire::server {

class WorkerServices;

// The readers' pages of one topic: a category (with the articles of its
// sub-categories, and links up and down the tree) and a tag. A 404 page
// status when the topic does not exist or the page is past the end.
namespace TopicPages {

shared::Result<PageCache::Page> category(WorkerServices &services, const QString &slug, int page);
shared::Result<PageCache::Page> tag(WorkerServices &services, const QString &tag, int page);

} // namespace TopicPages
} // namespace quire::server
