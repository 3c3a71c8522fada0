// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/promptbranchmerge.h"

#include "shared/markdownmerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace quire::shared {

namespace {

const QString kContent = QStringLiteral("content");
const QString kMessages = QStringLiteral("messages");

// One side's change of a plain value: taken when only one side changed it.
std::optional<QString> mergeSetting(const QString &base, const QString &ours, const QString &theirs)
{
    if (ours == theirs || theirs == base)
        return ours;
    if (ours == base)
        return theirs;
    return std::nullopt;
}

std::optional<QString> mergeText(const QString &base, const QString &ours, const QString &theirs, QString &reason)
{
    if (const std::optional<QString> plain = mergeSetting(base, ours, theirs))
        return plain;
    const MarkdownMerge m = MarkdownMerge::merge(base, ours, theirs);
    if (m.clean)
        return m.text;
    reason = m.reason;
    return std::nullopt;
}

// A stored message list; an empty text is the empty list, anything unreadable nullopt.
std::optional<QJsonArray> messageList(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QJsonArray();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    return doc.array();
}

std::optional<QString> mergeMessages(const QString &base, const QString &ours, const QString &theirs, QString &reason)
{
    if (const std::optional<QString> plain = mergeSetting(base, ours, theirs))
        return plain;
    const std::optional<QJsonArray> b = messageList(base);
    const std::optional<QJsonArray> o = messageList(ours);
    const std::optional<QJsonArray> t = messageList(theirs);
    if (!b || !o || !t) {
        reason = QStringLiteral("a message list is not readable");
        return std::nullopt;
    }
    if (b->size() != o->size() || b->size() != t->size()) {
        reason = QStringLiteral("both sides changed the messages and not all have the same number");
        return std::nullopt;
    }
    QJsonArray merged;
    for (qsizetype i = 0; i < b->size(); ++i) {
        const QJsonObject bm = b->at(i).toObject();
        const QJsonObject om = o->at(i).toObject();
        const QJsonObject tm = t->at(i).toObject();
        const std::optional<QString> role
            = mergeSetting(bm.value(QStringLiteral("role")).toString(), om.value(QStringLiteral("role")).toString(),
                           tm.value(QStringLiteral("role")).toString());
        QString why;
        const std::optional<QString> text = mergeText(bm.value(kContent).toString(), om.value(kContent).toString(),
                                                      tm.value(kContent).toString(), why);
        if (!role || !text) {
            reason = QStringLiteral("both sides changed message %1 (%2)")
                         .arg(i + 1)
                         .arg(role ? why : QStringLiteral("its role"));
            return std::nullopt;
        }
        merged.append(QJsonObject { { QStringLiteral("role"), *role }, { kContent, *text } });
    }
    return QString::fromUtf8(QJsonDocument(merged).toJson(QJsonDocument::Compact));
}

} // namespace

const QStringList &PromptBranchMerge::columns()
{
    static const QStringList c {
        QStringLiteral("kind"),      kContent, kMessages, QStringLiteral("model"), QStringLiteral("temperature"),
        QStringLiteral("max_tokens")
    };
    return c;
}

PromptBranchMerge PromptBranchMerge::merge(const QMap<QString, QString> &base, const QMap<QString, QString> &ours,
                                           const QMap<QString, QString> &theirs)
{
    PromptBranchMerge out;
    for (const QString &column : columns()) {
        const QString b = base.value(column);
        const QString o = ours.value(column);
        const QString t = theirs.value(column);
        QString reason;
        std::optional<QString> merged;
        if (column == kContent)
            merged = mergeText(b, o, t, reason);
        else if (column == kMessages)
            merged = mergeMessages(b, o, t, reason);
        else
            merged = mergeSetting(b, o, t);
        if (merged) {
            out.values.insert(column, *merged);
            continue;
        }
        out.values.insert(column, o);
        out.clashes << Clash { column, b, o, t,
                               reason.isEmpty() ? QStringLiteral("both sides changed it differently") : reason };
    }
    out.clean = out.clashes.isEmpty();
    return out;
}

} // namespace quire::shared
