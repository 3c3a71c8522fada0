// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace quire::server {

// One plain-text mail, and its RFC 5322 form (UTF-8, base64 body, encoded
// subject), the same bytes the outbox stores and SMTP sends.
struct MailMessage
{
    QString from;
    QString to;
    QString subject;
    QString text;

    QByteArray toRfc5322(const QDateTime &date, const QString &messageId) const;
};

} // namespace quire::server
