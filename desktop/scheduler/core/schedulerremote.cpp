// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/core/schedulerremote.h"

#include "desktop/core/authsession.h"
#include "desktop/core/tr.h"
#include "shared/jsonqt.h"

namespace quire::desktop {

using shared::Error;
using shared::Result;
using shared::VoidResult;

namespace {

QString platformPath(const QString &id)
{
    return QStringLiteral("/api/v1/platforms/%1/credentials").arg(QString::fromLatin1(QUrl::toPercentEncoding(id)));
}

Error failure(const ApiReply &reply)
{
    return reply.error ? *reply.error
                       : Error::make(shared::ErrorCode::Internal, Tr::tr("The server gave no usable answer."));
}

} // namespace

SchedulerRemote::SchedulerRemote(AuthSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

void SchedulerRemote::setCredential(const QString &platformId, const QList<std::pair<QString, QString>> &secret,
                                    std::function<void(Result<QString>)> done)
{
    nlohmann::json body = nlohmann::json::object();
    for (const auto &[name, value] : secret)
        body[name.toStdString()] = value.toStdString();
    m_session.call(QStringLiteral("POST"), platformPath(platformId), body, [done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(failure(reply));
        done(shared::textOf(reply.json, "credential_set_at"));
    });
}

void SchedulerRemote::removeCredential(const QString &platformId, std::function<void(VoidResult)> done)
{
    m_session.call(QStringLiteral("DELETE"), platformPath(platformId), std::nullopt,
                   [done = std::move(done)](ApiReply reply) {
                       done(reply.ok() ? VoidResult::success() : VoidResult(failure(reply)));
                   });
}

void SchedulerRemote::retry(const QString &postId, const QString &destinationId, std::function<void(VoidResult)> done)
{
    const QString path
        = QStringLiteral("/api/v1/posts/%1/publish").arg(QString::fromLatin1(QUrl::toPercentEncoding(postId)));
    nlohmann::json body = nlohmann::json::object();
    if (!destinationId.isEmpty())
        body["destination_id"] = destinationId.toStdString();
    m_session.call(QStringLiteral("POST"), path, body, [done = std::move(done)](ApiReply reply) {
        done(reply.ok() ? VoidResult::success() : VoidResult(failure(reply)));
    });
}

} // namespace quire::desktop
