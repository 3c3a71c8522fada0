// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/server/prompts/promptapifixture.h"

// What the group API's tests share (tst_groupapi, tst_groupshareapi): the
// prompt library's server and users, and ways to make groups, add prompts
// and read a group's order.

namespace quire::test {

class GroupApiFixture : public PromptApiFixture
{
protected:
    // The user id of a role's account (admin, editor, author, other, reader).
    QString userIdOf(const QString &who)
    {
        const HttpResult r = m_fx.login(who + QStringLiteral("@example.org"), kContentPassword);
        return r.status == 200 ? QString::fromStdString(r.json()["user"]["id"].get<std::string>()) : QString();
    }

    QString createGroup(const QByteArray &token, const QString &name)
    {
        const HttpResult r
            = m_fx.call("POST", QStringLiteral("/api/v1/groups"), token, json({ { "name", name.toStdString() } }));
        if (r.status != 201) {
            qWarning("create group: %d %s", r.status, r.body.constData());
            return {};
        }
        return QString::fromStdString(r.json()["id"].get<std::string>());
    }

    // A prompt with `versions` versions (the first made with it, the others by edits).
    QString promptWithVersions(const QByteArray &token, const QString &title, int versions = 1)
    {
        // Names are unique per owner; titles may repeat.
        const std::string name = QStringLiteral("prompt-%1").arg(++m_promptCount).toStdString();
        const QString id
            = createPrompt(token, { { "title", title.toStdString() }, { "name", name }, { "content", "v1" } });
        for (int v = 2; v <= versions && !id.isEmpty(); ++v) {
            const HttpResult r = m_fx.call("PUT", QStringLiteral("/api/v1/prompts/") + id, token,
                                           json({ { "content", QStringLiteral("v%1").arg(v).toStdString() } }));
            if (r.status != 200)
                qWarning("edit prompt: %d %s", r.status, r.body.constData());
        }
        return id;
    }

    HttpResult addMember(const QByteArray &token, const QString &groupId, const QString &promptId,
                         nlohmann::json extra = nlohmann::json::object())
    {
        extra["prompt_id"] = promptId.toStdString();
        return m_fx.call("POST", membersPath(groupId), token, json(extra));
    }

    HttpResult reorder(const QByteArray &token, const QString &groupId, const QStringList &promptIds,
                       const QString &etag = {})
    {
        nlohmann::json body { { "prompt_ids", nlohmann::json::array() } };
        for (const QString &id : promptIds)
            body["prompt_ids"].push_back(id.toStdString());
        if (!etag.isEmpty())
            body["order_etag"] = etag.toStdString();
        return m_fx.call("PUT", groupPath(groupId) + QStringLiteral("/reorder"), token, json(body));
    }

    // The group's prompt ids in their order (empty when it cannot be read).
    static QStringList order(const nlohmann::json &group)
    {
        QStringList ids;
        for (const nlohmann::json &m : group.value("members", nlohmann::json::array()))
            ids << QString::fromStdString(m["prompt_id"].get<std::string>());
        return ids;
    }

    static QStringList positions(const nlohmann::json &group)
    {
        QStringList keys;
        for (const nlohmann::json &m : group.value("members", nlohmann::json::array()))
            keys << QString::fromStdString(m["position"].get<std::string>());
        return keys;
    }

    // Whether every position is greater than the one before (no two members share a place).
    static bool strictlyAscending(const QStringList &keys)
    {
        for (qsizetype i = 1; i < keys.size(); ++i) {
            if (!(keys.at(i - 1) < keys.at(i)))
                return false;
        }
        return true;
    }

    int m_promptCount = 0; // made so far, for their names

    static QString groupPath(const QString &groupId) { return QStringLiteral("/api/v1/groups/") + groupId; }
    static QString membersPath(const QString &groupId) { return groupPath(groupId) + QStringLiteral("/prompts"); }
};

} // namespace quire::test
