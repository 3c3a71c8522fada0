// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/signindialog.h"
#include "desktop/core/authsession.h"
#include "desktop/core/connectionmonitor.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "desktop/scheduler/core/postlistmodel.h"
#include "desktop/scheduler/core/poststore.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "desktop/scheduler/widgets/clientdialog.h"
#include "desktop/scheduler/widgets/clientsdialog.h"
#include "desktop/scheduler/widgets/credentialdialog.h"
#include "desktop/scheduler/widgets/destinationeditor.h"
#include "desktop/scheduler/widgets/platformdialog.h"
#include "desktop/scheduler/widgets/postcomposer.h"
#include "desktop/scheduler/widgets/postsview.h"
#include "desktop/widgets/mainwindow.h"
#include "shared/database.h"
#include "shared/schedulernames.h"
#include "shared/timestamp.h"
#include "tests/desktop/appscenario.h"
#include "tests/server/outbound/fakehttpserver.h"
#include "tests/support/widgetfinder.h"
#include "tests/sync/syncpeer.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageAuthenticationCode>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>

#include <nlohmann/json.hpp>

#include <functional>

using namespace quire::test;
using quire::shared::DestinationStatus;
using quire::shared::PostStatus;
using ConnectionState = quire::desktop::ConnectionMonitor::State;

namespace {
const QString kCreator = QStringLiteral("creator@example.org");
constexpr int kTimeoutMs = 60000;
// The publisher's own bound is a check every second; the delivery waits
// for it and for the webhook, on a loaded machine too.
constexpr int kDeliveryTimeoutMs = 120000;
// How far ahead the offline post is scheduled: the app is restarted, the
// server comes back and a sync round runs before that time, so the post
// goes out with no desktop running.
constexpr qint64 kLeadSecs = 30;
const QByteArray kSecret = "whsec-7f3a9c-only-the-server-keeps-this";
const QString kZone = QStringLiteral("Europe/Berlin");
// Typed into the destination's own text (not the post's body): what the
// webhook must receive, byte for byte.
const QString kHookText = QStringLiteral("Grüße aus Berlin: we launch today \U0001F680");
const QByteArray kPublishedUrl = "https://hook.example/p/1";
} // namespace

// The creators' scheduler as issue 17 tells it, through the real app
// (DesktopApp, MainWindow, the Posts section) and a real server over TLS
// that may call a local fake webhook: a creator adds a client and its
// webhook in their dialogs and sends the signing secret once (it never
// lands on this computer); with the server gone she composes a post for
// the webhook with its own text and schedules it half a minute ahead,
// autosave keeps her next edit, and the post survives the app's restart;
// the server comes back, a sync round takes the post there, and she quits
// the app. With no desktop running the server delivers it, signed, once;
// the app started again shows it published with the webhook's address for
// it, and nothing goes out twice after more rounds and a server restart.
// A second post that the webhook refuses shows as failed with the
// webhook's words, and Retry from the composer publishes it once the
// webhook takes it.
class TestPostScenario : public QObject
{
    Q_OBJECT
private:
    AppScenario m_app;
    FakeHttpServer m_fake;
    // Per request the fake saw: whether an app was running then.
    QList<bool> m_appRunning;
    QString m_failingPost; // the webhook refuses this one
    bool m_webhookFixed = false;
    QString m_post;
    QString m_destination;
    QDateTime m_due;

    quire::gui::PostsView *view() { return findNamed<quire::gui::PostsView>(*m_app.window, "postsView"); }
    quire::gui::PostComposer *composer() { return view()->composer(); }
    QString hookAddress() const { return QStringLiteral("http://127.0.0.1:%1/hook").arg(m_fake.port()); }

    bool startApp(const QStringList &options) { return m_app.startApp(options); }
    void quitApp() { m_app.quitApp(); }

    // One round of the app's own sync engine, ending in step with nothing
    // left to push.
    bool syncRound()
    {
        if (!m_app.syncRound())
            return false;
        const auto status = m_app.workspace->syncStore().status();
        if (!status || status->pending != 0 || status->rejected != 0) {
            qWarning() << "after the round: pending" << (status ? status->pending : -1) << "rejected"
                       << (status ? status->rejected : -1);
            return false;
        }
        return true;
    }

