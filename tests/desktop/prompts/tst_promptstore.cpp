// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncstore.h"
#include "desktop/prompts/core/promptlistmodel.h"
#include "desktop/prompts/core/promptquery.h"
#include "desktop/prompts/core/promptstore.h"
#include "shared/database.h"
#include "shared/jsonqt.h"
#include "shared/prompttables.h"
#include "shared/uuid.h"
#include "tests/desktop/localreplica.h"

#include <QTest>

using namespace quire::desktop;
using quire::shared::PromptUse;

// The prompt library over a real replica: search and filters, favourites,
// versions (explicit, and at the end of an editing session), restore,
// labels, usage records and preferences, each an outbox entry to sync.
class TestPromptStore : public QObject
{
    Q_OBJECT
private:
    quire::test::LocalReplica m_local;
    std::unique_ptr<PromptStore> m_store;
    const QString m_me = quire::shared::Uuid::createV7();
    const QString m_colleague = quire::shared::Uuid::createV7();
    QString m_summarise;
    QString m_translate;

    QStringList titles(const PromptQuery &q)
    {
        QStringList out;
        const auto rows = q.run(m_local.database());
        if (!rows) {
            qWarning() << rows.error().message;
            return { QStringLiteral("error") };
        }
        for (const PromptSummary &p : *rows)
            out << p.title;
        return out;
    }

    QString add(const char *title, const char *content, const char *category, const char *tags, bool isTemplate,
                const QString &owner)
    {
        auto id = m_store->create({ { "title", title },
                                    { "content", content },
                                    { "category", category },
                                    { "tags", tags },
                                    { "is_template", isTemplate ? "true" : "false" } },
                                  owner);
        return id ? *id : QString();
    }

