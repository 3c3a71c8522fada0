// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/prompts/memberorder.h"

#include "shared/fractionalposition.h"

#include <QHash>

#include <algorithm>

namespace quire::server::MemberOrder {

namespace {

// The indexes of `keys` (empty: not usable) forming the longest strictly
// ascending subsequence.
QList<qsizetype> longestAscending(const QStringList &keys)
{
    QList<qsizetype> tails; // tails[k]: index ending the best run of length k + 1
    QList<qsizetype> before(keys.size(), -1);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (keys.at(i).isEmpty())
            continue;
        const auto at = std::lower_bound(tails.begin(), tails.end(), i,
                                         [&](qsizetype t, qsizetype k) { return keys.at(t) < keys.at(k); });
        const qsizetype length = at - tails.begin();
        before[i] = length > 0 ? tails.at(length - 1) : -1;
        if (at == tails.end())
            tails << i;
        else
            *at = i;
    }
    QList<qsizetype> run;
    for (qsizetype i = tails.isEmpty() ? -1 : tails.last(); i >= 0; i = before.at(i))
        run.prepend(i);
    return run;
}

} // namespace

shared::Result<QList<Move>> plan(const QList<QPair<QString, QString>> &current, const QStringList &wanted)
{
    QHash<QString, QString> positions;
    for (const auto &[id, position] : current)
        positions.insert(id, shared::FractionalPosition::isValid(position) ? position : QString());
    QStringList keys;
    for (const QString &id : wanted)
        keys << positions.value(id);
    QList<bool> kept(wanted.size(), false);
    for (qsizetype i : longestAscending(keys))
        kept[i] = true;

    QList<Move> moves;
    QString previous; // the key of the last kept member; empty: the start
    for (qsizetype i = 0; i < wanted.size();) {
        if (kept.at(i)) {
            previous = keys.at(i);
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < wanted.size() && !kept.at(end))
            ++end;
        const QString next = end < wanted.size() ? keys.at(end) : QString();
        shared::Result<QStringList> fresh = shared::FractionalPosition::spread(int(end - i), previous, next);
        if (!fresh)
            return fresh.error();
        for (qsizetype k = i; k < end; ++k)
            moves << Move { wanted.at(k), fresh->at(k - i) };
        i = end;
    }
    return moves;
}

} // namespace quire::server::MemberOrder
