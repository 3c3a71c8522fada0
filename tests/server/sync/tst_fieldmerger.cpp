// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/fieldmerger.h"
#include "shared/jsonqt.h"

#include <QTest>

using quire::server::FieldMerger;

namespace {
const quire::shared::SyncTable &guides()
{
    return *quire::shared::SyncSchema::find(QStringLiteral("articles"));
}
// A row or fields holding one List column (and a title, when given).
QByteArray list(const char *column, std::initializer_list<const char *> items, const char *title = nullptr)
{
    nlohmann::json row = nlohmann::json::object();
    if (title)
        row["title"] = title;
    QStringList texts;
    for (const char *item : items)
        texts << QString::fromUtf8(item);
    row[column] = quire::shared::listText(texts).toStdString();
    return QByteArray::fromStdString(row.dump());
}
nlohmann::json parse(const char *text)
{
    return nlohmann::json::parse(text);
}
} // namespace

// Field-by-field settling of an edit against the server's row.
class TestFieldMerger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void settles_data()
    {
        QTest::addColumn<QByteArray>("server");
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QByteArray>("base");
        QTest::addColumn<bool>("baseIsCurrent");
        QTest::addColumn<QByteArray>("expected"); // the row's values afterwards
        QTest::addColumn<QStringList>("conflicts"); // "field:kind:kept"

        const QByteArray server = R"({"title":"T server","body":"A.\n\nB.\n","status":"draft"})";
        QTest::newRow("base current: the edit applies")
            << server << QByteArray(R"({"title":"T new"})") << QByteArray(R"({"title":"T old"})") << true
            << QByteArray(R"({"title":"T new","body":"A.\n\nB.\n","status":"draft"})") << QStringList();
        QTest::newRow("only the client changed the field")
            << server << QByteArray(R"({"status":"in_review"})") << QByteArray(R"({"status":"draft"})") << false
            << QByteArray(R"({"title":"T server","body":"A.\n\nB.\n","status":"in_review"})") << QStringList();
        QTest::newRow("only the server changed it")
            << server << QByteArray(R"({"title":"T old"})") << QByteArray(R"({"title":"T old"})") << false << server
            << QStringList();
        QTest::newRow("scalar on both: later arrival wins, loser kept")
            << server << QByteArray(R"({"title":"T client"})") << QByteArray(R"({"title":"T old"})") << false
            << QByteArray(R"({"title":"T client","body":"A.\n\nB.\n","status":"draft"})")
            << QStringList { QStringLiteral("title:both_changed:client") };
        QTest::newRow("text on both, apart: merged")
            << QByteArray(R"({"title":"t","body":"A, server.\n\nB.\n","status":"draft"})")
            << QByteArray(R"({"body":"A.\n\nB, client.\n"})") << QByteArray(R"({"body":"A.\n\nB.\n"})") << false
            << QByteArray(R"({"title":"t","body":"A, server.\n\nB, client.\n","status":"draft"})") << QStringList();
        QTest::newRow("text on both, same place: server kept, both recorded")
            << QByteArray(R"({"title":"t","body":"A, server.\n","status":"draft"})")
            << QByteArray(R"({"body":"A, client.\n"})") << QByteArray(R"({"body":"A.\n"})") << false
            << QByteArray(R"({"title":"t","body":"A, server.\n","status":"draft"})")
            << QStringList { QStringLiteral("body:text_overlap:server") };
        // Tags and categories merge as sets: additions and removals of both sides survive.
        QTest::newRow("set: both added") << list("tags", { "a", "s" }, "t") << list("tags", { "a", "c" })
                                         << list("tags", { "a" }) << false << list("tags", { "a", "s", "c" }, "t")
                                         << QStringList();
        QTest::newRow("set: client removed, server added")
            << list("tags", { "a", "b", "s" }, "t") << list("tags", { "b" }) << list("tags", { "a", "b" }) << false
            << list("tags", { "b", "s" }, "t") << QStringList();
        QTest::newRow("set: server removed what the client kept")
            << list("categories", {}, "t") << list("categories", { "x", "y" }) << list("categories", { "x" }) << false
            << list("categories", { "y" }, "t") << QStringList();
        QTest::newRow("same value on both: nothing to do")
            << server << QByteArray(R"({"title":"T server"})") << QByteArray(R"({"title":"x"})") << false << server
            << QStringList();
        QTest::newRow("unknown base: both changed")
            << server << QByteArray(R"({"title":"T client"})") << QByteArray("{}") << false
            << QByteArray(R"({"title":"T client","body":"A.\n\nB.\n","status":"draft"})")
            << QStringList { QStringLiteral("title:both_changed:client") };
    }
    void settles()
    {
        QFETCH(QByteArray, server);
        QFETCH(QByteArray, fields);
        QFETCH(QByteArray, base);
        QFETCH(bool, baseIsCurrent);
        QFETCH(QByteArray, expected);
        QFETCH(QStringList, conflicts);
        const FieldMerger::Outcome out = FieldMerger::merge(
            guides(), parse(server.constData()), parse(fields.constData()), parse(base.constData()), baseIsCurrent);
        QVERIFY2(out.row == parse(expected.constData()), out.row.dump().c_str());
        QStringList got;
        for (const auto &c : out.conflicts) {
            got << QStringLiteral("%1:%2:%3").arg(c.field, c.kind, c.kept);
            // Nothing is dropped: both values are in the record.
            QVERIFY(!c.serverValue.is_null());
            QVERIFY(!c.clientValue.is_null());
        }
        QCOMPARE(got, conflicts);
        QCOMPARE(out.changed, out.row != parse(server.constData()));
    }
};

QTEST_GUILESS_MAIN(TestFieldMerger)
#include "tst_fieldmerger.moc"
