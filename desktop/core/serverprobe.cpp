// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/serverprobe.h"

#include "desktop/core/apiclient.h"
#include "desktop/core/tr.h"
#include "shared/jsonqt.h"
#include "shared/protocol.h"
#include "shared/version.h"

namespace quire::desktop {

using Outcome = ProbeResult::Outcome;

ServerProbe::ServerProbe(QObject *parent)
    : QObject(parent)
    , m_client(new ApiClient(this))
{ }

void ServerProbe::start(const QUrl &url, const QString &pinnedFingerprint, const QString &clientId)
{
    m_client->setServer(url, pinnedFingerprint);
    m_client->get(QStringLiteral("/health"), [this, url, clientId](const ApiReply &reply) {
        ProbeResult result;
        result.url = url;
        result.fingerprint = reply.offeredFingerprint;
        if (reply.error && reply.error->is(shared::ErrorCode::CertificateUntrusted)) {
            result.outcome = Outcome::Untrusted;
            result.message = reply.error->message;
        } else if (reply.error && reply.error->is(shared::ErrorCode::CertificateChanged)) {
            result.outcome = Outcome::CertificateChanged;
            result.message = reply.error->message;
        } else if (reply.status == 0) {
            result.outcome = Outcome::Unreachable;
            result.message = reply.error ? reply.error->message : Tr::tr("Cannot reach the server.");
        } else if (!reply.json.is_object() || !reply.json.contains("version") || !reply.json.contains("database")) {
            result.outcome = Outcome::NotQuire;
            result.message = Tr::tr("Something answered at this address, but it is not a Quire server.");
        } else {
            handshake(result, clientId);
            return;
        }
        Q_EMIT finished(result);
    });
}

void ServerProbe::handshake(ProbeResult result, const QString &clientId)
{
    shared::Protocol::HandshakeRequest request;
    request.clientId = clientId;
    request.clientVersion = QLatin1String(shared::kVersion);
    m_client->postJson(
        QStringLiteral("/api/v1/handshake"), request.toJson(), [this, result](const ApiReply &reply) mutable {
            if (reply.error) {
                if (reply.error->is(shared::ErrorCode::ClientOutdated)) {
                    result.outcome = Outcome::Incompatible;
                    result.message = Tr::tr("This version of Quire is too old for the server. Please update Quire.");
                } else if (reply.error->is(shared::ErrorCode::ServerOutdated)) {
                    result.outcome = Outcome::Incompatible;
                    result.message = Tr::tr(
                        "The server runs an older version than this Quire. Ask your administrator to update it.");
                } else {
                    result.outcome = reply.status == 0 ? Outcome::Unreachable : Outcome::NotQuire;
                    result.message = reply.error->message;
                }
                Q_EMIT finished(result);
                return;
            }
            auto info = shared::Protocol::HandshakeResponse::fromJson(reply.json);
            if (!info) {
                result.outcome = Outcome::NotQuire;
                result.message = Tr::tr("The server's answer was not understood.");
            } else {
                result.outcome = Outcome::Ok;
                result.serverVersion = info->serverVersion;
                result.epoch = info->epoch;
                result.message = Tr::tr("Connected to Quire server %1.").arg(info->serverVersion);
            }
            Q_EMIT finished(result);
        });
}

} // namespace quire::desktop
