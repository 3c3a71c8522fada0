// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/core/articlepagedata.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quire;

// What the preview renders from this desktop's data: the byline's author
// (the account signed in here, for its own articles, offline too) and the
// live link (the address readers use, which the server may name).
class TestArticlePageData : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<desktop::Workspace> m_ws;

    nlohmann::json article(const QString &owner)
    {
        const shared::Result<QString> id = m_ws->content().create(
            desktop::ContentStore::articles(),
            { { "title", "Brewing" }, { "kind", "guide" }, { "slug", "brewing" }, { "body", "Text.\n" } }, owner);
        if (!id)
            return {};
        const auto row = m_ws->content().get(desktop::ContentStore::articles(), *id);
        return row && *row ? **row : nlohmann::json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
        m_ws = std::move(*ws);
        m_ws->profile().setAccount({ QStringLiteral("0190f2a4-0000-7000-8000-0000000000a1"),
                                     QStringLiteral("ada@example.org"), QStringLiteral("Ada Lovelace") });
    }

    void theBylineNamesTheAccountOnItsOwnArticles()
    {
        const desktop::ArticlePageData data(m_ws->content(), m_ws->profile());
        const nlohmann::json mine = article(QStringLiteral("0190f2a4-0000-7000-8000-0000000000a1"));
        QVERIFY(mine.is_object());
        QCOMPARE(data.article(mine).authorName, QStringLiteral("Ada Lovelace"));
        const nlohmann::json theirs = article(QStringLiteral("0190f2a4-0000-7000-8000-0000000000b2"));
        QVERIFY(theirs.is_object());
        QVERIFY(data.article(theirs).authorName.isEmpty()); // unknown here, never someone else's name
    }

    void theAccountSurvivesReopening()
    {
        auto again = desktop::Profile::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(again);
        QCOMPARE((*again)->account().name, QStringLiteral("Ada Lovelace"));
        QCOMPARE((*again)->account().email, QStringLiteral("ada@example.org"));
    }

    void theLiveLinkGoesWhereReadersAre()
    {
        m_ws->profile().setServer(QUrl(QStringLiteral("https://127.0.0.1:8443")), QString());
        const desktop::ArticlePageData data(m_ws->content(), m_ws->profile());
        nlohmann::json fields = article(QStringLiteral("0190f2a4-0000-7000-8000-0000000000a1"));
        QVERIFY(data.liveUrl(fields).isEmpty()); // a draft has no page
        fields["status"] = "published";
        QCOMPARE(data.liveUrl(fields), QUrl(QStringLiteral("https://127.0.0.1:8443/guides/brewing")));
        m_ws->profile().setPublicUrl(QUrl(QStringLiteral("https://docs.example.org")));
        QCOMPARE(data.liveUrl(fields), QUrl(QStringLiteral("https://docs.example.org/guides/brewing")));
        m_ws->profile().setPublicUrl(QUrl());
        QCOMPARE(data.liveUrl(fields), QUrl(QStringLiteral("https://127.0.0.1:8443/guides/brewing")));
    }

    void cleanupTestCase() { m_ws.reset(); }
};

QTEST_GUILESS_MAIN(TestArticlePageData)
#include "tst_articlepagedata.moc"
