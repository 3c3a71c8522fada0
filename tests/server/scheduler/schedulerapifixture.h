// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/server/articles/contentapifixture.h"

#include <QTest>

// What the scheduler's API tests share (tst_clientapi, tst_platformapi,
// tst_postapi): the publishing API's server and users, two creators more
// (the role the scheduler is for; the second is the stranger of the IDOR
// checks), and ways to make clients, platforms and posts.

namespace quire::test {

class SchedulerApiFixture : public ContentApiFixture
{
protected:
    QByteArray m_creator, m_stranger;

    bool startWithCreators(const ServerProcess::Options &options = {})
    {
        if (!startWithUsers(options))
            return false;
        for (const char *email : { "creator@example.org", "stranger@example.org" }) {
            if (!m_fx.createUser(QString::fromLatin1(email), QStringLiteral("creator"), kContentPassword))
                return false;
        }
        m_creator = m_fx.token(QStringLiteral("creator@example.org"), kContentPassword);
        m_stranger = m_fx.token(QStringLiteral("stranger@example.org"), kContentPassword);
        return !m_creator.isEmpty() && !m_stranger.isEmpty();
    }

    // The token of a role's user: admin, editor, author, reader, creator.
    QByteArray tokenOf(const QString &role) const
    {
        const QMap<QString, QByteArray> tokens { { QStringLiteral("admin"), m_admin },
                                                 { QStringLiteral("editor"), m_editor },
                                                 { QStringLiteral("author"), m_author },
                                                 { QStringLiteral("reader"), m_reader },
                                                 { QStringLiteral("creator"), m_creator } };
        return tokens.value(role);
    }

    HttpResult post(const QString &collection, const QByteArray &token, const nlohmann::json &body)
    {
        return m_fx.call("POST", QStringLiteral("/api/v1/") + collection, token, json(body));
    }

    // Makes a row through the API; its id, or empty (with a warning).
    QString make(const QString &collection, const QByteArray &token, const nlohmann::json &body)
    {
        const HttpResult r = post(collection, token, body);
        if (r.status != 201) {
            qWarning("POST %s: %d %s", qPrintable(collection), r.status, r.body.constData());
            return {};
        }
        return QString::fromStdString(r.json()["id"].get<std::string>());
    }

    QString makeClient(const QByteArray &token, const QString &name = QStringLiteral("Ada Creator"))
    {
        return make(QStringLiteral("clients"), token, { { "name", name.toStdString() } });
    }

    QString makePlatform(const QByteArray &token, const QString &clientId, const char *kind = "mastodon")
    {
        return make(QStringLiteral("platforms"), token,
                    { { "client_id", clientId.toStdString() },
                      { "kind", kind },
                      { "display_name", std::string("On ") + kind },
                      { "base_url", "https://social.example.org" } });
    }

    // The field names of a refusal's error.
    static QStringList errorFields(const HttpResult &r)
    {
        QStringList out;
        const nlohmann::json body = r.json();
        const nlohmann::json fields = body.contains("error") ? body["error"].value("fields", nlohmann::json::object())
                                                             : body.value("fields", nlohmann::json::object());
        for (auto it = fields.begin(); it != fields.end(); ++it)
            out << QString::fromStdString(it.key());
        return out;
    }

    static QString text(const nlohmann::json &j, const char *key)
    {
        return QString::fromStdString(j.value(key, std::string()));
    }
};

} // namespace quire::test
