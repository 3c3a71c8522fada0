// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/readerpages.h"

#include "server/accounts/accountstore.h"
#include "server/accounts/authroutes.h"
#include "server/accounts/sessioncookie.h"
#include "server/accounts/websessionroutes.h"
#include "server/articles/accountheader.h"
#include "server/articles/listingpages.h"
#include "server/articles/saveditems.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/apierror.h"
#include "shared/articlepage.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/htmlescape.h"
#include "shared/pagetemplate.h"

#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

namespace quire::server::ReaderPages {

namespace HtmlEscape = shared::HtmlEscape;
using shared::PageTemplate;

namespace {

HttpResponse html(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    // Per reader, or with a form's state: never kept by a cache.
    r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("private, no-store") });
    r.body = body;
    return r;
}

HttpResponse redirect(const QString &to)
{
    HttpResponse r;
    r.status = 303;
    r.headers.append({ QByteArrayLiteral("Location"), WebSessionRoutes::safeNext(to).toUtf8() });
    return r;
}

HttpResponse signInPage(HttpRequest &request, WorkerServices &services)
{
    static const shared::Result<PageTemplate> page = PageTemplate::builtin(QStringLiteral("sign-in"));
    if (!page)
        return HttpResponse::internalError(page.error());
    const QByteArray error = request.query.hasQueryItem(QStringLiteral("registered"))
        ? QByteArray("<p class=\"notice\" role=\"status\">Your account is ready: sign in. We also sent you an "
                     "email to confirm your address.</p>")
        : request.query.hasQueryItem(QStringLiteral("failed"))
        ? QByteArray("<p class=\"error\" role=\"alert\">The email address or the password is not right, or the "
                     "account cannot sign in now. Try again.</p>")
        : QByteArray();
    shared::Result<QByteArray> body = page->render(
        { { "lang", QStringLiteral("en") },
          { "site_name", services.context().siteName },
          { "next",
            WebSessionRoutes::safeNext(request.query.queryItemValue(QStringLiteral("next"), QUrl::FullyDecoded)) } },
        { { "error", error } });
    if (!body)
        return HttpResponse::internalError(body.error());
    return html(request.query.hasQueryItem(QStringLiteral("failed")) ? 401 : 200, *body);
}

HttpResponse savedPage(HttpRequest &request, WorkerServices &services)
{
    static const shared::Result<PageTemplate> page = PageTemplate::builtin(QStringLiteral("saved"));
    if (!page)
        return HttpResponse::internalError(page.error());
    const std::optional<std::pair<Principal, QString>> who = reader(request, services);
    if (!who)
        return redirect(QStringLiteral("/sign-in?next=%2Fsaved"));
    shared::Result<nlohmann::json> items = SavedItems::list(services.database(), who->first);
    if (!items)
        return HttpResponse::internalError(items.error());
    QList<ListingPages::Teaser> teasers;
    for (const nlohmann::json &i : *items) {
        // The site's pages are articles': other saved rows, and articles no
        // longer published, have no page here.
        const QString url = QString::fromStdString(i.value("url", std::string()));
        if (url.isEmpty())
            continue;
        teasers.append({ QString::fromStdString(i.value("kind", std::string())),
                         url.section(QLatin1Char('/'), 2),
                         QString::fromStdString(i.value("title", std::string())),
                         QString::fromStdString(i.value("summary", std::string())),
                         {},
                         {} });
    }
    shared::Result<QByteArray> list = ListingPages::teaserList(teasers, 2);
    if (!list)
        return HttpResponse::internalError(list.error());
    shared::Result<QByteArray> body = page->render(
        { { "lang", QStringLiteral("en") }, { "site_name", services.context().siteName } },
        { { "items",
            teasers.isEmpty() ? QByteArray("<p>Nothing saved yet. Articles have a Save button when you are "
                                           "signed in.</p>")
                              : *list } });
    if (!body)
        return HttpResponse::internalError(body.error());
    shared::Result<QByteArray> mine = AccountHeader::forReader(services, who->first.userId, who->second, *body);
    if (!mine)
        return HttpResponse::internalError(mine.error());
    return html(200, *mine);
}

