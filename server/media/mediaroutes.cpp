// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/media/mediaroutes.h"

#include "server/http/conditionalrequest.h"
#include "server/http/router.h"
#include "server/media/mediastore.h"
#include "server/servercontext.h"
#include "server/serverlogging.h"
#include "shared/imagetype.h"

#include <QFile>

namespace quire::server::MediaRoutes {

namespace {

nlohmann::json recordJson(const MediaRecord &m)
{
    return { { "sha256", m.sha256.toStdString() },
             { "mime", m.mime.toStdString() },
             { "size", m.size },
             { "width", m.width },
             { "height", m.height },
             { "created_at", m.createdAt.toStdString() },
             { "url", "/media/" + m.sha256.toStdString() } };
}

MediaStore store(WorkerServices &services)
{
    return MediaStore(services.database(), services.context().config.mediaDirectory());
}

HttpResponse upload(HttpRequest &request, WorkerServices &services)
{
    const qint64 limit = services.context().config.mediaMaxBytes;
    if (request.body.size() > limit)
        return errorResponse(shared::Error::make(shared::ErrorCode::PayloadTooLarge,
                                                 QStringLiteral("Images may be at most %1 MiB.")
                                                     .arg(QString::number(double(limit) / (1024 * 1024), 'g', 3))));
    shared::Result<shared::ImageType> type = shared::ImageType::sniff(request.body);
    if (!type)
        return errorResponse(type.error()); // validation_failed or unsupported_media_type
    MediaStore media = store(services);
    auto stored = media.put(request.body, type->mime, type->width, type->height, request.principal->userId);
    if (!stored)
        return HttpResponse::internalError(stored.error());
    if (stored->second)
        qCInfo(lcServer) << "stored image" << stored->first.sha256 << stored->first.mime << stored->first.size
                         << "bytes";
    return HttpResponse::json(stored->second ? 201 : 200, recordJson(stored->first));
}

HttpResponse list(HttpRequest &request, WorkerServices &services)
{
    bool ok = true;
    const int page = request.query.hasQueryItem(QStringLiteral("page"))
        ? request.query.queryItemValue(QStringLiteral("page")).toInt(&ok)
        : 1;
    if (!ok || page < 1)
        return errorResponse(
            shared::Error::make(shared::ErrorCode::ValidationFailed, QStringLiteral("page must be 1 or more.")));
    constexpr int kPerPage = 50;
    qint64 total = 0;
    // Writers see what they uploaded and what the articles they may see
    // use; those who may edit any article see every image.
    const Principal &who = *request.principal;
    const MediaScope scope { shared::hasPermission(who.role, shared::Permission::EditAnyContent), who.userId };
    MediaStore media = store(services);
    auto items = media.list(scope, kPerPage, (page - 1) * kPerPage, total);
    if (!items)
        return HttpResponse::internalError(items.error());
    nlohmann::json out = nlohmann::json::array();
    for (const MediaRecord &m : *items)
        out.push_back(recordJson(m));
    return HttpResponse::json(200,
                              { { "items", out }, { "page", page }, { "per_page", kPerPage }, { "total", total } });
}

HttpResponse record(HttpRequest &request, WorkerServices &services)
{
    const QString sha = request.params.value(QStringLiteral("sha256"));
    MediaStore media = store(services);
    auto found = MediaStore::isName(sha) ? media.find(sha) : shared::Result<std::optional<MediaRecord>>(std::nullopt);
    if (!found)
        return HttpResponse::internalError(found.error());
    if (!*found)
        return errorResponse(
            shared::Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is no such image.")));
    return HttpResponse::json(200, recordJson(**found));
}

// The image itself. Its name is its content, so it never changes: caches
// may keep it for a year without asking again.
HttpResponse serve(HttpRequest &request, WorkerServices &services)
{
    const QString sha = request.params.value(QStringLiteral("sha256"));
    HttpResponse missing
        = errorResponse(shared::Error::make(shared::ErrorCode::NotFound, QStringLiteral("There is no such image.")));
    if (!MediaStore::isName(sha))
        return missing;
    const QByteArray etag = '"' + sha.toLatin1() + '"';
    MediaStore media = store(services);
    auto found = media.find(sha);
    if (!found)
        return HttpResponse::internalError(found.error());
    if (!*found)
        return missing;
    HttpResponse r;
    r.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("public, max-age=31536000, immutable") });
    r.headers.append({ QByteArrayLiteral("ETag"), etag }); // nosniff comes with every answer
    r.headers.append({ QByteArrayLiteral("Content-Disposition"), QByteArrayLiteral("inline") });
    r.headers.append(
        { QByteArrayLiteral("Content-Security-Policy"), QByteArrayLiteral("default-src 'none'; sandbox") });
    if (ConditionalRequest::isNotModified(request, etag, {})) {
        r.status = 304;
        return r;
    }
    QFile file(media.pathOf(sha));
    if (!file.open(QIODevice::ReadOnly))
        return missing;
    r.contentType = (*found)->mime.toLatin1();
    r.body = file.readAll();
    return r;
}

} // namespace

void install(Router &router)
{
    const Guard write = Guard::needs(shared::Permission::WriteContent);
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/media"), upload, Router::BodyKind::Upload, write);
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/media"), list, Router::BodyKind::None, write);
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/media/:sha256"), record, Router::BodyKind::None,
               Guard::user());
    router.add(QStringLiteral("GET"), QStringLiteral("/media/:sha256"), serve);
}

} // namespace quire::server::MediaRoutes