    // The post as the app's replica has it (without an id when it is not there).
    quire::desktop::PostDraft stored(const QString &id)
    {
        quire::desktop::PostStore posts(view()->store());
        auto loaded = posts.load(id);
        return loaded && *loaded ? **loaded : quire::desktop::PostDraft();
    }
    // The first destination's, as stored (Pending when there is none).
    quire::desktop::DestinationDraft storedDestination(const QString &id)
    {
        const quire::desktop::PostDraft post = stored(id);
        return post.destinations.isEmpty() ? quire::desktop::DestinationDraft() : post.destinations.first();
    }

    // The requests the fake saw for `postId`.
    QList<FakeHttpServer::Seen> requestsFor(const QString &postId) const
    {
        QList<FakeHttpServer::Seen> found;
        for (const FakeHttpServer::Seen &seen : m_fake.requests) {
            const auto body = nlohmann::json::parse(seen.body.toStdString(), nullptr, false);
            if (body.is_object() && body.value("post_id", std::string()) == postId.toStdString())
                found << seen;
        }
        return found;
    }

    // The queue's row of `id`: its status column as shown.
    QString rowStatus(const QString &id)
    {
        const int row = view()->model()->rowOf(id);
        return row < 0 ? QString()
                       : view()->model()->index(row, quire::desktop::PostListModel::Status).data().toString();
    }

    // Opens `id` from the queue with a click on its row.
    void openFromQueue(const QString &id)
    {
        QTableView *table = view()->table();
        const int row = view()->model()->rowOf(id);
        QVERIFY2(row >= 0, "the post is not in the queue");
        const QRect cell = table->visualRect(view()->model()->index(row, quire::desktop::PostListModel::Title));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(composer()->currentId(), id);
    }

    quire::gui::DestinationEditor *onlyDestination()
    {
        const QList<quire::gui::DestinationEditor *> editors = composer()->destinationEditors();
        if (editors.size() != 1)
            qFatal("the post has %d destinations, not one", int(editors.size()));
        return editors.first();
    }
    QString destinationState() { return findNamed<QLabel>(*onlyDestination(), "destinationState")->text(); }

