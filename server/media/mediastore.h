// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace quire::shared {
class Database;
}

namespace quire::server {

// An uploaded image as recorded.
struct MediaRecord
{
    QString sha256;
    QString mime;
    qint64 size = 0;
    int width = 0;
    int height = 0;
    QString createdAt;
};

// Which images a listing shows: every one, or those `userId` uploaded and
// those the articles they may see use (as cover or in the body).
struct MediaScope
{
    bool all = false;
    QString userId;
};

// Uploaded images, named by the SHA-256 of their bytes, so the same image
// uploaded twice is stored once and its address never changes. The bytes
// live under the media directory (DATA_DIR/media unless --media-dir says
// otherwise)/<first two hex>/<sha256>, written to a
// temporary file and renamed, so a crash never leaves half an image under a
// real name; the database row is written after the file.
class MediaStore
{
public:
    MediaStore(shared::Database &db, QString mediaDir);

    // Stores `bytes` (already checked by the caller) and says whether they
    // were new.
    shared::Result<std::pair<MediaRecord, bool>> put(const QByteArray &bytes, const QString &mime, int width,
                                                     int height, const QString &uploadedBy);
    shared::Result<std::optional<MediaRecord>> find(const QString &sha256);
    shared::Result<QList<MediaRecord>> list(const MediaScope &scope, int limit, int offset, qint64 &total);
    QString pathOf(const QString &sha256) const;

    static bool isName(const QString &text); // 64 lower-case hex digits

private:
    shared::Database &m_db;
    QString m_dir;
};

} // namespace quire::server