    int rowsIn(const QString &table)
    {
        auto q = m_local.database().exec(QStringLiteral("SELECT count(*) FROM %1").arg(table));
        return q && q->next() ? q->value(0).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_local.open());
        m_store = std::make_unique<PromptStore>(*m_local.content, m_local.database());
        m_summarise = add("Summarise a meeting", "Summarise {{notes}} in {{count}} bullet points.", "Writing",
                          "[\"meetings\",\"summary\"]", true, m_me);
        m_translate = add("Translate politely", "Translate {{text}} into German, politely.", "Language", "[\"german\"]",
                          true, m_me);
        QVERIFY(
            !add("Code review", "Review this diff for bugs: {{diff}}", "Engineering", "[\"code\"]", false, m_colleague)
                 .isEmpty());
        QVERIFY(!m_summarise.isEmpty() && !m_translate.isEmpty());
    }

    void searchAndFilters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("templatesOnly");
        QTest::addColumn<int>("scope");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        QTest::newRow("prefix of the content") << QStringLiteral("bull") << QString() << QString() << false << 0
                                               << QStringList { QStringLiteral("Summarise a meeting") };
        QTest::newRow("title words") << QStringLiteral("translate") << QString() << QString() << false << 0
                                     << QStringList { QStringLiteral("Translate politely") };
        QTest::newRow("syntax is words") << QStringLiteral("\"diff\" OR NEAR(") << QString() << QString() << false << 0
                                         << none;
        QTest::newRow("category any case") << QString() << QStringLiteral("language") << QString() << false << 0
                                           << QStringList { QStringLiteral("Translate politely") };
        QTest::newRow("tag") << QString() << QString() << QStringLiteral("CODE") << false << 0
                             << QStringList { QStringLiteral("Code review") };
        QTest::newRow("templates, by title")
            << QString() << QString() << QString() << true << 0
            << QStringList { QStringLiteral("Summarise a meeting"), QStringLiteral("Translate politely") };
        QTest::newRow("mine") << QString() << QString() << QString() << false << int(PromptQuery::Scope::Mine)
                              << QStringList { QStringLiteral("Summarise a meeting"),
                                               QStringLiteral("Translate politely") };
        QTest::newRow("shared with me") << QString() << QString() << QString() << false
                                        << int(PromptQuery::Scope::SharedWithMe)
                                        << QStringList { QStringLiteral("Code review") };
    }

    void searchAndFilters()
    {
        QFETCH(QString, text);
        QFETCH(QString, category);
        QFETCH(QString, tag);
        QFETCH(bool, templatesOnly);
        QFETCH(int, scope);
        QFETCH(QStringList, expected);
        PromptQuery q;
        q.text = text;
        q.category = category;
        q.tag = tag;
        q.templatesOnly = templatesOnly;
        q.scope = PromptQuery::Scope(scope);
        q.userId = m_me;
        q.sort = PromptQuery::Sort::Title;
        QCOMPARE(titles(q), expected);
    }

    void knownCategoriesAndTags()
    {
        auto categories = PromptQuery::knownCategories(m_local.database());
        QVERIFY(categories);
        QCOMPARE(categories->size(), 3);
        QVERIFY(categories->contains(QStringLiteral("Language")));
        auto tags = PromptQuery::knownTags(m_local.database());
        QVERIFY(tags);
        QVERIFY(tags->contains(QStringLiteral("german")));
    }

    void favouritesStarAndUnstar()
    {
        QVERIFY(m_store->setFavourite(m_translate, m_me, true));
        QVERIFY(m_store->setFavourite(m_translate, m_me, true)); // twice: still one star
        QCOMPARE(rowsIn(quire::shared::promptFavoritesTable()), 1);
        PromptQuery q;
        q.userId = m_me;
        q.favouritesOnly = true;
        QCOMPARE(titles(q), QStringList { QStringLiteral("Translate politely") });
        // Another user's favourites are theirs.
        q.userId = m_colleague;
        QCOMPARE(titles(q), QStringList {});
        PromptListModel model(m_local.database());
        model.query().userId = m_me;
        QVERIFY(model.refresh().isEmpty());
        QCOMPARE(model.data(model.index(model.rowOf(m_translate), PromptListModel::Favourite),
                            PromptListModel::FavouriteRole),
                 QVariant(true));
        QVERIFY(m_store->setFavourite(m_translate, m_me, false));
        QCOMPARE(rowsIn(quire::shared::promptFavoritesTable()), 0);
        QCOMPARE(*m_store->isFavourite(m_translate, m_me), false);
        // The delete is queued for the server like the star was.
        auto q2 = m_local.database().exec(
            QStringLiteral("SELECT count(*) FROM outbox WHERE tbl = 'prompt_favorites' AND op = 'delete'"));
        QVERIFY(q2 && q2->next());
        QVERIFY(q2->value(0).toInt() >= 1);
    }

    void versionsAtTheEndOfAnEditingSession()
    {
        // A new, empty prompt needs no version; content does.
        auto fresh = m_store->create({ { "title", "Fresh" } }, m_me);
        QVERIFY(fresh);
        QCOMPARE(*m_store->needsVersion(*fresh), false);
        QVERIFY(m_store->update(*fresh, { { "content", "Hello {{name}}" } }));
        auto saved = m_store->saveVersionIfChanged(*fresh, m_me);
        QVERIFY(saved && *saved);
        // Leaving again without a change makes none.
        auto again = m_store->saveVersionIfChanged(*fresh, m_me);
        QVERIFY(again && !*again);
        // A title change is no version; a model setting is.
        QVERIFY(m_store->update(*fresh, { { "title", "Fresher" } }));
        QCOMPARE(*m_store->needsVersion(*fresh), false);
        QVERIFY(m_store->update(*fresh, { { "temperature", "0.2" } }));
        QCOMPARE(*m_store->needsVersion(*fresh), true);
        QVERIFY(m_store->saveVersion(*fresh, QStringLiteral("colder"), m_me));
        auto versions = m_store->versionsOf(*fresh);
        QVERIFY(versions);
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->last().message, QStringLiteral("colder"));
        QCOMPARE(quire::shared::textOf(versions->last().body, "temperature"), QStringLiteral("0.2"));
        // Unnumbered until the server numbers them.
        QVERIFY(!versions->first().isNumbered());
    }

    void restoreMakesANewVersion()
    {
        auto id = m_store->create({ { "title", "Restorable" }, { "content", "one" } }, m_me);
        QVERIFY(id);
        auto first = m_store->saveVersion(*id, QString(), m_me);
        QVERIFY(first);
        QVERIFY(m_store->update(*id, { { "content", "two" } }));
        QVERIFY(m_store->saveVersion(*id, QString(), m_me));
        auto restored = m_store->restore(*id, *first, m_me);
        QVERIFY(restored);
        auto prompt = m_store->get(*id);
        QVERIFY(prompt && *prompt);
        QCOMPARE(quire::shared::textOf(**prompt, "content"), QStringLiteral("one"));
        auto versions = m_store->versionsOf(*id);
        QCOMPARE(versions->size(), 3);
        QCOMPARE(versions->last().id, *restored);
        QCOMPARE(quire::shared::textOf(versions->last().body, "content"), QStringLiteral("one"));
    }

    void labelsMoveOnlyWhenAsked()
    {
        auto id = m_store->create({ { "title", "Labelled" }, { "content", "v1" } }, m_me);
        QVERIFY(id);
        auto v1 = m_store->saveVersion(*id, QString(), m_me);
        QVERIFY(v1);
        QVERIFY(m_store->setLabel(*id, QStringLiteral("production"), *v1, m_me));
        QVERIFY(m_store->update(*id, { { "content", "v2" } }));
        auto v2 = m_store->saveVersion(*id, QString(), m_me);
        QVERIFY(v2);
        // A new version leaves production where it was.
        auto labels = m_store->labelsOf(*id);
        QCOMPARE(labels->size(), 1);
        QCOMPARE(labels->first().versionId, *v1);
        QCOMPARE((*m_store->version(*v1))->labels, QStringList { QStringLiteral("production") });
        // Moved: the same row, now at v2.
        QVERIFY(m_store->setLabel(*id, QStringLiteral("production"), *v2, m_me));
        labels = m_store->labelsOf(*id);
        QCOMPARE(labels->size(), 1);
        QCOMPARE(labels->first().versionId, *v2);
        QVERIFY((*m_store->version(*v1))->labels.isEmpty());
        QVERIFY(!m_store->setLabel(*id, QStringLiteral("Not A Slug"), *v2, m_me));
    }

    void includesResolveOnTheReplica()
    {
        auto id = m_store->create({ { "title", "Footer" }, { "name", "footer" }, { "content", "draft" } }, m_me);
        QVERIFY(id);
        // Before its first version: its text.
        QCOMPARE(*m_store->includeText(QStringLiteral("footer"), QString(), m_me), QStringLiteral("draft"));
        auto v1 = m_store->saveVersion(*id, QString(), m_me);
        QVERIFY(v1);
        QVERIFY(m_store->setLabel(*id, QStringLiteral("production"), *v1, m_me));
        QVERIFY(m_store->update(*id, { { "content", "newer" } }));
        QVERIFY(m_store->saveVersion(*id, QString(), m_me));
        QVERIFY(m_store->update(*id, { { "content", "unsaved" } }));
        // The latest version, not the text being written; a label's version.
        QCOMPARE(*m_store->includeText(QStringLiteral("footer"), QString(), m_me), QStringLiteral("newer"));
        QCOMPARE(*m_store->includeText(QStringLiteral("footer"), QStringLiteral("production"), m_me),
                 QStringLiteral("draft"));
        QCOMPARE(m_store->includeText(QStringLiteral("footer"), QStringLiteral("staging"), m_me).error().code,
                 QStringLiteral("not_found"));
        QCOMPARE(m_store->includeText(QStringLiteral("nothing"), QString(), m_me).error().code,
                 QStringLiteral("not_found"));
        QVERIFY(m_store->promptNames()->contains(QStringLiteral("footer")));
    }

    void comparableTextOfAChat()
    {
        const nlohmann::json body { { "kind", "chat" },
                                    { "messages", R"([{"role":"system","content":"Be brief."}])" },
                                    { "model", "gpt-x" } };
        QCOMPARE(PromptStore::comparableText(body), QStringLiteral("[system]\nBe brief.\nModel: gpt-x"));
    }

    void usageKeepsVariablesOnlyWhenAsked()
    {
        const nlohmann::json vars { { "notes", "secret plans" } };
        auto use = m_store->recordUse(m_summarise, PromptUse::Copied, vars, m_me);
        QVERIFY(use);
        auto row = m_local.content->get(PromptStore::usage(), *use);
        QVERIFY(row && *row);
        QCOMPARE(quire::shared::textOf(**row, "use"), QStringLiteral("copied"));
        QCOMPARE(quire::shared::textOf(**row, "variables"), QStringLiteral("{}"));
        // The use names a version (the one saved for it).
        QVERIFY(!quire::shared::textOf(**row, "version_id").isEmpty());
        QVERIFY(m_store->setPreference(m_me, QStringLiteral("keep_variables"), QStringLiteral("true")));
        use = m_store->recordUse(m_summarise, PromptUse::Rendered, vars, m_me);
        QVERIFY(use);
        row = m_local.content->get(PromptStore::usage(), *use);
        QCOMPARE(quire::shared::textOf(**row, "use"), QStringLiteral("rendered"));
        QVERIFY(nlohmann::json::parse(quire::shared::textOf(**row, "variables").toStdString()) == vars);
        // One preferences row per user.
        QVERIFY(m_store->setPreference(m_me, QStringLiteral("sort"), QStringLiteral("title")));
        QCOMPARE(rowsIn(quire::shared::promptPreferencesTable()), 1);
        QCOMPARE(quire::shared::textOf(*m_store->preferencesOf(m_me), "sort"), QStringLiteral("title"));
    }
};

QTEST_GUILESS_MAIN(TestPromptStore)
#include "tst_promptstore.moc"
