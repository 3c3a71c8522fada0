// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/fielderrors.h"
#include "shared/synctable.h"

#include <QTest>

using namespace quire::shared;
using json = nlohmann::json;

Q_DECLARE_METATYPE(json)

// A mutation's fields checked against the declaration: every column type's
// rule, for the articles table and for a table registered from outside.
class TestSyncTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validation_data()
    {
        QTest::addColumn<json>("fields");
        QTest::addColumn<bool>("creating");
        QTest::addColumn<QString>("field"); // empty: valid
        QTest::newRow("valid new") << json { { "title", "Getting started" } } << true << QString();
        QTest::newRow("missing title") << json { { "body", "x" } } << true << QStringLiteral("title");
        QTest::newRow("blank title") << json { { "title", "   " } } << false << QStringLiteral("title");
        QTest::newRow("long title") << json { { "title", std::string(kMaxTitleLength + 1, 'x') } } << false
                                    << QStringLiteral("title");
        QTest::newRow("title number") << json { { "title", 42 } } << false << QStringLiteral("title");
        QTest::newRow("bad status") << json { { "status", "live" } } << false << QStringLiteral("status");
        QTest::newRow("server owned") << json { { "owner_id", "x" } } << false << QStringLiteral("owner_id");
        QTest::newRow("unknown") << json { { "password_hash", "x" } } << false << QStringLiteral("password_hash");
        QTest::newRow("bad time") << json { { "publish_at", "tomorrow" } } << false << QStringLiteral("publish_at");
        QTest::newRow("bad slug") << json { { "slug", "Not A Slug" } } << false << QStringLiteral("slug");
        QTest::newRow("bad list") << json { { "tags", "[1,2]" } } << false << QStringLiteral("tags");
        QTest::newRow("twice in list") << json { { "tags", R"(["a","a"])" } } << false << QStringLiteral("tags");
        QTest::newRow("http cover") << json { { "cover", "http://example.org/a.png" } } << false
                                    << QStringLiteral("cover");
        QTest::newRow("media cover") << json { { "cover", "/media/" + std::string(64, 'a') } } << false << QString();
    }

    void validation()
    {
        QFETCH(json, fields);
        QFETCH(bool, creating);
        QFETCH(QString, field);
        FieldErrors errors;
        SyncSchema::find(QStringLiteral("articles"))->validateFields(fields, creating, errors);
        const Error error = errors.toError();
        if (field.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(error.fields.keys().join(QLatin1Char(','))));
            return;
        }
        QCOMPARE(error.fields.keys(), QStringList { field }); // only the broken field is named
    }

    // The address the desktop fills in from the title while the user has
    // not typed one; whatever comes out, the server takes as a slug.
    void slugFromTitle_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<QString>("slug");
        QTest::newRow("words") << "Brewing Coffee at Home" << 120 << "brewing-coffee-at-home";
        QTest::newRow("punctuation runs") << "  Tips & <tricks>: 10 ways!  " << 120 << "tips-tricks-10-ways";
        QTest::newRow("accents") << QStringLiteral("Café crème brûlée") << 120 << "cafe-creme-brulee";
        QTest::newRow("german") << QStringLiteral("Größe für Übungen") << 120 << "grosse-fur-ubungen";
        QTest::newRow("ligatures") << QStringLiteral("Smørrebrød ﬁne Œuvre") << 120 << "smorrebrod-fine-oeuvre";
        QTest::newRow("apostrophes") << QStringLiteral("Don't panic, it’s fine") << 120 << "dont-panic-its-fine";
        QTest::newRow("no ascii spelling") << QStringLiteral("日本語") << 120 << "";
        QTest::newRow("mixed scripts") << QStringLiteral("Tokyo 東京 guide") << 120 << "tokyo-guide";
        QTest::newRow("only punctuation") << "?!" << 120 << "";
        QTest::newRow("empty") << "" << 120 << "";
        QTest::newRow("cut at a word's end") << "alpha beta gamma" << 12 << "alpha-beta";
        QTest::newRow("cut on a hyphen") << "alpha beta gamma" << 10 << "alpha-beta";
        QTest::newRow("cut a single word") << "abcdefghijkl" << 5 << "abcde";
    }
    void slugFromTitle()
    {
        QFETCH(QString, title);
        QFETCH(int, maxLength);
        QFETCH(QString, slug);
        const QString made = slugFromText(title, maxLength);
        QCOMPARE(made, slug);
        QVERIFY(made.size() <= maxLength);
        QVERIFY(made.isEmpty() || isSlug(made));
    }

    // An optional Id is empty until set; a required one must be a UUIDv7.
    void optionalIdMayBeEmpty()
    {
        SyncTable t { .name = QStringLiteral("tst_refs"),
                      .columns = { { .name = QStringLiteral("link_id"), .type = ColumnType::Id },
                                   { .name = QStringLiteral("must_id"), .type = ColumnType::Id, .required = true } },
                      .defaultSort = {} };
        FieldErrors errors;
        t.validateFields(json { { "link_id", "" }, { "must_id", "" } }, true, errors);
        QCOMPARE(errors.toError().fields.keys(), QStringList { QStringLiteral("must_id") });
    }

    void registryRefusesATableTwice()
    {
        const qsizetype before = SyncSchema::tables().size();
        QVERIFY(!SyncSchema::registerTable(SyncTable { .name = QStringLiteral("articles") }));
        QVERIFY(SyncSchema::registerTable(SyncTable { .name = QStringLiteral("tst_extra") }));
        QCOMPARE(SyncSchema::tables().size(), before + 1);
        QVERIFY(SyncSchema::find(QStringLiteral("tst_extra")));
        QVERIFY(SyncSchema::find(QStringLiteral("articles"))); // still where it was
    }
};

QTEST_GUILESS_MAIN(TestSyncTable)
#include "tst_synctable.moc"
