// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/media/core/medialibrary.h"

#include "desktop/core/authsession.h"
#include "desktop/core/corelogging.h"
#include "desktop/core/replica.h"
#include "desktop/core/tr.h"
#include "shared/clock.h"
#include "shared/database.h"
#include "shared/imagetype.h"
#include "shared/timestamp.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlQuery>
#include <QVariant>

namespace quire::desktop {

using shared::Error;
using shared::Result;
using shared::VoidResult;

MediaLibrary::MediaLibrary(Replica &replica, AuthSession &session, const QString &profileDir, QObject *parent)
    : QObject(parent)
    , m_replica(replica)
    , m_session(session)
    , m_dir(profileDir + QStringLiteral("/media"))
{ }

QString MediaLibrary::urlOf(const QString &sha256)
{
    return QStringLiteral("/media/") + sha256;
}

QString MediaLibrary::shaOf(const QString &url)
{
    static const QRegularExpression media(QStringLiteral("^(?:/media/)?([0-9a-f]{64})$"));
    const QRegularExpressionMatch m = media.match(url);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString MediaLibrary::localPath(const QString &sha256) const
{
    return m_dir + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

Result<QString> MediaLibrary::import(const QByteArray &bytes)
{
    if (bytes.size() > kMaxBytes)
        return Error::make(shared::ErrorCode::PayloadTooLarge,
                           Tr::tr("Images may be at most %1 MiB.").arg(kMaxBytes / (1024 * 1024)));
    Result<shared::ImageType> type = shared::ImageType::sniff(bytes);
    if (!type)
        return type.error();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString path = localPath(sha);
    if (!QFile::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return Error::make(shared::ErrorCode::StorageFailed,
                               Tr::tr("The image could not be saved: %1").arg(file.errorString()));
    }
    // Known already (pasted twice, or fetched): the record stays as it is.
    if (VoidResult r = m_replica.database().run(
            QStringLiteral("INSERT INTO media_files(sha256, mime, size, width, height, state, added_at) "
                           "VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT(sha256) DO NOTHING"),
            { sha, type->mime, qint64(bytes.size()), type->width, type->height,
              shared::Timestamp::format(shared::Clock::instance().now()) });
        !r)
        return r.error();
    return sha;
}

Result<QString> MediaLibrary::importFile(const QString &path)
{
    QFile file(path);
    if (file.size() > kMaxBytes)
        return Error::make(shared::ErrorCode::PayloadTooLarge,
                           Tr::tr("Images may be at most %1 MiB.").arg(kMaxBytes / (1024 * 1024)));
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(shared::ErrorCode::Unreadable, Tr::tr("%1 could not be read.").arg(path));
    return import(file.readAll());
}

QString MediaLibrary::resolve(const QString &urlOrSha)
{
    const QString sha = shaOf(urlOrSha);
    if (sha.isEmpty())
        return {};
    const QString path = localPath(sha);
    if (QFile::exists(path))
        return path;
    fetch(sha, [](VoidResult) {});
    return {};
}

Result<int> MediaLibrary::pendingCount()
{
    Result<QVariant> n
        = m_replica.database().scalar(QStringLiteral("SELECT count(*) FROM media_files WHERE state = 'pending'"));
    if (!n)
        return n.error();
    return n->toInt();
}

VoidResult MediaLibrary::setState(const QString &sha256, const QString &state, const QString &reason)
{
    return m_replica.database().run(QStringLiteral("UPDATE media_files SET state = ?, reason = ? WHERE sha256 = ?"),
                                    { state, reason, sha256 });
}

void MediaLibrary::uploadPending(std::function<void()> done)
{
    uploadNext(std::move(done));
}

void MediaLibrary::uploadNext(std::function<void()> done)
{
    Result<QSqlQuery> q = m_replica.database().exec(QStringLiteral(
        "SELECT sha256, mime FROM media_files WHERE state = 'pending' ORDER BY added_at, sha256 LIMIT 1"));
    if (!q || !q->next()) {
        if (!q)
            qCWarning(lcSync) << "media: cannot read the pending images:" << q.error().message;
        done();
        return;
    }
    const QString sha = q->value(0).toString();
    const QByteArray mime = q->value(1).toString().toLatin1();
    QFile file(localPath(sha));
    if (!file.open(QIODevice::ReadOnly)) {
        // The file went missing from the profile: nothing to send, ever.
        if (VoidResult r = setState(sha, QStringLiteral("refused"), Tr::tr("The image file is missing.")); !r)
            qCWarning(lcSync) << "media:" << r.error().message;
        uploadNext(std::move(done));
        return;
    }
    QPointer<MediaLibrary> self(this);
    m_session.upload(QStringLiteral("/api/v1/media"), file.readAll(), mime, [self, sha, done](ApiReply reply) {
        if (!self) {
            done();
            return;
        }
        if (reply.status == 200 || reply.status == 201) {
            if (VoidResult r = self->setState(sha, QStringLiteral("uploaded")); !r)
                qCWarning(lcSync) << "media:" << r.error().message;
        } else if (reply.status == 400 || reply.status == 413 || reply.status == 415) {
            // Refused for what it is: sending it again would be refused again.
            const QString why = reply.error ? reply.error->message : Tr::tr("The server refused the image.");
            if (VoidResult r = self->setState(sha, QStringLiteral("refused"), why); !r)
                qCWarning(lcSync) << "media:" << r.error().message;
        } else {
            qCInfo(lcSync) << "media: upload of" << sha << "waits for the next round, status" << reply.status;
            done(); // offline or failing: keep them pending, let the articles sync
            return;
        }
        self->uploadNext(done);
    });
}

void MediaLibrary::fetch(const QString &sha256, std::function<void(VoidResult)> done)
{
    if (m_fetching.contains(sha256) || !m_session.isSignedIn()) {
        done(Error::make(shared::ErrorCode::Unavailable, Tr::tr("The image is not here yet.")));
        return;
    }
    m_fetching.insert(sha256);
    QPointer<MediaLibrary> self(this);
    m_session.call(QStringLiteral("GET"), urlOf(sha256), std::nullopt, [self, sha256, done](ApiReply reply) {
        if (!self)
            return;
        self->m_fetching.remove(sha256);
        if (!reply.ok()) {
            done(reply.error.value_or(
                Error::make(shared::ErrorCode::Unavailable, Tr::tr("The image is not here yet."))));
            return;
        }
        // Only bytes that are what their name says are kept.
        const QString got
            = QString::fromLatin1(QCryptographicHash::hash(reply.body, QCryptographicHash::Sha256).toHex());
        if (got != sha256) {
            done(Error::make(shared::ErrorCode::Corrupt, Tr::tr("The image arrived damaged.")));
            return;
        }
        Result<QString> stored = self->import(reply.body);
        if (!stored) {
            done(stored.error());
            return;
        }
        if (VoidResult r = self->setState(sha256, QStringLiteral("remote")); !r) {
            done(r);
            return;
        }
        Q_EMIT self->fetched(sha256);
        done(VoidResult::success());
    });
}

} // namespace quire::desktop
