// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/server/articles/contentapifixture.h"

#include <QUrlQuery>

// What the prompt library's API tests share (tst_promptapi,
// tst_promptversionapi, tst_promptrenderapi): the publishing API's server
// and users (admin, editor, two authors, a reader) and ways to make and
// read prompts.

namespace quire::test {

class PromptApiFixture : public ContentApiFixture
{
protected:
    // The token of a role's user: admin, editor, author, other (a second author), reader.
    QByteArray tokenOf(const QString &who) const
    {
        const QMap<QString, QByteArray> tokens { { QStringLiteral("admin"), m_admin },
                                                 { QStringLiteral("editor"), m_editor },
                                                 { QStringLiteral("author"), m_author },
                                                 { QStringLiteral("other"), m_other },
                                                 { QStringLiteral("reader"), m_reader } };
        return tokens.value(who);
    }

    // Creates a prompt; its id, or empty (with a warning).
    QString createPrompt(const QByteArray &token, const nlohmann::json &fields)
    {
        const HttpResult r = m_fx.call("POST", QStringLiteral("/api/v1/prompts"), token, json(fields));
        if (r.status != 201) {
            qWarning("create prompt: %d %s", r.status, r.body.constData());
            return {};
        }
        return QString::fromStdString(r.json()["id"].get<std::string>());
    }

    nlohmann::json getJson(const QString &path, const QByteArray &token)
    {
        const HttpResult r = m_fx.call("GET", path, token);
        if (r.status != 200)
            qWarning("GET %s: %d %s", qPrintable(path), r.status, r.body.constData());
        return r.status == 200 ? r.json() : nlohmann::json();
    }

    static QStringList strings(std::initializer_list<const char *> items)
    {
        QStringList out;
        for (const char *i : items)
            out << QString::fromUtf8(i);
        return out;
    }

    // The titles of a list's items, in order.
    static QStringList titles(const nlohmann::json &page)
    {
        QStringList out;
        for (const nlohmann::json &item : page.value("items", nlohmann::json::array()))
            out << QString::fromStdString(item.value("title", std::string()));
        return out;
    }
};

} // namespace quire::test
