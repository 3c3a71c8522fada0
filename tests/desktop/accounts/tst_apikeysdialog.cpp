// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/apikeysdialog.h"
#include "desktop/core/authsession.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/mainwindow.h"
#include "tests/desktop/serverprofile.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "tests/support/widgetfinder.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace quire;

namespace {
const QString kPassword = QStringLiteral("api keys passphrase");
}

// Account › API Keys… clicked through against the real server: a key is
// created and shown once with Copy, listed, and revoked after a question.
class TestApiKeysDialog : public QObject
{
    Q_OBJECT
private:
    quire::test::ServerProfile m_fx;
    gui::ApiKeysDialog *m_dialog = nullptr;

    template<typename T> T *child(const char *name) { return quire::test::findNamed<T>(*m_dialog, name); }

    int fetchWith(const QString &key)
    {
        quire::test::TestHttpClient http(m_fx.server.url(), m_fx.server.fingerprint());
        return http
            .request("GET", QStringLiteral("/api/v1/prompts/by-name/anything"), {},
                     { { "Authorization", "Bearer " + key.toUtf8() } })
            .status;
    }

    QMessageBox *openConfirmation()
    {
        for (QMessageBox *box : m_dialog->findChildren<QMessageBox *>(QStringLiteral("confirmRevoke")))
            if (box->isVisible())
                return box;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start());
        QVERIFY(m_fx.createUser(QStringLiteral("dev@example.org"), QStringLiteral("author"), kPassword));
        QVERIFY(m_fx.openProfile());
        QVERIFY(m_fx.showWindow());
        auto *action = m_fx.window->findChild<QAction *>(QStringLiteral("apiKeysAction"));
        QVERIFY(action);
        QVERIFY(!action->isEnabled()); // signed out: nothing to manage
        QVERIFY(m_fx.signIn(QStringLiteral("dev@example.org"), kPassword));
        QTRY_VERIFY(action->isEnabled());
        action->trigger();
        m_dialog = m_fx.window->findChild<gui::ApiKeysDialog *>();
        QVERIFY(m_dialog);
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
    }

    void createsAKeyShownOnceWithCopy()
    {
        auto *create = child<QPushButton>("createApiKeyButton");
        QVERIFY(!create->isEnabled()); // no name yet
        QVERIFY(!child<QWidget>("newApiKeyPanel")->isVisible());
        QTest::keyClicks(child<QLineEdit>("apiKeyName"), QStringLiteral("support bot"));
        child<QCheckBox>("apiKeyScope_usage:write")->setChecked(true);
        QVERIFY(create->isEnabled());
        QTest::mouseClick(create, Qt::LeftButton);

        auto *key = child<QLineEdit>("newApiKey");
        QTRY_VERIFY_WITH_TIMEOUT(key->text().startsWith(QLatin1String("quire_")), 20000);
        QVERIFY(child<QWidget>("newApiKeyPanel")->isVisible());
        QVERIFY(key->isReadOnly());
        QTest::mouseClick(child<QPushButton>("copyApiKeyButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), key->text());

        auto *table = child<QTableWidget>("apiKeyTable");
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 20000);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("support bot"));
        // The list shows the prefix, never the key.
        QVERIFY(key->text().startsWith(table->item(0, 1)->text().chopped(2)));
        QVERIFY(table->item(0, 1)->text() != key->text());
        QVERIFY(table->item(0, 2)->text().contains(gui::ApiKeysDialog::scopeLabel(shared::ApiKeyScope::UsageWrite)));
        QVERIFY(table->item(0, 2)->text().contains(gui::ApiKeysDialog::scopeLabel(shared::ApiKeyScope::PromptsRead)));
        QCOMPARE(fetchWith(key->text()), 404); // a working key: the prompt is just not there
    }

    void revokesAfterAQuestion()
    {
        const QString key = child<QLineEdit>("newApiKey")->text();
        auto *table = child<QTableWidget>("apiKeyTable");
        auto *revoke = child<QPushButton>("revokeApiKeyButton");
        QVERIFY(!revoke->isEnabled());
        const QString active = table->item(0, 5)->text();
        table->selectRow(0);
        QVERIFY(revoke->isEnabled());

        // Cancel first: nothing happens.
        QTest::mouseClick(revoke, Qt::LeftButton);
        QTRY_VERIFY(openConfirmation());
        openConfirmation()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!openConfirmation());
        QCOMPARE(fetchWith(key), 404);

        QTest::mouseClick(revoke, Qt::LeftButton);
        QTRY_VERIFY(openConfirmation());
        QTest::mouseClick(quire::test::findNamed<QPushButton>(*openConfirmation(), "confirmRevokeButton"),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() == 1 && table->item(0, 5)->text() != active && !revoke->isEnabled(),
                                 20000);
        QCOMPARE(fetchWith(key), 401);
    }
};

QTEST_MAIN(TestApiKeysDialog)
#include "tst_apikeysdialog.moc"