HttpResponse toggleSaved(HttpRequest &request, WorkerServices &services)
{
    const QString article = request.params.value(QStringLiteral("article_id"));
    const QUrlQuery form(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    const bool remove = form.queryItemValue(QStringLiteral("action")) == QLatin1String("remove");
    shared::Result<QSqlQuery> q = services.database().exec(
        QStringLiteral("SELECT kind, slug FROM articles WHERE id = ? AND deleted = 0 AND status = ?"),
        { article, shared::contentStatusName(shared::ContentStatus::Published) });
    if (!q)
        return HttpResponse::internalError(q.error());
    if (!q->next())
        return errorResponse(
            shared::Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is no such article.")));
    const shared::Result<QString> back = shared::ArticlePage::path(q->value(0).toString(), q->value(1).toString());
    if (!back)
        return HttpResponse::internalError(back.error());
    if (remove) {
        if (shared::VoidResult r = SavedItems::unsave(services, *request.principal, article); !r)
            return HttpResponse::internalError(r.error());
    } else if (shared::Result<bool> r = SavedItems::save(services, *request.principal, article); !r) {
        return HttpResponse::internalError(r.error());
    }
    return redirect(*back);
}

// The registration form with what was typed (never the password) and, after
// a refusal, what to fix.
HttpResponse registerPage(int status, WorkerServices &services, const QUrlQuery &typed, const QByteArray &errors)
{
    static const shared::Result<PageTemplate> page = PageTemplate::builtin(QStringLiteral("register"));
    if (!page)
        return HttpResponse::internalError(page.error());
    const auto field
        = [&typed](const char *name) { return typed.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    shared::Result<QByteArray> body = page->render({ { "lang", QStringLiteral("en") },
                                                     { "site_name", services.context().siteName },
                                                     { "name", field("name") },
                                                     { "email", field("email") },
                                                     { "invite_code", field("invite_code") } },
                                                   { { "errors", errors } });
    if (!body)
        return HttpResponse::internalError(body.error());
    return html(status, *body);
}

void registerReader(HttpRequest &request, WorkerServices &services, Responder respond)
{
    const QUrlQuery typed(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    // The same answer as the API's registration, turned into a page.
    request.json = nlohmann::json::object();
    for (const char *name : { "name", "email", "password", "invite_code" }) {
        const QString value = typed.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
        if (!value.isEmpty() || qstrcmp(name, "invite_code") != 0)
            request.json[name] = value.toStdString();
    }
    AuthRoutes::registerUser(request, services, [&services, typed, respond](HttpResponse answer) {
        if (answer.status == 201) {
            respond(redirect(QStringLiteral("/sign-in?registered=1")));
            return;
        }
        const std::optional<shared::Error> error = shared::ApiError::parse(answer.body);
        if (!error || answer.status >= 500) {
            respond(answer);
            return;
        }
        QByteArray list = "<div class=\"error\" role=\"alert\"><p>" + HtmlEscape::escape(error->message) + "</p>";
        if (!error->fields.isEmpty()) {
            list += "<ul>";
            for (auto it = error->fields.cbegin(); it != error->fields.cend(); ++it)
                list += "<li><a href=\"#" + HtmlEscape::escape(it.key()) + "\">" + HtmlEscape::escape(it.key())
                    + "</a>: " + HtmlEscape::escape(it.value()) + "</li>";
            list += "</ul>";
        }
        list += "</div>";
        respond(registerPage(answer.status, services, typed, list));
    });
}

} // namespace

std::optional<std::pair<Principal, QString>> reader(const HttpRequest &request, WorkerServices &services)
{
    const QByteArray cookie = request.cookie(kSessionCookie);
    if (cookie.isEmpty())
        return std::nullopt;
    shared::Result<std::optional<std::pair<Principal, QString>>> web
        = services.accounts().authenticateWeb(QString::fromLatin1(cookie));
    return web ? *web : std::nullopt;
}

QByteArray saveButton(WorkerServices &services, const Principal *reader, const QString &csrfToken,
                      const QString &articleId, const QString &path)
{
    if (!reader) {
        return "<p class=\"reader-actions\"><a href=\"/sign-in?next="
            + HtmlEscape::escape(QString::fromLatin1(QUrl::toPercentEncoding(path)))
            + "\">Sign in to save this</a></p>";
    }
    const shared::Result<bool> saved = SavedItems::isSaved(services.database(), *reader, articleId);
    const bool isSaved = saved && *saved;
    return "<form class=\"reader-actions\" method=\"post\" action=\"/saved/" + HtmlEscape::escape(articleId)
        + "\"><input type=\"hidden\" name=\"csrf_token\" value=\"" + HtmlEscape::escape(csrfToken)
        + "\"><input type=\"hidden\" name=\"action\" value=\"" + (isSaved ? "remove" : "save")
        + "\"><button type=\"submit\" aria-pressed=\"" + (isSaved ? "true\">Saved ✓ — remove" : "false\">Save")
        + "</button></form>";
}

void install(Router &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/sign-in"), signInPage);
    router.add(QStringLiteral("GET"), QStringLiteral("/saved"), savedPage);
    router.add(QStringLiteral("GET"), QStringLiteral("/register"),
               [](HttpRequest &, WorkerServices &services) { return registerPage(200, services, QUrlQuery(), {}); });
    router.addAsync(QStringLiteral("POST"), QStringLiteral("/register"), registerReader);
    router.add(QStringLiteral("POST"), QStringLiteral("/saved/:article_id"), toggleSaved, Router::BodyKind::None,
               Guard { true, shared::Permission::SaveItems, true });
}

} // namespace quire::server::ReaderPages
