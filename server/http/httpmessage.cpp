// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/http/httpmessage.h"

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

HttpResponse HttpResponse::error(int status, const shared::Error &error)
{
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json");
    r.body = shared::ApiError::toBytes(error);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    return error(status, shared::Error::make(code, message));
}

} // namespace quire::server
