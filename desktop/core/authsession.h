// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/core/apiclient.h"

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace quire::desktop {

class CredentialStore;
class Profile;

// The signed-in account of a profile. Keeps the short-lived access token in
// memory and the refresh token in the CredentialStore; refreshes silently
// when the server says the access token is stale (one refresh at a time,
// since a refresh token is single-use), and when that fails asks the user to
// sign in again without touching any local data.
class AuthSession final : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(ApiReply)>;

    AuthSession(ApiClient &api, Profile &profile, CredentialStore &credentials, QObject *parent = nullptr);

    bool isSignedIn() const { return m_signedIn; }
    const nlohmann::json &user() const { return m_user; }
    QString email() const;
    QString userId() const;
    // For the live channel, which cannot go through call().
    QString accessToken() const { return m_accessToken; }
    QString role() const;
    // Whether a refresh token is stored for this profile's server: a start
    // without one has nobody to sign in silently and asks the user.
    bool hasStoredSession() const;
    // The address of the last account signed in here, to suggest it again.
    QString lastEmail() const;
    // Asks whoever shows the sign-in step (the Account menu) to show it, with
    // `email` suggested; the app's start does when there is no session.
    void requestSignIn(const QString &email) { Q_EMIT signInWanted(email); }

    void signIn(const QString &email, const QString &password, Done done);
    void registerAccount(const QString &email, const QString &password, const QString &name, const QString &inviteCode,
                         Done done);
    void forgotPassword(const QString &email, Done done);
    void signOut(Done done);
    // Forgets the tokens here without asking the server (offline sign-out).
    void forgetLocally() { forget(); }
    // At start-up: signs in silently with a stored refresh token, if any.
    // Done with 200 and the user, with the transport's error (status 0)
    // when the server gave no answer, else with 401 not_signed_in.
    void restore(Done done);

    // An API call as the signed-in user, refreshed and retried once on 401.
    void call(const QString &method, const QString &path, const std::optional<nlohmann::json> &body, Done done,
              ApiClient::BodyReading reading = ApiClient::BodyReading::Json);
    // POSTs raw bytes (an image) the same way.
    void upload(const QString &path, const QByteArray &bytes, const QByteArray &contentType, Done done);

Q_SIGNALS:
    void signedInChanged(bool signedIn);
    // The session ended on the server (expired, revoked, password changed).
    void signInRequired(const QString &reason);
    void signInWanted(const QString &email);

private:
    QString credentialKey() const;
    void adopt(const nlohmann::json &tokens);
    void forget();
    // Done with the refresh's answer (one of 401 when nothing is stored).
    void refresh(std::function<void(const ApiReply &)> done);
    // Every callback of this class runs from the event loop, never before
    // the call that asked for it returns: a caller that starts a call and
    // then enters a loop to wait for it would otherwise wait for ever
    // (quire-cli sync did, on a profile without a session).
    void later(std::function<void()> callback);
    // Runs `attempt`, and once more after refreshing the tokens if it met a 401.
    void withRefresh(std::function<void(Done)> attempt, Done done);

    ApiClient &m_api;
    Profile &m_profile;
    CredentialStore &m_credentials;
    QString m_accessToken;
    nlohmann::json m_user;
    bool m_signedIn = false;
    bool m_refreshing = false;
    QList<std::function<void(const ApiReply &)>> m_waitingForRefresh;
};

} // namespace quire::desktop
