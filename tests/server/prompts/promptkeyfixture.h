// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/prompttables.h"
#include "shared/uuid.h"
#include "tests/server/accounts/accountfixture.h"
#include "tests/support/jsoncompare.h"

#include <nlohmann/json.hpp>

namespace quire::test {

// A running server with signed-in users, prompts, versions and labels made
// through a replica's push (the synced write path), and personal API keys.
class PromptKeyFixture : public AccountFixture
{
public:
    using json = nlohmann::json;

    static QByteArray body(const json &j) { return QByteArray::fromStdString(j.dump()); }

    // Signs `email` up as an author and keeps the access token under `who`.
    bool addUser(const QString &who, const QString &role = QStringLiteral("author"))
    {
        const QString email = who + QStringLiteral("@example.org");
        const QString password = QStringLiteral("a long enough passphrase");
        if (!createUser(email, role, password))
            return false;
        m_tokens.insert(who, token(email, password));
        return !m_tokens.value(who).isEmpty();
    }
    QByteArray tokenOf(const QString &who) const { return m_tokens.value(who); }

    // A replica's push of one upsert as `who`; the row's id (empty when refused).
    QString push(const QString &who, const QString &table, const json &fields, QString rowId = {})
    {
        if (rowId.isEmpty())
            rowId = shared::Uuid::createV7();
        const HttpResult r = pushUpsert(tokenOf(who), table, rowId, fields);
        if (r.status != 200 || r.json()["results"][0]["outcome"] == "rejected") {
            qWarning("push refused: %s", r.body.constData());
            return {};
        }
        return rowId;
    }

    QString prompt(const QString &who, const QString &name, const QString &content)
    {
        return push(
            who, quire::shared::promptsTable(),
            { { "title", name.toStdString() }, { "name", name.toStdString() }, { "content", content.toStdString() } });
    }
    QString version(const QString &who, const QString &promptId, const QString &content, const json &more = {})
    {
        json fields { { "prompt_id", promptId.toStdString() }, { "content", content.toStdString() } };
        if (more.is_object())
            fields.update(more);
        return push(who, quire::shared::promptVersionsTable(), fields);
    }
    // Sets (or, with the label's row id, moves) a label.
    QString label(const QString &who, const QString &promptId, const QString &name, const QString &versionId,
                  const QString &labelId = {})
    {
        return push(who, quire::shared::promptLabelsTable(),
                    { { "prompt_id", promptId.toStdString() },
                      { "name", name.toStdString() },
                      { "version_id", versionId.toStdString() } },
                    labelId);
    }

    // A new API key of `who`: the answer to its creation.
    HttpResult createKey(const QString &who, const QString &name, const QStringList &scopes)
    {
        json list = json::array();
        for (const QString &s : scopes)
            list.push_back(s.toStdString());
        return call("POST", QStringLiteral("/api/v1/users/me/api-keys"), tokenOf(who),
                    body({ { "name", name.toStdString() }, { "scopes", list } }));
    }
    // The key text of a new key of `who` (empty on failure).
    QByteArray newKey(const QString &who, const QString &name, const QStringList &scopes)
    {
        const HttpResult r = createKey(who, name, scopes);
        return r.status == 201 ? QByteArray::fromStdString(r.json()["key"].get<std::string>()) : QByteArray();
    }

    HttpResult fetch(const QByteArray &key, const QString &name, const QString &query = {})
    {
        return call("GET",
                    QStringLiteral("/api/v1/prompts/by-name/") + name
                        + (query.isEmpty() ? QString() : QLatin1Char('?') + query),
                    key);
    }

private:
    QHash<QString, QByteArray> m_tokens;
};

} // namespace quire::test
