// SPDX-License-Identifier: GPL-3.0-or-later
// The Provider… dialog: saving sets the profile's own provider (and Run
// becomes available), a bad URL is named and nothing is saved, the kept key
// is never shown and an empty key field keeps it, Remove clears it.
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptrunner.h"
#include "desktop/prompts/widgets/providerdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using quire::desktop::PromptRunner;
using quire::desktop::ProviderDialog;

class TestProviderDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<quire::desktop::Workspace> m_ws;
    std::unique_ptr<PromptRunner> m_runner;

    template<typename T> static T *child(QWidget &dialog, const char *name)
    {
        T *w = dialog.findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no %s", name);
        return w;
    }

    static void save(ProviderDialog &dialog)
    {
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    }

private slots:
    void initTestCase()
    {
        auto ws = quire::desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws.ok());
        m_ws = std::move(ws.value());
        m_runner = std::make_unique<PromptRunner>(*m_ws);
    }

    void badUrlIsNamedAndNothingSaved()
    {
        ProviderDialog dialog(*m_runner);
        child<QLineEdit>(dialog, "providerUrl")->setText(QStringLiteral("http://llm.example.org/v1"));
        child<QLineEdit>(dialog, "providerModel")->setText(QStringLiteral("m"));
        save(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QLabel *error = child<QLabel>(dialog, "providerError");
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(QStringLiteral("loopback")), qPrintable(error->text()));
        QVERIFY(!m_runner->isAvailable());
    }

    void savesKeepsTheKeyAndRemoves()
    {
        {
            ProviderDialog dialog(*m_runner);
            QVERIFY(!child<QPushButton>(dialog, "removeProvider")->isEnabled());
            child<QLineEdit>(dialog, "providerUrl")->setText(QStringLiteral("https://api.example.org/v1"));
            child<QLineEdit>(dialog, "providerModel")->setText(QStringLiteral("gpt-test"));
            child<QLineEdit>(dialog, "providerKey")->setText(QStringLiteral("sk-dialog"));
            save(dialog);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(m_runner->way(), PromptRunner::Way::OwnProvider);
        QCOMPARE(m_runner->ownProvider().key, QStringLiteral("sk-dialog"));
        {
            // Opened again: the key is not shown; saving with the field empty keeps it.
            ProviderDialog dialog(*m_runner);
            QVERIFY(child<QLineEdit>(dialog, "providerKey")->text().isEmpty());
            QCOMPARE(child<QLineEdit>(dialog, "providerModel")->text(), QStringLiteral("gpt-test"));
            child<QLineEdit>(dialog, "providerModel")->setText(QStringLiteral("gpt-other"));
            save(dialog);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(m_runner->ownProvider().model, QStringLiteral("gpt-other"));
        QCOMPARE(m_runner->ownProvider().key, QStringLiteral("sk-dialog"));
        {
            ProviderDialog dialog(*m_runner);
            child<QPushButton>(dialog, "removeProvider")->click();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QVERIFY(!m_runner->isAvailable());
        QVERIFY(m_runner->ownProvider().key.isEmpty());
    }
};

QTEST_MAIN(TestProviderDialog)
#include "tst_providerdialog.moc"
