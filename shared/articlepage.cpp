// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/articlepage.h"

#include "shared/articlekind.h"
#include "shared/htmlescape.h"
#include "shared/markdownrenderer.h"
#include "shared/pagetemplate.h"
#include "shared/timestamp.h"

#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

namespace quire::shared::ArticlePage {

namespace {

// The links under the title: categories, then tags. Built here, escaped,
// because the template language has no loops by design.
QByteArray taxonomyHtml(const ArticleView &a)
{
    if (a.categories.isEmpty() && a.tags.isEmpty())
        return {};
    QByteArray html = "<ul class=\"taxonomy\" aria-label=\"Topics\">";
    for (const ArticleView::Category &c : a.categories) {
        html += "<li><a class=\"category\" href=\"/categories/" + HtmlEscape::escape(c.slug) + "\">"
            + HtmlEscape::escape(c.name) + "</a></li>";
    }
    for (const QString &t : a.tags) {
        html += "<li><a class=\"tag\" href=\"/tags/"
            + HtmlEscape::escape(QString::fromLatin1(QUrl::toPercentEncoding(tagSlug(t)))) + "\">#"
            + HtmlEscape::escape(t) + "</a></li>";
    }
    html += "</ul>";
    return html;
}

QByteArray coverHtml(const ArticleView &a)
{
    if (a.coverUrl.isEmpty() || !MarkdownRenderer::isSafeUrl(a.coverUrl.toUtf8()))
        return {};
    // The cover illustrates the title, which is right beside it: empty alt
    // keeps screen readers from announcing it twice.
    return "<figure class=\"cover\"><img src=\"" + HtmlEscape::escape(a.coverUrl) + "\" alt=\"\"></figure>";
}

} // namespace

Result<QString> path(const QString &kind, const QString &slug)
{
    const std::optional<ArticleKind> known = articleKindFromName(kind);
    if (!known)
        return Error::make(ErrorCode::UnknownKind, QStringLiteral("There is no article kind %1.").arg(kind));
    return articleKindSitePath(*known) + QLatin1Char('/') + slug;
}

int readingMinutes(const QString &markdown)
{
    // Words are runs between ASCII white space (what \s means to
    // QRegularExpression without Unicode properties). Counted in one pass:
    // every article list computes this for each row it shows.
    qsizetype words = 0;
    bool inWord = false;
    for (const QChar c : markdown) {
        const char16_t u = c.unicode();
        const bool space = u == u' ' || u == u'\t' || u == u'\n' || u == u'\v' || u == u'\f' || u == u'\r';
        words += !space && !inWord;
        inWord = !space;
    }
    return int(std::max<qsizetype>(1, (words + 199) / 200));
}

QString tagSlug(const QString &tag)
{
    return tag.trimmed().toLower();
}

Result<QByteArray> render(const ArticleView &a, const Site &site)
{
    static const Result<PageTemplate> page = PageTemplate::builtin(QStringLiteral("article"));
    if (!page)
        return page.error();
    const Result<QString> where = path(a.kind, a.slug);
    if (!where)
        return where.error();
    const QString title = a.seoTitle.isEmpty() ? a.title : a.seoTitle;
    QString description = a.seoDescription.isEmpty() ? a.summary : a.seoDescription;
    if (description.isEmpty())
        description = a.title;
    const bool published = a.publishedAt.isValid();
    const QString canonical = site.baseUrl + *where;
    QByteArray image;
    if (!a.coverUrl.isEmpty() && MarkdownRenderer::isSafeUrl(a.coverUrl.toUtf8())) {
        const QString absolute = a.coverUrl.startsWith(QLatin1Char('/')) ? site.baseUrl + a.coverUrl : a.coverUrl;
        image = "<meta property=\"og:image\" content=\"" + HtmlEscape::escape(absolute) + "\">";
    }
    QString byline = published ? QLocale::c().toString(a.publishedAt.date(), QStringLiteral("d MMMM yyyy"))
                               : QStringLiteral("Draft");
    // Only what there is: no empty author, and a <time> only with a date.
    QByteArray bylineHtml;
    if (!a.authorName.isEmpty())
        bylineHtml
            += "<span class=\"author\">" + HtmlEscape::escape(QStringLiteral("By ") + a.authorName) + "</span> · ";
    bylineHtml += published ? "<time datetime=\"" + HtmlEscape::escape(Timestamp::format(a.publishedAt)) + "\">"
            + HtmlEscape::escape(byline) + "</time>"
                            : HtmlEscape::escape(byline);
    return page->render(
        { { "lang", site.lang },
          { "site_name", site.name },
          { "title", title },
          { "heading", a.title },
          { "description", description },
          { "canonical", canonical },
          { "kind_label", articleKindSiteLabel(*articleKindFromName(a.kind)) },
          { "reading_time", QStringLiteral("%1 min read").arg(readingMinutes(a.body)) },
          { "summary", a.summary } },
        // The body's headings go under the page's <h1>, the title.
        { { "body_html", MarkdownRenderer::toHtml(a.body.toUtf8(), 2) },
          { "byline_html", bylineHtml },
          { "og_image", image },
          { "cover_html", coverHtml(a) },
          { "taxonomy_html", taxonomyHtml(a) },
          { "reader_actions", site.readerActions },
          { "robots",
            site.preview ? QByteArray("<meta name=\"robots\" content=\"noindex, nofollow\">") : QByteArray() },
          { "preview_banner",
            site.preview ? QByteArray("<p class=\"preview-banner\" role=\"status\">Preview — not "
                                      "published. This link expires.</p>")
                         : QByteArray() } });
}

} // namespace quire::shared::ArticlePage
