// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/revisionsessions.h"

#include "shared/contentstatus.h"
#include "shared/textdiff.h"

#include <QRegularExpression>

namespace quire::server {

namespace {

int wordsIn(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return int(text.split(space, Qt::SkipEmptyParts).size());
}

// A revision that made the row public: a publish ends the session it belongs to.
bool publishes(const QList<RevisionSessions::Revision> &revs, qsizetype i)
{
    const QString published = shared::contentStatusName(shared::ContentStatus::Published);
    return revs[i].status == published && (i == 0 || revs[i - 1].status != published);
}

} // namespace

QList<RevisionSessions::Session> RevisionSessions::group(const QList<Revision> &ascending, qint64 pauseSecs)
{
    const auto endsSession = [&](qsizetype i) {
        const Revision &r = ascending[i];
        return i + 1 == ascending.size() || ascending[i + 1].userId != r.userId
            || r.at.secsTo(ascending[i + 1].at) > pauseSecs || r.saved || publishes(ascending, i);
    };
    QList<Session> sessions;
    QString before; // the text the current session started from
    for (qsizetype i = 0; i < ascending.size(); ++i) {
        const Revision &r = ascending[i];
        if (i == 0 || endsSession(i - 1)) {
            Session s;
            s.firstRev = r.rev;
            s.startedAt = r.at;
            sessions.append(s);
        }
        Session &s = sessions.last();
        s.lastRev = r.rev;
        s.endedAt = r.at;
        ++s.revisions;
        if (!endsSession(i))
            continue;
        s.saved = r.saved;
        s.published = publishes(ascending, i);
        // Words in the lines removed and added since the session began: how
        // much it changed, whatever the number of saves inside it.
        for (const shared::TextDiff::Line &l : shared::TextDiff::lines(before, r.text)) {
            if (l.kind == shared::TextDiff::Kind::Added)
                s.wordsAdded += wordsIn(l.text);
            else if (l.kind == shared::TextDiff::Kind::Removed)
                s.wordsRemoved += wordsIn(l.text);
        }
        before = r.text;
    }
    std::reverse(sessions.begin(), sessions.end());
    return sessions;
}

} // namespace quire::server
