// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/sync/syncaccess.h"
#include "shared/role.h"

#include <QTest>

using quire::server::Principal;
using quire::server::SyncAccess;

namespace {
const QString kOwner = QStringLiteral("01890a5d-ac96-774b-bcce-b302099a8057");
const QString kOther = QStringLiteral("01890a5d-ac96-774b-bcce-b302099a8058");

Principal who(const QString &role, const QString &id, bool verified = true)
{
    Principal p;
    p.userId = id;
    p.role = *quire::shared::roleFromName(role);
    p.emailVerified = verified;
    return p;
}
nlohmann::json guide(const QString &owner, const char *status)
{
    return { { "owner_id", owner.toStdString() }, { "status", status }, { "title", "t" }, { "body", "" } };
}
} // namespace

// Who may see and change guides: the rules every synced mutation passes.
class TestSyncAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writes_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("owner");
        QTest::addColumn<bool>("verified");
        QTest::addColumn<QString>("from"); // empty: a new guide
        QTest::addColumn<QString>("to"); // empty: a delete
        QTest::addColumn<QString>("refusal"); // empty: allowed

        QTest::newRow("author creates a draft") << "author" << true << true << ""
                                                << "draft"
                                                << "";
        QTest::newRow("reader cannot write") << "reader" << true << true << ""
                                             << "draft"
                                             << "forbidden";
        QTest::newRow("author edits own draft") << "author" << true << true << "draft"
                                                << "draft"
                                                << "";
        QTest::newRow("author edits another's") << "author" << false << true << "draft"
                                                << "draft"
                                                << "forbidden";
        QTest::newRow("editor edits another's") << "editor" << false << true << "draft"
                                                << "draft"
                                                << "";
        QTest::newRow("author submits for review") << "author" << true << true << "draft"
                                                   << "in_review"
                                                   << "";
        QTest::newRow("creator submits for review") << "creator" << true << true << "draft"
                                                    << "in_review"
                                                    << "";
        QTest::newRow("author cannot publish") << "author" << true << true << "draft"
                                               << "published"
                                               << "forbidden";
        QTest::newRow("editor publishes") << "editor" << false << true << "in_review"
                                          << "published"
                                          << "";
        QTest::newRow("unverified editor cannot publish") << "editor" << true << false << "draft"
                                                          << "published"
                                                          << "email_unverified";
        QTest::newRow("author cannot unpublish") << "author" << true << true << "published"
                                                 << "draft"
                                                 << "forbidden";
        QTest::newRow("author cannot delete a published guide") << "author" << true << true << "published"
                                                                << ""
                                                                << "forbidden";
        QTest::newRow("author deletes own draft") << "author" << true << true << "draft"
                                                  << ""
                                                  << "";
        QTest::newRow("admin archives") << "admin" << false << true << "published"
                                        << "archived"
                                        << "";
    }
    void writes()
    {
        QFETCH(QString, role);
        QFETCH(bool, owner);
        QFETCH(bool, verified);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, refusal);
        const SyncAccess *access = SyncAccess::find(QStringLiteral("articles"));
        QVERIFY(access);
        const Principal p = who(role, owner ? kOwner : kOther, verified);
        std::optional<nlohmann::json> before;
        if (!from.isEmpty())
            before = guide(kOwner, from.toUtf8().constData());
        const nlohmann::json after = to.isEmpty() ? nlohmann::json() : guide(kOwner, to.toUtf8().constData());
        const quire::shared::VoidResult r = access->checkWrite(p, before, after);
        QCOMPARE(r.ok() ? QString() : r.error().code, refusal);
    }

    void visibility_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("owner");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("visible");
        QTest::newRow("own draft") << "author" << true << "draft" << true;
        QTest::newRow("another's draft") << "author" << false << "draft" << false;
        QTest::newRow("another's published") << "reader" << false << "published" << true;
        QTest::newRow("editor sees drafts") << "editor" << false << "draft" << true;
    }
    void visibility()
    {
        QFETCH(QString, role);
        QFETCH(bool, owner);
        QFETCH(QString, status);
        QFETCH(bool, visible);
        const SyncAccess *access = SyncAccess::find(QStringLiteral("articles"));
        const nlohmann::json row = guide(kOwner, status.toUtf8().constData());
        QCOMPARE(access->visible(who(role, owner ? kOwner : kOther), access->scopeOf(row)), visible);
    }

    void exitReasons()
    {
        const SyncAccess *access = SyncAccess::find(QStringLiteral("articles"));
        QCOMPARE(access->exitReason(guide(kOwner, "published"), guide(kOwner, "draft")), QStringLiteral("unpublished"));
        QCOMPARE(access->exitReason(guide(kOwner, "draft"), guide(kOther, "draft")), QStringLiteral("access_revoked"));
        QCOMPARE(access->exitReason(guide(kOwner, "draft"), guide(kOwner, "published")), QString());
    }
};

QTEST_GUILESS_MAIN(TestSyncAccess)
#include "tst_syncaccess.moc"
