// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace quire::desktop {

class AuthSession;
class Replica;

// The profile's images: what the user pasted, dropped or chose, kept under
// <profile>/media/<2 hex>/<sha256> and listed in the replica (media_files).
// New ones are "pending" until a sync round uploads them, before the
// articles that show them are pushed; images other replicas uploaded are
// fetched from the server when an article needs them. Articles refer to an
// image as /media/<sha256>, the same address the readers' site serves.
class MediaLibrary final : public QObject
{
    Q_OBJECT
public:
    MediaLibrary(Replica &replica, AuthSession &session, const QString &profileDir, QObject *parent = nullptr);

    // Checks and stores an image; its sha256. Bad files are refused with a
    // translated reason, and nothing is kept.
    shared::Result<QString> import(const QByteArray &bytes);
    shared::Result<QString> importFile(const QString &path);

    // The local file of an image address or hash; empty while it is not
    // here (a fetch from the server is then started).
    QString resolve(const QString &urlOrSha);
    QString localPath(const QString &sha256) const;
    shared::Result<int> pendingCount();

    // Uploads the pending images one after the other, then calls `done`
    // (also when the server cannot be reached: they stay pending).
    void uploadPending(std::function<void()> done);
    void fetch(const QString &sha256, std::function<void(shared::VoidResult)> done);

    static QString urlOf(const QString &sha256);
    // The hash of a /media/<sha256> address, or empty.
    static QString shaOf(const QString &url);
    static constexpr qint64 kMaxBytes = 10 * 1024 * 1024; // the server's default limit

Q_SIGNALS:
    void fetched(const QString &sha256);

private:
    void uploadNext(std::function<void()> done);
    shared::VoidResult setState(const QString &sha256, const QString &state, const QString &reason = QString());

    Replica &m_replica;
    AuthSession &m_session;
    QString m_dir;
    QSet<QString> m_fetching;
};

} // namespace quire::desktop
