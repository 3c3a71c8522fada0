// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/result.h"
#include "shared/textdiff.h"

#include <QList>
#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace quire::desktop {

class AuthSession;

// One editing session of an article (the server groups the revisions that
// autosave and sync store), named by its last revision.
struct RevisionInfo
{
    qint64 rev = 0;
    qint64 firstRev = 0;
    int revisions = 1; // saves in the session
    QString startedAt;
    QString createdAt; // when the session's last revision was saved
    QString authorName;
    QString title;
    QString status;
    int words = 0;
    int wordsAdded = 0; // since the session before
    int wordsRemoved = 0;
    bool saved = false; // kept as a version on request
    bool published = false; // the session ended by publishing
    bool viaApi = false;
};

// Two revisions compared: the fields that changed and the body's lines.
struct RevisionComparison
{
    struct Field
    {
        QString name;
        QString from;
        QString to;
    };
    QList<Field> fields;
    QList<shared::TextDiff::Line> body;
};

// An article's history on the server: list, read, compare and restore
// revisions over the signed-in session. The server keeps every revision
// and decides who may see and restore; a restore is a new revision that the
// next sync brings into the replica.
class RevisionHistory final : public QObject
{
    Q_OBJECT
public:
    explicit RevisionHistory(AuthSession &session, QObject *parent = nullptr);

    void list(const QString &kind, const QString &id, std::function<void(shared::Result<QList<RevisionInfo>>)> done);
    // The article as it was at `rev` (the REST API's article fields).
    void get(const QString &kind, const QString &id, qint64 rev,
             std::function<void(shared::Result<nlohmann::json>)> done);
    void compare(const QString &kind, const QString &id, qint64 from, qint64 to,
                 std::function<void(shared::Result<RevisionComparison>)> done);
    void restore(const QString &kind, const QString &id, qint64 rev, std::function<void(shared::VoidResult)> done);
    // Keeps the article's latest revision on the server as a version: the
    // current editing session ends there.
    void saveVersion(const QString &kind, const QString &id, std::function<void(shared::VoidResult)> done);

    // /api/v1/<the kind's collection>/<id>; unknown_kind for a kind not declared.
    static shared::Result<QString> articlePath(const QString &kind, const QString &id);

private:
    AuthSession &m_session;
};

} // namespace quire::desktop
