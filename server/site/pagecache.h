// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QReadWriteLock>
#include <QString>

#include <optional>

namespace quire::server {

// Rendered readers' pages, shared by every worker thread and emptied
// whenever synced content changes (cheap: pages are re-rendered on the next
// request). Each entry keeps its gzip form and validators, so a hit costs a
// hash lookup and one write.
class PageCache
{
public:
    struct Page
    {
        int status = 200;
        QByteArray body;
        QByteArray gzipped;
        QByteArray etag; // quoted, strong
        QByteArray lastModified; // HTTP date, may be empty
        QByteArray location; // for redirects
        QByteArray contentType = "text/html; charset=utf-8";
    };

    std::optional<Page> find(const QString &key) const;
    // Stores `page` with its ETag and gzip form filled in and returns it.
    Page insert(const QString &key, Page page);
    void clear();

    static QByteArray gzip(const QByteArray &data);
    static QByteArray httpDate(const QDateTime &time);

private:
    static constexpr qsizetype kMaxEntries = 10'000;

    mutable QReadWriteLock m_lock;
    QHash<QString, Page> m_pages;
};

} // namespace quire::server