    // Runs `answer` on the next modal dialog of type T once it shows (exec()
    // blocks in its own loop); the answer closes it.
    template<typename T> void answerNext(std::function<void(T &)> answer)
    {
        QTimer::singleShot(0, this, [answer] {
            [[maybe_unused]] const bool shown = QTest::qWaitFor(
                [] { return qobject_cast<T *>(QApplication::activeModalWidget()) != nullptr; }, kTimeoutMs);
            if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget()))
                answer(*dialog);
        });
    }
    static void clickOk(QDialog &dialog)
    {
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        if (ok->isEnabled())
            QTest::mouseClick(ok, Qt::LeftButton);
        else
            dialog.reject(); // the caller's checks then fail
    }

    // Composes a new post for the client's webhook: its text typed into
    // the destination's own box, the time `due` shown in kZone.
    void compose(const QString &title, const QString &body, const QString &hookText, const QDateTime &due)
    {
        QTest::mouseClick(findNamed<QPushButton>(*view(), "newPostButton"), Qt::LeftButton);
        QCOMPARE(findNamed<QStackedWidget>(*view(), "editorStack")->currentWidget(), composer());
        QTest::keyClicks(findNamed<QLineEdit>(*composer(), "postTitle"), title);
        QTest::keyClicks(findNamed<QPlainTextEdit>(*composer(), "postBody"), body);
        findNamed<QComboBox>(*composer(), "postZone")->setCurrentText(kZone);
        const QDateTime there = due.toTimeZone(QTimeZone(kZone.toUtf8()));
        auto *when = findNamed<QDateTimeEdit>(*composer(), "postWhen");
        when->setDate(there.date());
        when->setTime(there.time());
        QTest::mouseClick(findNamed<QToolButton>(*composer(), "addDestination"), Qt::LeftButton);
        quire::gui::DestinationEditor *hook = onlyDestination();
        QVERIFY(hook->platformName().contains(QStringLiteral("Ada's hook")));
        QCOMPARE(hook->textEdit()->toPlainText(), body); // follows the body until edited
        hook->textEdit()->setFocus();
        hook->textEdit()->selectAll();
        type(hook->textEdit(), hookText);
    }

    // Types `text` as a keyboard would: keyClicks knows ASCII keys only,
    // so anything else arrives as a key event carrying its text, as an
    // input method sends it (a character outside the BMP whole).
    static void type(QWidget *w, const QString &text)
    {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i].unicode() < 0x80) {
                QTest::keyClicks(w, text.mid(i, 1));
                continue;
            }
            const qsizetype n = text[i].isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, text.mid(i, n), Qt::NoModifier);
            i += n - 1;
        }
    }

    void schedule()
    {
        QTest::mouseClick(composer()->scheduleButton(), Qt::LeftButton);
        QVERIFY2(composer()->messageLabel()->text().startsWith(QStringLiteral("Scheduled")),
                 qPrintable(composer()->messageLabel()->text()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_app.dir.isValid());
        QVERIFY(m_fake.start());
        m_fake.handler = [this](const FakeHttpServer::Seen &seen) {
            m_appRunning << (m_app.workspace != nullptr);
            const auto body = nlohmann::json::parse(seen.body.toStdString(), nullptr, false);
            if (!m_webhookFixed && body.is_object()
                && body.value("post_id", std::string()) == m_failingPost.toStdString())
                return FakeHttpServer::answer(400, "{\"message\":\"channel closed for maintenance\"}");
            return FakeHttpServer::answer(200, "{\"id\":\"p1\",\"url\":\"" + kPublishedUrl + "\"}");
        };
        QVERIFY(createUser(m_app.serverData(), kCreator, QStringLiteral("creator"), kSyncTestPassword));
        // The server's credential key, as an operator keeps it: one
        // "<id>:<base64 of 32 bytes>" line, readable by its owner alone.
        const QString keyFile = m_app.dir.filePath(QStringLiteral("credential.keys"));
        quint32 words[8];
        QRandomGenerator::system()->fillRange(words);
        const QByteArray key(reinterpret_cast<const char *>(words), sizeof words);
        QFile keys(keyFile);
        QVERIFY(keys.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        keys.write("scenario-key:" + key.toBase64() + '\n');
        keys.close();
        m_app.serverArgs << QStringLiteral("--credential-key-file") << keyFile << QStringLiteral("--outbound-allow")
                         << QStringLiteral("127.0.0.1:%1").arg(m_fake.port());
        QVERIFY(m_app.startServer());
    }

    void theCreatorSignsInAndSyncs()
    {
        QVERIFY(startApp({ QStringLiteral("--server"), QStringLiteral("URL"), QStringLiteral("--trust-fingerprint"),
                           QStringLiteral("FP"), QStringLiteral("--email"), kCreator }));
        QTRY_VERIFY_WITH_TIMEOUT(m_app.window->findChild<quire::gui::SignInDialog *>()
                                     && m_app.window->findChild<quire::gui::SignInDialog *>()->isVisible(),
                                 kTimeoutMs);
        const QPointer<quire::gui::SignInDialog> dialog = m_app.window->findChild<quire::gui::SignInDialog *>();
        auto *password = findNamed<QLineEdit>(*dialog, "password");
        QTest::keyClicks(password, kSyncTestPassword);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->session().isSignedIn(), kTimeoutMs);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->connection().state(), ConnectionState::Online, kTimeoutMs);
        QVERIFY(syncRound());
        m_app.window->showSection(QStringLiteral("posts"));
        QTRY_VERIFY(view()->isVisible());
        QCOMPARE(findNamed<QStackedWidget>(*view(), "listStack")->currentWidget()->objectName(),
                 QStringLiteral("noClientsState"));
    }

    // The client and its webhook in their dialogs; the signing secret
    // through the credential dialog, straight to the server.
    void aClientAndItsWebhookWithTheSecretSentOnce()
    {
        bool credentialStored = false;
        QString credentialMessage;
        answerNext<quire::gui::ClientsDialog>([&](quire::gui::ClientsDialog &clients) {
            answerNext<quire::gui::ClientDialog>([](quire::gui::ClientDialog &d) {
                QTest::keyClicks(findNamed<QLineEdit>(d, "clientName"), QStringLiteral("Ada"));
                findNamed<QComboBox>(d, "clientZone")->setCurrentText(kZone);
                clickOk(d);
            });
            QTest::mouseClick(findNamed<QPushButton>(clients, "addClient"), Qt::LeftButton);
            answerNext<quire::gui::PlatformDialog>([this](quire::gui::PlatformDialog &d) {
                auto *kind = findNamed<QComboBox>(d, "platformKind");
                kind->setCurrentIndex(
                    kind->findData(quire::shared::kPlatformKinds.name(quire::shared::PlatformKind::Webhook)));
                QTest::keyClicks(findNamed<QLineEdit>(d, "platformName"), QStringLiteral("Ada's hook"));
                QTest::keyClicks(findNamed<QLineEdit>(d, "platformAddress"), hookAddress());
                clickOk(d);
            });
            QTest::mouseClick(findNamed<QPushButton>(clients, "addPlatform"), Qt::LeftButton);
            auto *setCredential = findNamed<QPushButton>(clients, "setCredential");
            if (clients.platformList()->count() == 1 && setCredential->isEnabled()) {
                answerNext<quire::gui::CredentialDialog>([](quire::gui::CredentialDialog &d) {
                    QTest::keyClicks(findNamed<QLineEdit>(d, "secret_token"), QString::fromLatin1(kSecret));
                    clickOk(d);
                });
                QTest::mouseClick(setCredential, Qt::LeftButton);
                // The date the server stored it on arrives with the next round.
                credentialStored = QTest::qWaitFor(
                    [&] {
                        return findNamed<QLabel>(clients, "credentialState")
                            ->text()
                            .startsWith(QStringLiteral("Credential set on"));
                    },
                    kTimeoutMs);
            }
            credentialMessage = findNamed<QLabel>(clients, "clientsMessage")->text();
            clients.accept();
        });
        QTest::mouseClick(findNamed<QStackedWidget>(*view(), "listStack")->currentWidget()->findChild<QPushButton *>(),
                          Qt::LeftButton);
        QVERIFY2(credentialStored, qPrintable(credentialMessage));
        QVERIFY(syncRound());
        const auto platforms = view()->store().platformsOf(QString());
        QVERIFY(platforms);
        QCOMPARE(platforms->size(), 1);
        QCOMPARE(platforms->first().kind, quire::shared::PlatformKind::Webhook);
        QCOMPARE(platforms->first().baseUrl, hookAddress());
        QVERIFY(platforms->first().hasCredential());
        QCOMPARE(findNamed<QStackedWidget>(*view(), "listStack")->currentWidget()->objectName(),
                 QStringLiteral("emptyState"));

        // Sent once over TLS and kept nowhere here: no file of the profile
        // (the replica, its journal, the settings) holds the secret.
        QDirIterator files(m_app.profile(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            QVERIFY2(!file.readAll().contains(kSecret),
                     qPrintable(file.fileName() + QStringLiteral(" has the secret")));
            ++read;
        }
        QVERIFY(read > 0);
        // The replica itself was among them.
        const QString replica = m_app.workspace->replica().database().path();
        QVERIFY2(replica.startsWith(m_app.profile()) && QFileInfo::exists(replica), qPrintable(replica));
    }

    // The server goes away; she composes and schedules offline, autosave
    // keeps her next edit, and the app is closed and opened again.
    void offlineSheComposesAndSchedulesAndItSurvivesARestart()
    {
        QVERIFY(m_app.stopServer());
        m_app.workspace->connection().checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->connection().state(), ConnectionState::Offline, kTimeoutMs);

        m_due = QDateTime::currentDateTimeUtc().addSecs(kLeadSecs);
        m_due = m_due.addMSecs(-m_due.time().msec()); // the editor has whole seconds
        compose(QStringLiteral("Launch"), QStringLiteral("We launch today."), kHookText, m_due);
        if (QTest::currentTestFailed())
            return;
        schedule();
        m_post = composer()->currentId();
        QVERIFY(!m_post.isEmpty());
        // Autosave: the title edited after scheduling is kept, still scheduled.
        auto *title = findNamed<QLineEdit>(*composer(), "postTitle");
        title->setFocus();
        title->end(false);
        QTest::keyClicks(title, QStringLiteral(" day"));
        QTRY_COMPARE_WITH_TIMEOUT(stored(m_post).title, QStringLiteral("Launch day"), 5000);
        const quire::desktop::PostDraft post = stored(m_post);
        QCOMPARE(post.status, PostStatus::Scheduled);
        QCOMPARE(post.scheduledAt, m_due);
        QCOMPARE(post.timeZone, kZone);
        QCOMPARE(post.destinations.size(), 1);
        QCOMPARE(post.textFor(post.destinations.first()), kHookText);
        m_destination = post.destinations.first().id;
        // Nothing reached the server.
        const auto status = m_app.workspace->syncStore().status();
        QVERIFY(status && status->pending > 0);
        QCOMPARE(rowStatus(m_post), QStringLiteral("Scheduled · ○ Ada's hook"));

        quitApp();
        QVERIFY(startApp({}));
        m_app.window->showSection(QStringLiteral("posts"));
        QTRY_VERIFY(view()->isVisible());
        QCOMPARE(view()->model()->rowCount(), 1);
        openFromQueue(m_post);
        QCOMPARE(findNamed<QLineEdit>(*composer(), "postTitle")->text(), QStringLiteral("Launch day"));
        QCOMPARE(findNamed<QComboBox>(*composer(), "postZone")->currentText(), kZone);
        QCOMPARE(findNamed<QDateTimeEdit>(*composer(), "postWhen")->time(),
                 m_due.toTimeZone(QTimeZone(kZone.toUtf8())).time());
        QCOMPARE(onlyDestination()->textEdit()->toPlainText(), kHookText);
        QCOMPARE(findNamed<QLabel>(*composer(), "postStatus")->text(), QStringLiteral("Scheduled"));
        QVERIFY(m_app.workspace->connection().state() != ConnectionState::Online);
    }

    // The server is back: a round takes the post there, and she quits
    // before its time.
    void theNetworkComesBackItSyncsAndSheQuits()
    {
        QVERIFY(m_app.startServer());
        m_app.workspace->connection().checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->connection().state(), ConnectionState::Online, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->session().isSignedIn(), kTimeoutMs);
        QVERIFY(syncRound());
        QCOMPARE(stored(m_post).status, PostStatus::Scheduled);
        quitApp();
        QVERIFY2(m_fake.requests.isEmpty(), "the post went out while the app was still running");
    }

    void theServerPublishesItWithNoDesktopRunning()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_fake.requests.size(), 1, kDeliveryTimeoutMs);
        QCOMPARE(m_appRunning, QList<bool> { false });
        const FakeHttpServer::Seen seen = m_fake.requests.first();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.target, QByteArray("/hook"));
        QVERIFY(seen.headers.value("content-type").startsWith("application/json"));
        // Signed with the secret sent once: HMAC-SHA256 over "<timestamp>.<body>".
        const QByteArray timestamp = seen.headers.value("x-quire-timestamp");
        QVERIFY(!timestamp.isEmpty());
        const QByteArray mac
            = QMessageAuthenticationCode::hash(timestamp + '.' + seen.body, kSecret, QCryptographicHash::Sha256);
        QCOMPARE(seen.headers.value("x-quire-signature"), QByteArray("sha256=" + mac.toHex()));
        QVERIFY(!seen.headers.value("idempotency-key").isEmpty());
        const auto body = nlohmann::json::parse(seen.body.toStdString(), nullptr, false);
        QVERIFY2(body.is_object(), seen.body.constData());
        QCOMPARE(QString::fromStdString(body.value("text", std::string())), kHookText);
        QCOMPARE(QString::fromStdString(body.value("post_id", std::string())), m_post);
        QCOMPARE(QString::fromStdString(body.value("destination_id", std::string())), m_destination);
        const QString scheduledAt = QString::fromStdString(body.value("scheduled_at", std::string()));
        QCOMPARE(quire::shared::Timestamp::parse(scheduledAt).value_or(QDateTime()), m_due);
        QCOMPARE(body.value("attempt", 0), 1); // the first try went through
    }

    // Started again: published, with the address the webhook gave; more
    // rounds and a server restart send nothing twice.
    void startedAgainItShowsThePostPublished()
    {
        QVERIFY(startApp({}));
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->connection().state(), ConnectionState::Online, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->session().isSignedIn(), kTimeoutMs);
        QVERIFY(syncRound());
        m_app.window->showSection(QStringLiteral("posts"));
        QTRY_VERIFY(view()->isVisible());
        QCOMPARE(stored(m_post).status, PostStatus::Published);
        QCOMPARE(storedDestination(m_post).status, DestinationStatus::Published);
        QCOMPARE(storedDestination(m_post).publishedUrl, QString::fromLatin1(kPublishedUrl));
        QTRY_COMPARE(rowStatus(m_post), QStringLiteral("Published · ✓ Ada's hook"));
        openFromQueue(m_post);
        QVERIFY2(destinationState().contains(QStringLiteral("Published"))
                     && destinationState().contains(QString::fromLatin1(kPublishedUrl)),
                 qPrintable(destinationState()));
        QCOMPARE(findNamed<QLabel>(*composer(), "postStatus")->text(), QStringLiteral("Published"));

        QVERIFY(m_app.stopServer());
        QVERIFY(m_app.startServer());
        m_app.workspace->connection().checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->connection().state(), ConnectionState::Online, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(syncRound(), kTimeoutMs);
        QCOMPARE(stored(m_post).status, PostStatus::Published);
        QCOMPARE(m_fake.requests.size(), 1);
    }

    // A webhook that refuses: failed with its words; Retry once it is
    // fixed publishes that destination.
    void aRefusedPostShowsWhyAndRetryPublishesIt()
    {
        const QDateTime due = QDateTime::currentDateTimeUtc().addSecs(3);
        compose(QStringLiteral("Bounce"), QStringLiteral("Second post."), QStringLiteral("This one bounces first."),
                due.addMSecs(-due.time().msec()));
        if (QTest::currentTestFailed())
            return;
        schedule();
        m_failingPost = composer()->currentId(); // the webhook refuses it from now on
        QVERIFY(!m_failingPost.isEmpty());
        QVERIFY(syncRound());

        QTRY_COMPARE_WITH_TIMEOUT(requestsFor(m_failingPost).size(), 1, kDeliveryTimeoutMs);
        // The publisher's word arrives with a round (the live channel starts one).
        QTRY_COMPARE_WITH_TIMEOUT(storedDestination(m_failingPost).status, DestinationStatus::Failed, kTimeoutMs);
        QCOMPARE(stored(m_failingPost).status, PostStatus::Failed);
        const QString lastError = storedDestination(m_failingPost).lastError;
        QVERIFY2(lastError.contains(QStringLiteral("channel closed for maintenance")), qPrintable(lastError));
        QTRY_COMPARE(rowStatus(m_failingPost), QStringLiteral("Failed · ✗ Ada's hook"));
        const int row = view()->model()->rowOf(m_failingPost);
        QVERIFY(view()->model()->index(row, 0).data(quire::desktop::PostListModel::FailedRole).toBool());
        const QString tip
            = view()->model()->index(row, quire::desktop::PostListModel::Status).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("channel closed for maintenance")), qPrintable(tip));
        // The composer, still open on it, shows it too, with Retry.
        QCOMPARE(composer()->currentId(), m_failingPost);
        QTRY_VERIFY2(destinationState().contains(QStringLiteral("channel closed for maintenance")),
                     qPrintable(destinationState()));
        QPushButton *retry = onlyDestination()->retryButton();
        QVERIFY(retry->isVisible());
        QVERIFY2(retry->isEnabled(), qPrintable(retry->toolTip()));

        m_webhookFixed = true;
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(composer()->messageLabel()->text(), QStringLiteral("The server tries again now."),
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(requestsFor(m_failingPost).size(), 2, kDeliveryTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stored(m_failingPost).status, PostStatus::Published, kTimeoutMs);
        QCOMPARE(storedDestination(m_failingPost).publishedUrl, QString::fromLatin1(kPublishedUrl));
        QTRY_COMPARE(rowStatus(m_failingPost), QStringLiteral("Published · ✓ Ada's hook"));
        QTRY_VERIFY2(destinationState().contains(QString::fromLatin1(kPublishedUrl)), qPrintable(destinationState()));
        QVERIFY(!onlyDestination()->retryButton()->isVisible());

        // The first post, through all of it, went out once.
        QVERIFY(syncRound());
        QCOMPARE(requestsFor(m_post).size(), 1);
        QCOMPARE(requestsFor(m_failingPost).size(), 2);
        QCOMPARE(stored(m_post).status, PostStatus::Published);
    }

    void cleanupTestCase() { quitApp(); }
};

QTEST_MAIN(TestPostScenario)
#include "tst_postscenario.moc"
