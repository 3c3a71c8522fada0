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
