// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace quire::shared {

// An article as its page shows it, gathered by whoever renders: the server
// from its tables, the desktop preview from the replica's working copy.
struct ArticleView
{
    struct Category
    {
        QString name;
        QString slug;
    };

    QString kind; // a name from shared/articlekind.h
    QString slug;
    QString title;
    QString summary;
    QString body; // Markdown
    QString seoTitle; // replaces the title in <title> and Open Graph when set
    QString seoDescription; // replaces the summary in meta descriptions when set
    QString coverUrl; // an image URL (usually /media/<sha256>), or empty
    QString authorName;
    QDateTime publishedAt; // invalid for a draft (preview)
    QDateTime updatedAt;
    QList<Category> categories;
    QStringList tags;
};

// The article page of the readers' site, rendered from the built-in theme
// (resources/templates/article.html and its partials). One function for the
// server and the desktop's live preview, so the preview is the page.
namespace ArticlePage {

struct Site
{
    QString name;
    QString baseUrl; // absolute, without a trailing slash; for canonical and Open Graph URLs
    QString lang = QStringLiteral("en");
    // HTML the caller made for the reader's actions (the save button);
    // empty shows nothing.
    QByteArray readerActions;
    // A draft shown through a preview link: marked as such and kept out of
    // search engines.
    bool preview = false;
};

Result<QByteArray> render(const ArticleView &article, const Site &site);

// "/case-studies/<slug>": where the site shows an article of `kind` (the
// stored name); unknown_kind for a kind shared/articlekind.cpp does not declare.
Result<QString> path(const QString &kind, const QString &slug);
// Minutes at 200 words a minute, at least one.
int readingMinutes(const QString &markdown);
// A category or tag as a URL segment (tags are free text).
QString tagSlug(const QString &tag);

} // namespace ArticlePage
} // namespace quire::shared
