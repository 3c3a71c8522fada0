// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/collections/revisionsessions.h"

#include "shared/contentstatus.h"
#include "shared/sequencealignment.h"
#include "shared/textdiff.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <span>

namespace quire::server {

namespace {

QStringList wordsOf(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.split(space, Qt::SkipEmptyParts);
}

// Words removed from and added to one run of changed lines: those of one
// side the other side does not keep, aligned word by word, so that "two"
// changed to "2" in a long line counts one word each way, not the line.
void countHunk(const QStringList &removed, const QStringList &added, RevisionSessions::Session &s)
{
    const shared::SequenceAlignment aligned = shared::SequenceAlignment::align<QString>(
        std::span<const QString>(removed.cbegin(), removed.cend()),
        std::span<const QString>(added.cbegin(), added.cend()), shared::SequenceAlignment::Fallback::Greedy);
    const auto kept = qsizetype(
        std::count_if(aligned.match.cbegin(), aligned.match.cend(), [](qsizetype partner) { return partner >= 0; }));
    s.wordsRemoved += int(removed.size() - kept);
    s.wordsAdded += int(added.size() - kept);
}

// Words added and removed from `before` to `after`: the line diff finds the
// changed runs of lines (a small alignment each), the words inside them count.
void countWords(const QString &before, const QString &after, RevisionSessions::Session &s)
{
    QStringList removed, added;
    for (const shared::TextDiff::Line &l : shared::TextDiff::lines(before, after)) {
        if (l.kind == shared::TextDiff::Kind::Same) {
            countHunk(removed, added, s);
            removed.clear();
            added.clear();
        } else {
            (l.kind == shared::TextDiff::Kind::Added ? added : removed) += wordsOf(l.text);
        }
    }
    countHunk(removed, added, s);
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
        // Words removed and added since the session began: how much it
        // changed, whatever the number of saves inside it.
        countWords(before, r.text, s);
        before = r.text;
    }
    std::reverse(sessions.begin(), sessions.end());
    return sessions;
}

} // namespace quire::server
