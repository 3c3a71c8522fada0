// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/articles/draftpreview.h"

#include "server/accounts/serversecret.h"
#include "server/collections/contentwriter.h"
#include "server/http/router.h"
#include "server/servercontext.h"
#include "shared/articlekind.h"
#include "shared/articlepage.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/pagetemplate.h"
#include "shared/strictjson.h"
#include "shared/synctable.h"
#include "shared/timestamp.h"

#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QVariant>

#include <openssl/crypto.h>

namespace quire::server::DraftPreview {

namespace {

constexpr int kDefaultHours = 24;
constexpr int kMaxHours = 24 * 7;

shared::Result<QByteArray> secret(shared::Database &db)
{
    return ServerSecret::get(db, QStringLiteral("preview_secret"));
}

QByteArray signature(const QByteArray &key, const QByteArray &payload)
{
    return QMessageAuthenticationCode::hash(payload, key, QCryptographicHash::Sha256);
}

constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

struct Checked
{
    QString articleId;
    bool expired = false;
};

// The article a token names, if its signature holds.
std::optional<Checked> check(const QByteArray &key, const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    const QByteArray payload = (parts[0] + QLatin1Char('.') + parts[1]).toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(parts[2].toLatin1(), kBase64);
    const QByteArray expected = signature(key, payload);
    if (!decoded || decoded.decoded.size() != expected.size()
        || CRYPTO_memcmp(decoded.decoded.constData(), expected.constData(), size_t(expected.size())) != 0)
        return std::nullopt;
    bool ok = false;
    const qint64 expires = parts[1].toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return Checked { parts[0], shared::Clock::instance().now().toSecsSinceEpoch() >= expires };
}

Router::Handler makeLink(const QString &kind)
{
    return [kind](HttpRequest &request, WorkerServices &services) {
        int hours = kDefaultHours;
        // The body is optional: {"hours": n}.
        const shared::Result<nlohmann::json> body = request.body.trimmed().isEmpty()
            ? shared::Result<nlohmann::json>(nlohmann::json::object())
            : shared::StrictJson::parse(request.body);
        if (!body)
            return errorResponse(body.error());
        if (!body->is_object())
            return errorResponse(
                shared::Error::make(shared::ErrorCode::InvalidJson, QStringLiteral("The body is not a JSON object.")));
        if (const auto h = body->find("hours"); h != body->end()) {
            // Compared as a signed number: a huge unsigned one must not wrap into range.
            const bool inRange = h->is_number_integer()
                && !(h->is_number_unsigned() && h->get<quint64>() > quint64(kMaxHours)) && h->get<qint64>() >= 1
                && h->get<qint64>() <= kMaxHours;
            if (!inRange)
                return errorResponse(
                    shared::Error::make(shared::ErrorCode::ValidationFailed,
                                        QStringLiteral("hours must be a whole number from 1 to %1.").arg(kMaxHours)));
            hours = int(h->get<qint64>());
        }
        ContentWriter writer(services, *request.principal);
        const QString id = request.params.value(QStringLiteral("id"));
        shared::Result<std::optional<StoredRow>> row = writer.load(QStringLiteral("articles"), id);
        if (!row)
            return HttpResponse::internalError(row.error());
        if (!*row || QString::fromStdString((*row)->values.value("kind", std::string())) != kind)
            return errorResponse(
                shared::Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is no such article.")));
        shared::Result<QByteArray> key = secret(services.database());
        if (!key)
            return HttpResponse::internalError(key.error());
        const QDateTime expires = shared::Clock::instance().now().addSecs(qint64(hours) * 3600);
        const QByteArray payload = id.toLatin1() + '.' + QByteArray::number(expires.toSecsSinceEpoch());
        const QString token = QString::fromLatin1(payload + '.' + signature(*key, payload).toBase64(kBase64));
        return HttpResponse::json(
            201,
            { { "url", (services.context().publicBaseUrl + QStringLiteral("/preview/") + token).toStdString() },
              { "expires_at", shared::Timestamp::format(expires).toStdString() } });
    };
}

HttpResponse page(int status, const QByteArray &html)
{
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") });
    r.headers.append({ QByteArrayLiteral("X-Robots-Tag"), QByteArrayLiteral("noindex, nofollow") });
    r.headers.append({ QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer") });
    r.body = html;
    return r;
}

// A link that shows no draft: the site's message page, with its header,
// landmarks and skip link like every other page.
HttpResponse message(int status, const QString &heading, const QString &text, WorkerServices &services)
{
    static const shared::Result<shared::PageTemplate> tpl = shared::PageTemplate::builtin(QStringLiteral("message"));
    if (!tpl)
        return HttpResponse::internalError(tpl.error());
    shared::Result<QByteArray> html = tpl->render({ { "lang", QStringLiteral("en") },
                                                    { "site_name", services.context().siteName },
                                                    { "heading", heading },
                                                    { "message", text } });
    if (!html)
        return HttpResponse::internalError(html.error());
    return page(status, *html);
}

HttpResponse missing(WorkerServices &services)
{
    return message(404, QStringLiteral("Preview not found"), QStringLiteral("This preview link is not valid."),
                   services);
}

HttpResponse show(HttpRequest &request, WorkerServices &services)
{
    shared::Result<QByteArray> key = secret(services.database());
    if (!key)
        return HttpResponse::internalError(key.error());
    const std::optional<Checked> checked = check(*key, request.params.value(QStringLiteral("token")));
    if (!checked)
        return missing(services);
    if (checked->expired)
        return message(410, QStringLiteral("This preview link has expired"),
                       QStringLiteral("Ask the author for a new one."), services);
    shared::Result<QSqlQuery> q = services.database().exec(
        QStringLiteral(
            "SELECT g.kind, g.slug, g.title, g.summary, g.body, g.cover, u.name, g.tags FROM articles g LEFT "
            "JOIN users u ON u.id = g.owner_id WHERE g.id = ? AND g.deleted = 0"),
        { checked->articleId });
    if (!q)
        return HttpResponse::internalError(q.error());
    if (!q->next())
        return missing(services);
    shared::ArticleView view;
    view.kind = q->value(0).toString();
    view.slug = q->value(1).toString();
    view.title = q->value(2).toString();
    view.summary = q->value(3).toString();
    view.body = q->value(4).toString();
    view.coverUrl = q->value(5).toString();
    view.authorName = q->value(6).toString();
    view.tags = shared::listItems(q->value(7).toString());
    shared::ArticlePage::Site site {
        services.context().siteName, services.context().publicBaseUrl, QStringLiteral("en"), {}, true
    };
    shared::Result<QByteArray> html = shared::ArticlePage::render(view, site);
    if (!html)
        return HttpResponse::internalError(html.error());
    return page(200, *html);
}

} // namespace

void install(Router &router)
{
    for (shared::ArticleKind kind : shared::articleKinds()) {
        router.add(QStringLiteral("POST"), shared::articleKindApiPath(kind) + QStringLiteral("/:id/preview-link"),
                   makeLink(shared::articleKindName(kind)), Router::BodyKind::None, Guard::user());
    }
    router.add(QStringLiteral("GET"), QStringLiteral("/preview/:token"), show);
}

} // namespace quire::server::DraftPreview
