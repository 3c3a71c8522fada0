// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/media/mediastore.h"

#include "shared/clock.h"
#include "shared/contentstatus.h"
#include "shared/database.h"
#include "shared/sqldialect.h"
#include "shared/synctable.h"
#include "shared/timestamp.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlQuery>
#include <QVariant>

namespace quire::server {

using shared::Error;
using shared::Result;

namespace {

MediaRecord read(const QSqlQuery &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
             q.value(3).toInt(),    q.value(4).toInt(),    q.value(5).toString() };
}

} // namespace

MediaStore::MediaStore(shared::Database &db, QString mediaDir)
    : m_db(db)
    , m_dir(std::move(mediaDir))
{ }

bool MediaStore::isName(const QString &text)
{
    static const QRegularExpression name(QStringLiteral("^[0-9a-f]{64}$"));
    return name.match(text).hasMatch();
}

QString MediaStore::pathOf(const QString &sha256) const
{
    return m_dir + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

Result<std::pair<MediaRecord, bool>> MediaStore::put(const QByteArray &bytes, const QString &mime, int width,
                                                     int height, const QString &uploadedBy)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    Result<std::optional<MediaRecord>> existing = find(sha);
    if (!existing)
        return existing.error();
    if (*existing && QFile::exists(pathOf(sha)))
        return std::pair(**existing, false);
    const QString path = pathOf(sha);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::make(shared::ErrorCode::StorageFailed, QStringLiteral("Cannot create the media folder."));
    QSaveFile file(path); // a temporary file, flushed and renamed on commit
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error::make(shared::ErrorCode::StorageFailed,
                           QStringLiteral("Cannot store the image: %1").arg(file.errorString()));
    const QString now = shared::Timestamp::format(shared::Clock::instance().now());
    if (shared::VoidResult r = m_db.run(QStringLiteral("INSERT INTO media(sha256, mime, size, width, height, "
                                                       "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                                       "ON CONFLICT(sha256) DO NOTHING"),
                                        { sha, mime, qint64(bytes.size()), width, height, uploadedBy, now });
        !r)
        return r.error();
    Result<std::optional<MediaRecord>> stored = find(sha);
    if (!stored)
        return stored.error();
    if (!*stored)
        return Error::make(shared::ErrorCode::StorageFailed, QStringLiteral("The image record was not written."));
    return std::pair(**stored, !*existing);
}

Result<std::optional<MediaRecord>> MediaStore::find(const QString &sha256)
{
    Result<QSqlQuery> q = m_db.exec(
        QStringLiteral("SELECT sha256, mime, size, width, height, created_at FROM media WHERE sha256 = ?"), { sha256 });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<MediaRecord>();
    return std::optional(read(*q));
}

Result<QList<MediaRecord>> MediaStore::list(const MediaScope &scope, int limit, int offset, qint64 &total)
{
    QString where = QStringLiteral("1 = 1");
    QVariantList binds;
    if (!scope.all) {
        // An article shows an image by its address, /media/<sha256>, in the
        // body or as its cover. The articles one may see are one's own and
        // the published ones (ArticleAccess); the published are many, so their
        // bodies are asked through the search index (which holds the
        // hash as one word) and their covers read once. No
        // colon in this SQL: Qt would take `body:` for a named placeholder.
        const shared::SqlDialect &sql = m_db.dialect();
        const shared::SyncTable &articles = *shared::SyncSchema::find(QStringLiteral("articles"));
        where = QStringLiteral("(m.uploaded_by = ? "
                               "OR EXISTS (SELECT 1 FROM articles g WHERE g.owner_id = ? AND g.deleted = 0 "
                               "AND (g.cover = '/media/' || m.sha256 OR %1)) "
                               "OR m.sha256 IN (SELECT substr(cover, 8) FROM articles WHERE status = ? AND deleted = 0 "
                               "AND cover LIKE '/media/%') "
                               "OR EXISTS (SELECT 1 FROM articles g WHERE %2 AND g.status = ? AND g.deleted = 0))")
                    .arg(sql.containsText(QStringLiteral("g.body"), QStringLiteral("'/media/' || m.sha256")),
                         sql.fullTextHasWord(articles, QStringLiteral("g"), QStringLiteral("m.sha256")));
        binds << scope.userId << scope.userId << shared::contentStatusName(shared::ContentStatus::Published)
              << shared::contentStatusName(shared::ContentStatus::Published);
    }
    Result<QVariant> count = m_db.scalar(QStringLiteral("SELECT count(*) FROM media m WHERE ") + where, binds);
    if (!count)
        return count.error();
    total = count->toLongLong();
    Result<QSqlQuery> q
        = m_db.exec(QStringLiteral("SELECT sha256, mime, size, width, height, created_at FROM media m WHERE ") + where
                        + QStringLiteral(" ORDER BY created_at DESC, sha256 LIMIT ? OFFSET ?"),
                    binds + QVariantList { limit, offset });
    if (!q)
        return q.error();
    QList<MediaRecord> out;
    while (q->next())
        out.append(read(*q));
    return out;
}

} // namespace quire::server
