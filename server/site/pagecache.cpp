// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/site/pagecache.h"

#include <QCryptographicHash>

#include <zlib.h>

namespace quire::server {

std::optional<PageCache::Page> PageCache::find(const QString &key) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_pages.constFind(key);
    if (it == m_pages.constEnd())
        return std::nullopt;
    return *it;
}

PageCache::Page PageCache::insert(const QString &key, Page page, quint64 readAt)
{
    page.etag = '"' + QCryptographicHash::hash(page.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    if (page.body.size() > 256)
        page.gzipped = gzip(page.body);
    QWriteLocker locker(&m_lock);
    if (m_generation.load(std::memory_order_relaxed) != readAt)
        return page; // content changed while this page was rendered
    if (m_pages.size() >= kMaxEntries)
        m_pages.clear(); // crude, but a cache, and bounded; no content changed
    m_pages.insert(key, page);
    return page;
}

void PageCache::clear()
{
    QWriteLocker locker(&m_lock);
    m_pages.clear();
    m_generation.fetch_add(1, std::memory_order_release);
}

QByteArray PageCache::gzip(const QByteArray &data)
{
    z_stream stream {};
    // 15 + 16: a gzip header and trailer, which is what Content-Encoding: gzip means.
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.resize(qsizetype(stream.total_out));
    return out;
}

} // namespace quire::server
