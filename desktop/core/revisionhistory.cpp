// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/revisionhistory.h"

#include "desktop/core/authsession.h"
#include "desktop/core/tr.h"
#include "shared/articlekind.h"
#include "shared/utf8.h"

namespace quire::desktop {

using shared::Error;
using shared::Result;

namespace {

Error failure(const ApiReply &reply)
{
    if (reply.status == 0)
        return Error::make(shared::ErrorCode::Offline, Tr::tr("The history is kept on the server; connect to see it."));
    if (reply.status == 404)
        return Error::make(shared::ErrorCode::NotFound,
                           Tr::tr("The server has no history for this article yet. It appears after the first sync."));
    return reply.error.value_or(Error::make(shared::ErrorCode::Failed, Tr::tr("The server could not answer.")));
}

QString text(const nlohmann::json &j)
{
    if (j.is_string())
        return shared::Utf8::decode(j.get_ref<const std::string &>());
    return j.is_null() ? QString() : QString::fromStdString(j.dump());
}

} // namespace

RevisionHistory::RevisionHistory(AuthSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

Result<QString> RevisionHistory::articlePath(const QString &kind, const QString &id)
{
    const std::optional<shared::ArticleKind> known = shared::articleKindFromName(kind);
    if (!known)
        return Error::make(shared::ErrorCode::UnknownKind, Tr::tr("There is no article kind %1.").arg(kind));
    return shared::articleKindApiPath(*known) + QLatin1Char('/') + id;
}

void RevisionHistory::list(const QString &kind, const QString &id,
                           std::function<void(Result<QList<RevisionInfo>>)> done)
{
    const Result<QString> path = articlePath(kind, id);
    if (!path)
        return done(path.error());
    m_session.call(
        QStringLiteral("GET"), *path + QStringLiteral("/revisions"), std::nullopt, [done](const ApiReply &reply) {
            if (!reply.ok()) {
                done(failure(reply));
                return;
            }
            QList<RevisionInfo> out;
            for (const auto &r : reply.json.value("items", nlohmann::json::array())) {
                RevisionInfo info;
                info.rev = r.value("rev", qint64(0));
                info.firstRev = r.value("first_rev", info.rev);
                info.revisions = r.value("revisions", 1);
                info.startedAt = text(r.value("started_at", nlohmann::json()));
                info.createdAt = text(r.value("created_at", nlohmann::json()));
                info.authorName = text(r.value("author", nlohmann::json::object()).value("name", nlohmann::json()));
                info.title = text(r.value("title", nlohmann::json()));
                info.status = text(r.value("status", nlohmann::json()));
                info.words = r.value("words", 0);
                info.wordsAdded = r.value("words_added", 0);
                info.wordsRemoved = r.value("words_removed", 0);
                info.saved = r.value("saved", false);
                info.published = r.value("published", false);
                info.viaApi = r.value("via", std::string()) == "api";
                out << info;
            }
            done(out);
        });
}

void RevisionHistory::get(const QString &kind, const QString &id, qint64 rev,
                          std::function<void(Result<nlohmann::json>)> done)
{
    const Result<QString> path = articlePath(kind, id);
    if (!path)
        return done(path.error());
    m_session.call(QStringLiteral("GET"), *path + QStringLiteral("/revisions/%1").arg(rev), std::nullopt,
                   [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       done(reply.json.value("article", nlohmann::json::object()));
                   });
}

void RevisionHistory::compare(const QString &kind, const QString &id, qint64 from, qint64 to,
                              std::function<void(Result<RevisionComparison>)> done)
{
    const Result<QString> path = articlePath(kind, id);
    if (!path)
        return done(path.error());
    m_session.call(QStringLiteral("GET"), *path + QStringLiteral("/revisions/compare?from=%1&to=%2").arg(from).arg(to),
                   std::nullopt, [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       RevisionComparison c;
                       for (const auto &f : reply.json.value("fields", nlohmann::json::array()))
                           c.fields.append({ text(f.value("field", nlohmann::json())),
                                             text(f.value("from", nlohmann::json())),
                                             text(f.value("to", nlohmann::json())) });
                       for (const auto &l : reply.json.value("body", nlohmann::json::array())) {
                           const std::string op = l.value("op", std::string());
                           c.body.append({ op == "added"         ? shared::TextDiff::Kind::Added
                                               : op == "removed" ? shared::TextDiff::Kind::Removed
                                                                 : shared::TextDiff::Kind::Same,
                                           text(l.value("text", nlohmann::json())) });
                       }
                       done(c);
                   });
}

void RevisionHistory::restore(const QString &kind, const QString &id, qint64 rev,
                              std::function<void(shared::VoidResult)> done)
{
    const Result<QString> path = articlePath(kind, id);
    if (!path)
        return done(path.error());
    m_session.call(QStringLiteral("POST"), *path + QStringLiteral("/revisions/%1/restore").arg(rev), std::nullopt,
                   [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       done(shared::VoidResult::success());
                   });
}

void RevisionHistory::saveVersion(const QString &kind, const QString &id, std::function<void(shared::VoidResult)> done)
{
    const Result<QString> path = articlePath(kind, id);
    if (!path)
        return done(path.error());
    m_session.call(QStringLiteral("POST"), *path + QStringLiteral("/revisions/save"), std::nullopt,
                   [done](const ApiReply &reply) {
                       if (!reply.ok()) {
                           done(failure(reply));
                           return;
                       }
                       done(shared::VoidResult::success());
                   });
}

} // namespace quire::desktop
