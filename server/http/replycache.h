// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>

#include <string_view>

namespace quire::server {

// One worker's answers to simple requests for cached pages, assembled
// (status line and headers) and kept as they go on the wire, so a hit
// costs a hash lookup and no formatting. Keyed by what the answer depends
// on: the target, whether the client takes gzip, and its If-None-Match and
// If-Modified-Since.
// Emptied when the page cache's generation moves.
class ReplyCache
{
public:
    struct Reply
    {
        QByteArray head;
        QByteArray body; // of a GET; HEAD sends none
        int status = 0;
    };

    static QByteArray key(std::string_view target, bool gzip, std::string_view ifNoneMatch,
                          std::string_view ifModifiedSince);

    // The reply for `key` when it was made in page-cache `generation`.
    const Reply *find(const QByteArray &key, quint64 generation);
    void insert(const QByteArray &key, quint64 generation, Reply reply);

private:
    // Bounded: If-None-Match is the client's to choose.
    static constexpr qsizetype kMaxEntries = 4096;

    QHash<QByteArray, Reply> m_replies;
    quint64 m_generation = 0;
};

} // namespace quire::server
