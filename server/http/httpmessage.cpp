// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/httpmessage.h"

#include "server/http/httplogging.h"
#include "shared/apierror.h"
#include "shared/jsonqt.h"

namespace quire::server {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpRequest::cookie(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare("Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &part : value.split(';')) {
            const QByteArray trimmed = part.trimmed();
            if (trimmed.startsWith(name + '='))
                return trimmed.mid(name.size() + 1);
        }
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const nlohmann::json &body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json");
    r.body = shared::toJsonBytes(body);
    return r;
}

HttpResponse HttpResponse::error(shared::ErrorCode code, const QString &message)
{
    return error(shared::httpStatusOf(code), shared::Error::make(code, message));
}

HttpResponse HttpResponse::error(int status, const shared::Error &error)
{
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json");
    r.body = shared::ApiError::toBytes(error);
    return r;
}

HttpResponse HttpResponse::nothingAt(const QString &path)
{
    return error(shared::ErrorCode::NotFound, QStringLiteral("There is nothing at %1.").arg(path));
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    return error(status, shared::Error::make(code, message));
}

HttpResponse HttpResponse::tooManyRequests(int retryAfterSeconds)
{
    HttpResponse r = error(shared::ErrorCode::RateLimited,
                           QStringLiteral("Too many attempts; try again in %1 seconds.").arg(retryAfterSeconds));
    r.headers.append({ QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds) });
    return r;
}

HttpResponse HttpResponse::busy()
{
    HttpResponse r = error(shared::ErrorCode::Busy, QStringLiteral("The server is busy; try again in a moment."));
    r.headers.append({ QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") });
    return r;
}

HttpResponse HttpResponse::internalError(const shared::Error &e)
{
    qCWarning(lcHttp) << "internal error:" << e.code << e.message;
    return error(shared::ErrorCode::InternalError, QStringLiteral("The server failed to answer."));
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

} // namespace quire::server
