// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/accountheader.h"

#include "server/accounts/accountstore.h"
#include "server/servercontext.h"
#include "server/site/cachedpages.h"
#include "shared/htmlescape.h"

namespace quire::server::AccountHeader {

namespace HtmlEscape = shared::HtmlEscape;

QByteArray links(const QString &name, const QString &csrfToken)
{
    return "<span class=\"account\">Signed in as <strong>" + HtmlEscape::escape(name)
        + "</strong></span> <a href=\"/saved\">Saved</a> "
          "<form class=\"sign-out\" method=\"post\" action=\"/session/logout\">"
          "<input type=\"hidden\" name=\"csrf_token\" value=\""
        + HtmlEscape::escape(csrfToken) + "\"><button type=\"submit\">Sign out</button></form>";
}

shared::Result<QByteArray> personalise(const QByteArray &html, const QByteArray &links)
{
    const QByteArray anonymous(kAnonymousLinks);
    const qsizetype at = html.indexOf(anonymous);
    if (at < 0) {
        return shared::Error::make(shared::ErrorCode::TemplateInvalid,
                                   QStringLiteral("The page has no header account links to replace."));
    }
    QByteArray out = html;
    out.replace(at, anonymous.size(), links);
    return out;
}

shared::Result<QByteArray> forReader(WorkerServices &services, const QString &userId, const QString &csrfToken,
                                     const QByteArray &html)
{
    shared::Result<std::optional<StoredUser>> user = services.accounts().findById(userId);
    if (!user)
        return user.error();
    QString name;
    if (*user)
        name = (*user)->user.name.trimmed().isEmpty() ? (*user)->user.email : (*user)->user.name;
    return personalise(html, links(name, csrfToken));
}

HttpResponse respond(WorkerServices &services, const HttpRequest &request, const QString &userId,
                     const QString &csrfToken, const PageCache::Page &page)
{
    PageCache::Page personal = page;
    // Redirects and bodies that are not the site's HTML pages stay as they are.
    if (page.contentType.startsWith("text/html") && page.status != 301) {
        shared::Result<QByteArray> body = forReader(services, userId, csrfToken, page.body);
        if (!body)
            return HttpResponse::internalError(body.error());
        personal.body = *body;
    }
    // Made for one reader: no ETag or gzip form of the shared page.
    personal.etag.clear();
    personal.gzipped.clear();
    HttpResponse r = CachedPages::respond(personal, request);
    for (auto &[name, value] : r.headers) {
        if (name == "Cache-Control")
            value = QByteArrayLiteral("private, no-store");
    }
    return r;
}

} // namespace quire::server::AccountHeader
