// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace quire::server {

// Groups a row's stored revisions into editing sessions for the history
// list: autosave and sync store a revision every few seconds, which no one
// wants to browse. Every revision stays stored (three-way merges read them);
// only the listing groups.
class RevisionSessions
{
public:
    // One stored revision, as far as grouping needs it.
    struct Revision
    {
        qint64 rev = 0;
        QDateTime at;
        QString userId;
        QString status; // the row's status column, empty where it has none
        QString text; // the row's Markdown text, for how much changed
        bool saved = false; // someone asked to keep this as a version
    };

    // A run of revisions by one person without a long pause, ended by a
    // publish or an explicit "Save version". `last` names it in the API (its
    // revision is the one shown, compared and restored).
    struct Session
    {
        qint64 firstRev = 0;
        qint64 lastRev = 0;
        QDateTime startedAt;
        QDateTime endedAt;
        int revisions = 0;
        // Words added and removed against the previous session's last
        // revision, by a word diff of the changed lines.
        int wordsAdded = 0;
        int wordsRemoved = 0;
        bool saved = false;
        bool published = false;
    };

    // The pause after which the next revision starts a new session.
    static constexpr qint64 kDefaultPauseSecs = 10 * 60;

    // `ascending` oldest first; the sessions come newest first.
    static QList<Session> group(const QList<Revision> &ascending, qint64 pauseSecs = kDefaultPauseSecs);
};

} // namespace quire::server
