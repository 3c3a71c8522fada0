// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/authsession.h"

#include "desktop/core/corelogging.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/tr.h"
#include "shared/jsonqt.h"

#include <QSettings>

namespace quire::desktop {

using shared::Error;

AuthSession::AuthSession(ApiClient &api, Profile &profile, CredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_profile(profile)
    , m_credentials(credentials)
{ }

QString AuthSession::email() const
{
    return m_user.is_object() && m_user.contains("email") ? QString::fromStdString(m_user["email"].get<std::string>())
                                                          : QString();
}

QString AuthSession::role() const
{
    return m_user.is_object() && m_user.contains("role") ? QString::fromStdString(m_user["role"].get<std::string>())
                                                         : QString();
}

QString AuthSession::credentialKey() const
{
    // One refresh token per server and profile.
    return QStringLiteral("refresh:%1:%2").arg(m_api.server().toString(), m_profile.clientId());
}

void AuthSession::adopt(const nlohmann::json &tokens)
{
    m_accessToken = QString::fromStdString(tokens.value("access_token", std::string()));
    m_user = tokens.value("user", nlohmann::json::object());
    const QString refreshToken = QString::fromStdString(tokens.value("refresh_token", std::string()));
    if (shared::VoidResult r = m_credentials.save(credentialKey(), refreshToken.toLatin1()); !r)
        qCWarning(lcNet) << "refresh token not stored:" << r.error().message;
    const auto name = m_user.find("name");
    m_profile.setAccount(
        { userId(), email(),
          name != m_user.end() && name->is_string() ? QString::fromStdString(name->get<std::string>()) : QString() });
    m_profile.setAccountRole(role());
    const bool was = m_signedIn;
    m_signedIn = true;
    if (!was)
        Q_EMIT signedInChanged(true);
}

void AuthSession::forget()
{
    m_accessToken.clear();
    m_user = nlohmann::json();
    if (shared::VoidResult r = m_credentials.remove(credentialKey()); !r)
        qCWarning(lcNet) << "refresh token not removed:" << r.error().message;
    if (m_signedIn) {
        m_signedIn = false;
        Q_EMIT signedInChanged(false);
    }
}

void AuthSession::signIn(const QString &email, const QString &password, Done done)
{
    m_api.request(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/login"),
                  nlohmann::json { { "email", email }, { "password", password } }, QString(),
                  [this, done](const ApiReply &reply) {
                      if (reply.ok())
                          adopt(reply.json);
                      done(reply);
                  });
}

void AuthSession::registerAccount(const QString &email, const QString &password, const QString &name,
                                  const QString &inviteCode, Done done)
{
    nlohmann::json body { { "email", email }, { "password", password }, { "name", name } };
    if (!inviteCode.isEmpty())
        body["invite_code"] = inviteCode;
    m_api.request(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/register"), body, QString(), std::move(done));
}

void AuthSession::forgotPassword(const QString &email, Done done)
{
    m_api.request(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/forgot-password"),
                  nlohmann::json { { "email", email } }, QString(), std::move(done));
}

void AuthSession::later(std::function<void()> callback)
{
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

void AuthSession::signOut(Done done)
{
    if (!m_signedIn) {
        later([done] { done(ApiReply { 204, {}, std::nullopt, {}, {} }); });
        return;
    }
    const QString token = m_accessToken;
    // Forget locally first: signing out works offline too; the server call
    // only ends the session there early.
    forget();
    m_api.request(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/logout"), std::nullopt, token, std::move(done));
}

void AuthSession::restore(Done done)
{
    refresh([this, done](const ApiReply &refreshed) {
        ApiReply reply;
        if (refreshed.ok()) {
            reply.status = 200;
            reply.json = m_user;
        } else if (refreshed.status == 0 && refreshed.error) {
            // No answer at all: the session may well be fine; say why.
            reply.error = refreshed.error;
        } else {
            reply.status = 401;
            reply.error = Error::make(shared::ErrorCode::NotSignedIn, Tr::tr("Not signed in."));
        }
        done(reply);
    });
}

void AuthSession::refresh(std::function<void(const ApiReply &)> done)
{
    m_waitingForRefresh << std::move(done);
    if (m_refreshing)
        return;
    shared::Result<std::optional<QByteArray>> stored = m_credentials.load(credentialKey());
    if (!stored || !*stored || (*stored)->isEmpty()) {
        // Nothing to refresh with: the answer is known now, but it goes out
        // through the event loop like every other (see later()).
        m_refreshing = true;
        later([this] {
            m_refreshing = false;
            ApiReply none;
            none.status = 401;
            none.error = Error::make(shared::ErrorCode::NotSignedIn, Tr::tr("Not signed in."));
            const auto waiting = std::exchange(m_waitingForRefresh, {});
            for (const auto &w : waiting)
                w(none);
        });
        return;
    }
    m_refreshing = true;
    m_api.request(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh"),
                  nlohmann::json { { "refresh_token", QString::fromLatin1(**stored) } }, QString(),
                  [this](const ApiReply &reply) {
                      m_refreshing = false;
                      const bool ok = reply.ok();
                      if (ok) {
                          adopt(reply.json);
                      } else if (reply.status == 401) {
                          // The server ended the session: sign-in needed, local work kept.
                          forget();
                          Q_EMIT signInRequired(reply.error ? reply.error->message : QString());
                      }
                      const auto waiting = std::exchange(m_waitingForRefresh, {});
                      for (const auto &w : waiting)
                          w(reply);
                  });
}

bool AuthSession::hasStoredSession() const
{
    shared::Result<std::optional<QByteArray>> stored = m_credentials.load(credentialKey());
    return stored && *stored && !(*stored)->isEmpty();
}

QString AuthSession::lastEmail() const
{
    return m_profile.account().email;
}

QString AuthSession::userId() const
{
    if (!m_user.is_object())
        return {};
    return QString::fromStdString(m_user.value("id", std::string()));
}

void AuthSession::call(const QString &method, const QString &path, const std::optional<nlohmann::json> &body, Done done,
                       ApiClient::BodyReading reading)
{
    withRefresh([this, method, path, body,
                 reading](Done next) { m_api.request(method, path, body, m_accessToken, std::move(next), reading); },
                std::move(done));
}

void AuthSession::upload(const QString &path, const QByteArray &bytes, const QByteArray &contentType, Done done)
{
    withRefresh([this, path, bytes,
                 contentType](Done next) { m_api.upload(path, bytes, contentType, m_accessToken, std::move(next)); },
                std::move(done));
}

void AuthSession::withRefresh(std::function<void(Done)> attempt, Done done)
{
    attempt([this, attempt, done](ApiReply reply) {
        if (reply.status != 401) {
            done(std::move(reply));
            return;
        }
        refresh([attempt, done, reply](const ApiReply &refreshed) {
            if (!refreshed.ok()) {
                done(reply);
                return;
            }
            attempt(done);
        });
    });
}

} // namespace quire::desktop
