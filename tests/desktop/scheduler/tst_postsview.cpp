// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "desktop/scheduler/core/postlistmodel.h"
#include "desktop/scheduler/core/poststore.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "desktop/scheduler/widgets/clientdialog.h"
#include "desktop/scheduler/widgets/clientsdialog.h"
#include "desktop/scheduler/widgets/destinationeditor.h"
#include "desktop/scheduler/widgets/platformdialog.h"
#include "desktop/scheduler/widgets/postcomposer.h"
#include "desktop/scheduler/widgets/postsview.h"
#include "shared/jsonqt.h"
#include "shared/schedulertables.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>

#include <functional>

using namespace quire;

// The Posts section driven as a user would, under offscreen: the empty
// state names the next step; a client and two platforms made in their
// dialogs; a post composed for both, its Bluesky text over the limit
// (red, and Schedule refuses saying why), fixed and scheduled; the queue
// shows it at its time in its zone; and it is all still there after the
// profile is opened again.
class TestPostsView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<desktop::Workspace> m_workspace;
    std::unique_ptr<gui::PostsView> m_view;
    const QString m_me = QStringLiteral("0190f2a4-0000-7000-8000-000000000001");
    QString m_postId;

    template<typename T> T *find(const char *name) const { return m_view->findChild<T *>(QString::fromLatin1(name)); }
    gui::PostComposer *composer() const { return m_view->composer(); }

    // Runs `fill` on the next modal dialog of type T once it shows, then
    // accepts it (with its OK button, so a disabled one is a failure).
    template<typename T> void whenShown(std::function<void(T *)> fill)
    {
        QTimer::singleShot(0, this, [fill] {
            [[maybe_unused]] const bool shown
                = QTest::qWaitFor([] { return qobject_cast<T *>(QApplication::activeModalWidget()) != nullptr; }, 5000);
            auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            fill(dialog);
            auto *ok = dialog->template findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            if (ok && ok->isEnabled())
                ok->click();
            else
                dialog->reject();
        });
    }

    void openView()
    {
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws.ok());
        m_workspace = std::move(ws.value());
        m_workspace->profile().setAccount({ m_me, QStringLiteral("me@example.org"), QStringLiteral("Me") });
        m_view = std::make_unique<gui::PostsView>(*m_workspace);
        m_view->resize(1280, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void closeView()
    {
        m_view.reset();
        m_workspace.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        openView();
    }

    void withoutClientsTheNextStepIsAddingOne()
    {
        auto *stack = find<QStackedWidget>("listStack");
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("noClientsState"));
        QVERIFY(stack->currentWidget()->findChild<QPushButton *>());
    }

    void aClientAndTwoPlatformsAreMadeInTheirDialogs()
    {
        whenShown<gui::ClientsDialog>([this](gui::ClientsDialog *clients) {
            whenShown<gui::ClientDialog>([](gui::ClientDialog *d) {
                QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("clientName")), QStringLiteral("Ada"));
                d->findChild<QComboBox *>(QStringLiteral("clientZone"))
                    ->setCurrentText(QStringLiteral("Europe/Berlin"));
            });
            clients->findChild<QPushButton *>(QStringLiteral("addClient"))->click();
            const struct
            {
                const char *kind;
                QString name;
            } platforms[] = { { "mastodon", QStringLiteral("Ada on Mastodon") },
                              { "bluesky", QStringLiteral("Ada on Bluesky") } };
            for (const auto &p : platforms) {
                whenShown<gui::PlatformDialog>([p](gui::PlatformDialog *d) {
                    auto *kind = d->findChild<QComboBox *>(QStringLiteral("platformKind"));
                    kind->setCurrentIndex(kind->findData(QString::fromLatin1(p.kind)));
                    QTest::keyClicks(d->findChild<QLineEdit *>(QStringLiteral("platformName")), p.name);
                });
                clients->findChild<QPushButton *>(QStringLiteral("addPlatform"))->click();
            }
            // Offline, without a session: the credential cannot be sent, and says why.
            auto *setCredential = clients->findChild<QPushButton *>(QStringLiteral("setCredential"));
            QVERIFY(!setCredential->isEnabled());
            QVERIFY(!setCredential->toolTip().isEmpty());
            QVERIFY(clients->findChild<QLabel *>(QStringLiteral("credentialState"))
                        ->text()
                        .contains(QStringLiteral("No credential")));
            QCOMPARE(clients->clientList()->count(), 1);
            QCOMPARE(clients->platformList()->count(), 2);
            clients->accept();
        });
        m_view->manageClients();
        auto clients = m_view->store().listClients();
        QVERIFY(clients);
        QCOMPARE(clients->size(), 1);
        QCOMPARE(clients->first().timeZone, QStringLiteral("Europe/Berlin"));
        auto platforms = m_view->store().platformsOf(clients->first().id);
        QCOMPARE(platforms->size(), 2);
        QCOMPARE(find<QStackedWidget>("listStack")->currentWidget()->objectName(), QStringLiteral("emptyState"));
    }

    void aTextOverItsLimitBlocksScheduling()
    {
        find<QStackedWidget>("listStack")->currentWidget()->findChild<QPushButton *>()->click(); // New Post
        QCOMPARE(find<QStackedWidget>("editorStack")->currentWidget(), composer());
        QTest::keyClicks(find<QLineEdit>("postTitle"), QStringLiteral("Launch day"));
        auto *body = find<QPlainTextEdit>("postBody");
        QTest::keyClicks(body, QStringLiteral("We launch today "));
        // keyClicks only knows Latin-1 keys; the emoji arrives as a key event
        // carrying its text, as an input method sends it.
        QTest::sendKeyEvent(QTest::Click, body, Qt::Key_unknown, QStringLiteral("\U0001F680"), Qt::NoModifier);
        find<QComboBox>("postZone")->setCurrentText(QStringLiteral("Europe/Berlin"));
        auto *when = find<QDateTimeEdit>("postWhen");
        when->setDate(QDate(2030, 6, 1));
        when->setTime(QTime(14, 30));
        auto *add = find<QToolButton>("addDestination");
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::mouseClick(add, Qt::LeftButton);
        const QList<gui::DestinationEditor *> editors = composer()->destinationEditors();
        QCOMPARE(editors.size(), 2);
        // Each destination is one of the client's platforms, the second another one.
        QCOMPARE(editors[0]->platformBox()->count(), 2);
        QVERIFY(editors[0]->platformId() != editors[1]->platformId());
        gui::DestinationEditor *bluesky
            = editors[0]->platformName().contains(QStringLiteral("Bluesky")) ? editors[0] : editors[1];
        // The text follows the body until it is edited.
        QCOMPARE(bluesky->textEdit()->toPlainText(), QStringLiteral("We launch today \U0001F680"));
        QCOMPARE(bluesky->counter()->text(), QStringLiteral("17 / 300"));

        bluesky->textEdit()->setFocus();
        bluesky->textEdit()->selectAll();
        bluesky->textEdit()->insertPlainText(QStringLiteral("\U0001F44D").repeated(301)); // as pasted
        QVERIFY(bluesky->isOver());
        QVERIFY(bluesky->counter()->property("over").toBool());
        QCOMPARE(bluesky->counter()->palette().color(QPalette::WindowText), QColor(Qt::red));
        const int tab = composer()->destinationTabs()->indexOf(bluesky);
        QVERIFY(composer()->destinationTabs()->tabText(tab).contains(QStringLiteral("too long")));

        QTest::mouseClick(composer()->scheduleButton(), Qt::LeftButton);
        const QString message = composer()->messageLabel()->text();
        QVERIFY2(message.startsWith(QStringLiteral("Not scheduled"))
                     && message.contains(QStringLiteral("Ada on Bluesky"))
                     && message.contains(QStringLiteral("too long")),
                 qPrintable(message));
        // Not scheduled, but what was typed is kept as a draft.
        m_postId = composer()->currentId();
        QVERIFY(!m_postId.isEmpty());
        desktop::PostStore posts(m_view->store());
        auto stored = posts.load(m_postId);
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->status, shared::PostStatus::Draft);
        QCOMPARE((*stored)->destinations.size(), 2);
    }

    void fixedItSchedulesAndIsQueuedAtItsLocalTime()
    {
        gui::DestinationEditor *bluesky = nullptr;
        for (gui::DestinationEditor *e : composer()->destinationEditors()) {
            if (e->platformName().contains(QStringLiteral("Bluesky")))
                bluesky = e;
        }
        QVERIFY(bluesky);
        bluesky->textEdit()->setFocus();
        QTest::keyClick(bluesky->textEdit(), Qt::Key_Backspace);
        QVERIFY(!bluesky->isOver());
        QCOMPARE(bluesky->counter()->text(), QStringLiteral("300 / 300"));
        QTest::mouseClick(composer()->scheduleButton(), Qt::LeftButton);
        QVERIFY2(composer()->messageLabel()->text().startsWith(QStringLiteral("Scheduled")),
                 qPrintable(composer()->messageLabel()->text()));
        QTRY_COMPARE(m_view->model()->rowCount(), 1);
        const desktop::PostSummary *row = m_view->model()->at(0);
        QCOMPARE(row->id, m_postId);
        QCOMPARE(row->status, shared::PostStatus::Scheduled);
        QCOMPARE(row->scheduledAt, QDateTime(QDate(2030, 6, 1), QTime(12, 30), QTimeZone::utc()));
        const QString when = m_view->model()->index(0, desktop::PostListModel::Scheduled).data().toString();
        QVERIFY2(when.contains(QStringLiteral("2:30")) || when.contains(QStringLiteral("14:30")), qPrintable(when));
        // The zone by its city in the list, whole in the tooltip.
        QVERIFY2(when.contains(QStringLiteral("(Berlin)")), qPrintable(when));
        QVERIFY2(m_view->model()
                     ->index(0, desktop::PostListModel::Scheduled)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("Europe/Berlin")),
                 "the tooltip names the zone whole");
        const QString status = m_view->model()->index(0, desktop::PostListModel::Status).data().toString();
        QVERIFY2(status.contains(QStringLiteral("Ada on Bluesky"))
                     && status.contains(QStringLiteral("Ada on Mastodon")),
                 qPrintable(status));
    }

    void theFiltersNarrowTheQueue()
    {
        auto *status = find<QComboBox>("statusFilter");
        status->setCurrentIndex(status->findData(shared::kPostStatuses.name(shared::PostStatus::Draft)));
        QCOMPARE(m_view->model()->rowCount(), 0);
        QCOMPARE(find<QStackedWidget>("listStack")->currentWidget()->objectName(), QStringLiteral("noMatchState"));
        status->setCurrentIndex(status->findData(shared::kPostStatuses.name(shared::PostStatus::Scheduled)));
        QCOMPARE(m_view->model()->rowCount(), 1);
        auto *client = find<QComboBox>("clientFilter");
        QCOMPARE(client->count(), 2); // All clients, Ada
        client->setCurrentIndex(1);
        QCOMPARE(m_view->model()->rowCount(), 1);
        status->setCurrentIndex(0);
        client->setCurrentIndex(0);
    }

    void itIsStillThereAfterTheProfileIsOpenedAgain()
    {
        closeView();
        openView();
        QCOMPARE(m_view->model()->rowCount(), 1);
        QCOMPARE(m_view->model()->at(0)->status, shared::PostStatus::Scheduled);
        m_view->table()->selectRow(0);
        QCOMPARE(composer()->currentId(), m_postId);
        QCOMPARE(find<QLineEdit>("postTitle")->text(), QStringLiteral("Launch day"));
        QCOMPARE(find<QComboBox>("postZone")->currentText(), QStringLiteral("Europe/Berlin"));
        QCOMPARE(find<QDateTimeEdit>("postWhen")->time(), QTime(14, 30));
        const QList<gui::DestinationEditor *> editors = composer()->destinationEditors();
        QCOMPARE(editors.size(), 2);
        int variants = 0;
        for (gui::DestinationEditor *e : editors)
            variants += e->draft().text.isEmpty() ? 0 : 1;
        QCOMPARE(variants, 1); // Bluesky's own text; Mastodon follows the body
    }

    void cleanupTestCase() { closeView(); }
};

QTEST_MAIN(TestPostsView)
#include "tst_postsview.moc"
