// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/accounts/mailedlinks.h"

#include <QUrl>
#include <QUrlQuery>

namespace quire::server::MailedLinks {

namespace {

struct Entry
{
    const char *path;
    const char *purpose;
};

// The purposes are stored in the database: never rename them.
Entry entry(Kind kind)
{
    switch (kind) {
    case Kind::ResetPassword:
        return { "/reset-password", "reset_password" };
    case Kind::VerifyEmail:
        return { "/verify-email", "verify_email" };
    case Kind::ConfirmNewEmail:
        return { "/confirm-email", "change_email" };
    }
    return { "/", "" };
}

} // namespace

QString path(Kind kind)
{
    return QString::fromLatin1(entry(kind).path);
}

QString purpose(Kind kind)
{
    return QString::fromLatin1(entry(kind).purpose);
}

QString url(const QString &publicBaseUrl, Kind kind, const QString &token)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), token);
    return publicBaseUrl + path(kind) + QLatin1Char('?') + q.toString(QUrl::FullyEncoded);
}

} // namespace quire::server::MailedLinks
