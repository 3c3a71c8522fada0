// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/formguard.h"

#include "server/accounts/serversecret.h"
#include "server/accounts/tokens.h"
#include "server/servercontext.h"

#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QUrl>

namespace quire::server::FormGuard {

namespace {

// Long enough for someone to read a mail and choose a password.
constexpr int kCookieMaxAgeSeconds = 2 * 60 * 60;

// A cookie value as issue() makes them; anything else is made anew.
bool wellFormed(const QByteArray &cookie)
{
    static const QRegularExpression shape(QStringLiteral("^qf_[A-Za-z0-9_-]{43}$"));
    return shape.match(QString::fromLatin1(cookie)).hasMatch();
}

shared::Result<QString> sign(WorkerServices &services, const QByteArray &cookie, const QString &binding)
{
    shared::Result<QByteArray> key = ServerSecret::get(services.database(), QStringLiteral("form_secret"));
    if (!key)
        return key.error();
    const QByteArray mac = QMessageAuthenticationCode::hash("quire-form\n" + cookie + '\n' + binding.toUtf8(), *key,
                                                            QCryptographicHash::Sha256);
    return QString::fromLatin1(mac.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

bool fromAnotherSite(const HttpRequest &request, const QString &publicBaseUrl)
{
    const QByteArray fetchSite = request.header("Sec-Fetch-Site").trimmed().toLower();
    if (fetchSite == "cross-site" || fetchSite == "same-site")
        return true;
    const QByteArray origin = request.header("Origin");
    return !origin.isEmpty() && origin != "null"
        && QUrl(QString::fromLatin1(origin)).adjusted(QUrl::RemovePath)
        != QUrl(publicBaseUrl).adjusted(QUrl::RemovePath);
}

shared::Result<Issued> issue(const HttpRequest &request, WorkerServices &services, const QString &binding)
{
    Issued issued;
    QByteArray cookie = request.cookie(kCookie);
    if (!wellFormed(cookie)) {
        cookie = Tokens::generate("qf_").toLatin1();
        // Strict: a link opened from a mail arrives cross-site and would not
        // send it, but it is set then and sent with the form's own post.
        issued.setCookie = QByteArray(kCookie) + '=' + cookie
            + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" + QByteArray::number(kCookieMaxAgeSeconds);
    }
    shared::Result<QString> field = sign(services, cookie, binding);
    if (!field)
        return field.error();
    issued.field = *field;
    return issued;
}

shared::Result<bool> check(const HttpRequest &request, WorkerServices &services, const QString &binding,
                           const QString &field)
{
    if (fromAnotherSite(request, services.context().publicBaseUrl))
        return false;
    const QByteArray cookie = request.cookie(kCookie);
    if (!wellFormed(cookie) || field.isEmpty())
        return false;
    shared::Result<QString> expected = sign(services, cookie, binding);
    if (!expected)
        return expected.error();
    return Tokens::equal(expected->toLatin1(), field.toLatin1());
}

} // namespace quire::server::FormGuard
