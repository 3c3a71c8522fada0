// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/metricsremote.h"

#include "desktop/core/authsession.h"
#include "desktop/core/tr.h"

#include <QUrlQuery>

namespace quire::desktop {

using shared::Error;
using shared::Result;

namespace {

Error failure(const ApiReply &reply)
{
    return reply.error ? *reply.error
                       : Error::make(shared::ErrorCode::Internal, Tr::tr("The server gave no usable answer."));
}

} // namespace

QString MetricsRequest::path(bool csv) const
{
    QUrlQuery query;
    if (group)
        query.addQueryItem(QStringLiteral("group"), shared::kMetricsGroups.name(*group));
    if (from.isValid() && to.isValid()) {
        query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    }
    if (!clientId.isEmpty())
        query.addQueryItem(QStringLiteral("client_id"), clientId);
    if (!platformId.isEmpty())
        query.addQueryItem(QStringLiteral("platform_id"), platformId);
    query.addQueryItem(QStringLiteral("format"), csv ? QStringLiteral("csv") : QStringLiteral("json"));
    return QStringLiteral("/api/v1/metrics/%1?%2")
        .arg(shared::kMetricsKinds.name(kind), query.toString(QUrl::FullyEncoded));
}

MetricsRemote::MetricsRemote(AuthSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

void MetricsRemote::report(const MetricsRequest &request, std::function<void(Result<nlohmann::json>)> done)
{
    m_session.call(QStringLiteral("GET"), request.path(false), std::nullopt, [done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(failure(reply));
        if (!reply.json.is_object())
            return done(
                Error::make(shared::ErrorCode::InvalidResponse, Tr::tr("The server's metrics could not be read.")));
        done(std::move(reply.json));
    });
}

void MetricsRemote::reportCsv(const MetricsRequest &request, std::function<void(Result<QByteArray>)> done)
{
    m_session.call(
        QStringLiteral("GET"), request.path(true), std::nullopt,
        [done = std::move(done)](ApiReply reply) {
            if (!reply.ok())
                return done(failure(reply));
            done(std::move(reply.body));
        },
        ApiClient::BodyReading::Raw);
}

} // namespace quire::desktop
