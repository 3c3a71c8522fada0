// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QReadWriteLock>
#include <QString>

#include <atomic>
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
    // Fills in `page`'s ETag and gzip form and returns it; stores it unless
    // the cache was emptied since `readAt` (its generation() before the
    // page's content was read), when the page may already be out of date.
    Page insert(const QString &key, Page page, quint64 readAt);
    void clear();
    // Moves whenever the cache is emptied (content changed), so that pages
    // rendered from older content, and copies made from its pages (the
    // workers' assembled answers), know they may be out of date.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    static QByteArray gzip(const QByteArray &data);

private:
    static constexpr qsizetype kMaxEntries = 10'000;

    mutable QReadWriteLock m_lock;
    QHash<QString, Page> m_pages;
    std::atomic<quint64> m_generation { 0 };
};

} // namespace quire::server
