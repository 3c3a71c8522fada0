// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/server/accounts/accountfixture.h"
#include "tests/support/jsoncompare.h"

#include <QObject>
#include <QString>

// What the publishing API's tests share (tst_contentapi, tst_revisionapi,
// tst_siteapi): a real quire-server with an admin, an editor, two authors
// and a reader signed in, and a way to make an article.

namespace quire::test {

inline const QString kContentPassword = QStringLiteral("correct horse battery staple 42");

inline QByteArray json(const nlohmann::json &j)
{
    return QByteArray::fromStdString(j.dump());
}

// The base of each test class: its server and its users' tokens.
class ContentApiFixture : public QObject
{
protected:
    AccountFixture m_fx;
    QByteArray m_admin, m_editor, m_author, m_other, m_reader;

    // Starts the server and signs every user in; false (with a warning) when that fails.
    bool startWithUsers(const ServerProcess::Options &options = {})
    {
        if (!m_fx.start(options))
            return false;
        const QList<QPair<QString, QString>> users { { QStringLiteral("admin@example.org"), QStringLiteral("admin") },
                                                     { QStringLiteral("editor@example.org"), QStringLiteral("editor") },
                                                     { QStringLiteral("author@example.org"), QStringLiteral("author") },
                                                     { QStringLiteral("other@example.org"), QStringLiteral("author") },
                                                     { QStringLiteral("reader@example.org"),
                                                       QStringLiteral("reader") } };
        for (const auto &[email, role] : users) {
            if (!m_fx.createUser(email, role, kContentPassword))
                return false;
        }
        m_admin = m_fx.token(QStringLiteral("admin@example.org"), kContentPassword);
        m_editor = m_fx.token(QStringLiteral("editor@example.org"), kContentPassword);
        m_author = m_fx.token(QStringLiteral("author@example.org"), kContentPassword);
        m_other = m_fx.token(QStringLiteral("other@example.org"), kContentPassword);
        m_reader = m_fx.token(QStringLiteral("reader@example.org"), kContentPassword);
        return !m_admin.isEmpty() && !m_editor.isEmpty() && !m_author.isEmpty() && !m_other.isEmpty()
            && !m_reader.isEmpty();
    }

    QString createArticle(const QByteArray &token, const nlohmann::json &fields,
                          const QString &collection = QStringLiteral("guides"))
    {
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/") + collection, token, json(fields));
        if (r.status != 201) {
            qWarning("create: %d %s", r.status, r.body.constData());
            return {};
        }
        return QString::fromStdString(r.json()["id"].get<std::string>());
    }
};

} // namespace quire::test
