// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace quire::server {

// Tells every worker thread that synced data changed, so each can notify
// the live sockets it holds. Emitted from the worker that committed; the
// receivers sit in other threads, so Qt queues the signal to each of them.
class ChangeFeed final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void publish(qint64 seq) { Q_EMIT changed(seq); }

Q_SIGNALS:
    void changed(qint64 seq);
};

} // namespace quire::server
