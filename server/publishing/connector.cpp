// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/publishing/connector.h"

#include <QTextBoundaryFinder>
#include <QTimer>

namespace quire::server {

int visibleLength(const QString &text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    int count = 0;
    while (finder.toNextBoundary() >= 0)
        ++count;
    return count;
}

shared::FieldErrors Connector::check(const Delivery &delivery) const
{
    shared::FieldErrors errors;
    const int limit = characterLimit();
    if (delivery.text.trimmed().isEmpty() && delivery.media.isEmpty())
        errors.add(QStringLiteral("text"), QStringLiteral("Nothing to post: no text and no media."));
    if (limit > 0) {
        const int length = visibleLength(delivery.text);
        if (length > limit)
            errors.add(QStringLiteral("text"),
                       QStringLiteral("%1 characters; this network takes at most %2.").arg(length).arg(limit));
    }
    if (maxMedia() >= 0 && delivery.media.size() > maxMedia())
        errors.add(
            QStringLiteral("media"),
            QStringLiteral("%1 media; this network takes at most %2.").arg(delivery.media.size()).arg(maxMedia()));
    return errors;
}

void Connector::verify(const PlatformAccess &platform, OutboundClient &client, Verified done) const
{
    Q_UNUSED(client)
    const bool stored = !platform.secret.empty();
    QTimer::singleShot(0, [done = std::move(done), stored] {
        done(stored ? shared::VoidResult::success()
                    : shared::VoidResult(shared::Error::make(kDeliveryErrors.name(DeliveryError::NoCredential),
                                                             QStringLiteral("No credential is stored."))));
    });
}

} // namespace quire::server
