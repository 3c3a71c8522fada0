// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/core/profile.h"
#include "desktop/core/replica.h"
#include "desktop/core/workspace.h"
#include "desktop/scheduler/core/calendarweeks.h"
#include "desktop/scheduler/core/postlistmodel.h"
#include "desktop/scheduler/core/poststore.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "desktop/scheduler/widgets/postcalendar.h"
#include "desktop/scheduler/widgets/postcomposer.h"
#include "desktop/scheduler/widgets/postsview.h"
#include "shared/database.h"
#include "shared/schedulertables.h"

#include <QDateTimeEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace quire;
using desktop::PostDraft;
using shared::PostStatus;
namespace CalendarWeeks = desktop::CalendarWeeks;

// The Posts section's calendar over a real replica, under offscreen: the
// grid's dates per locale (the week's first day) and across DST, a post
// on its day in its own zone, a click opening it in the composer, and a
// drop on another day moving it there at the same local time (stored, and
// in the queue), refused for a published post and when the store refuses.
// Drops are delivered as the drag would: QDragEnter/QDrop events carrying
// the chip's QMimeData sent to the day's cell (QDrag's own loop does not
// run offscreen).
class TestPostCalendar : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<desktop::Workspace> m_workspace;
    std::unique_ptr<gui::PostsView> m_view;
    std::unique_ptr<desktop::PostStore> m_posts;
    const QString m_me = QStringLiteral("0190f2a4-0000-7000-8000-000000000001");
    const QString m_berlin = QStringLiteral("Europe/Berlin");
    QString m_client, m_platform;

    gui::PostCalendar *calendar() const { return m_view->calendar(); }

    static QDateTime at(int y, int m, int d, int h, int min, const QString &zone)
    {
        return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(zone.toUtf8())).toUTC();
    }

    // A post of the client saved in `status` at `utc` (with a destination
    // unless `bare`), as the composer would have stored it.
    QString makePost(const QString &title, const QDateTime &utc, const QString &zone, PostStatus status,
                     bool bare = false)
    {
        PostDraft d;
        d.clientId = m_client;
        d.title = title;
        d.body = QStringLiteral("Text of ") + title;
        d.timeZone = zone;
        d.scheduledAt = utc;
        d.status = status;
        if (!bare) {
            desktop::DestinationDraft destination;
            destination.platformId = m_platform;
            d.destinations.append(destination);
        }
        auto id = m_posts->save(d, m_me);
        return id ? *id : QString();
    }

    QWidget *chipOf(const QString &id) const
    {
        for (QWidget *chip : calendar()->findChildren<QWidget *>(QStringLiteral("postChip"))) {
            if (chip->property("postId").toString() == id)
                return chip;
        }
        return nullptr;
    }
    QWidget *cellOf(const QDate &day) const
    {
        for (QWidget *cell : calendar()->findChildren<QWidget *>(QStringLiteral("dayCell"))) {
            if (cell->property("date").toDate() == day)
                return cell;
        }
        return nullptr;
    }
    QDate dayOf(const QString &id) const
    {
        QWidget *chip = chipOf(id);
        return chip ? chip->parentWidget()->property("date").toDate() : QDate();
    }
    QDateTime storedAt(const QString &id) const
    {
        auto post = m_posts->load(id);
        return post && *post ? (*post)->scheduledAt : QDateTime();
    }
    // Drags the post `id` onto `day` the way a drop arrives: enter, then drop.
    // Whether the cell accepted the drag (entered) and the drop.
    std::pair<bool, bool> dropOn(const QString &id, const QDate &day)
    {
        QWidget *cell = cellOf(day);
        if (!cell)
            return { false, false };
        std::unique_ptr<QMimeData> data(gui::PostCalendar::mimeFor(id));
        const QPoint centre = cell->rect().center();
        QDragEnterEvent enter(centre, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(cell, &enter);
        QDropEvent drop(centre, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(cell, &drop);
        return { enter.isAccepted(), drop.isAccepted() };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto ws = desktop::Workspace::open(m_dir.filePath(QStringLiteral("profile")));
        QVERIFY(ws.ok());
        m_workspace = std::move(ws.value());
        m_workspace->profile().setAccount({ m_me, QStringLiteral("me@example.org"), QStringLiteral("Me") });
        m_view = std::make_unique<gui::PostsView>(*m_workspace);
        m_posts = std::make_unique<desktop::PostStore>(m_view->store());
        auto client = m_view->store().createClient({ { "name", "Ada" }, { "time_zone", "Europe/Berlin" } }, m_me);
        QVERIFY(client);
        m_client = *client;
        auto platform = m_view->store().createPlatform(
            { { "client_id", m_client.toStdString() }, { "kind", "mastodon" }, { "display_name", "Mastodon" } }, m_me);
        QVERIFY(platform);
        m_platform = *platform;
        m_view->resize(1280, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->panes()->setCurrentWidget(calendar());
    }

    void monthGrid_data()
    {
        QTest::addColumn<QDate>("month");
        QTest::addColumn<int>("firstDay");
        QTest::addColumn<QDate>("first");
        QTest::newRow("Saturday 1st, Monday first") << QDate(2030, 6, 15) << int(Qt::Monday) << QDate(2030, 5, 27);
        QTest::newRow("Saturday 1st, Sunday first") << QDate(2030, 6, 15) << int(Qt::Sunday) << QDate(2030, 5, 26);
        QTest::newRow("Sunday 1st, Monday first") << QDate(2030, 9, 30) << int(Qt::Monday) << QDate(2030, 8, 26);
        QTest::newRow("Sunday 1st, Sunday first") << QDate(2030, 9, 1) << int(Qt::Sunday) << QDate(2030, 9, 1);
        QTest::newRow("Monday 1st, Monday first") << QDate(2027, 2, 1) << int(Qt::Monday) << QDate(2027, 2, 1);
        QTest::newRow("Friday 1st, Monday first (DST month)")
            << QDate(2030, 3, 31) << int(Qt::Monday) << QDate(2030, 2, 25);
        QTest::newRow("Friday 1st, Sunday first (DST month)")
            << QDate(2030, 3, 1) << int(Qt::Sunday) << QDate(2030, 2, 24);
    }

    void monthGrid()
    {
        QFETCH(QDate, month);
        QFETCH(int, firstDay);
        QFETCH(QDate, first);
        const QList<QDate> days = CalendarWeeks::monthGrid(month, Qt::DayOfWeek(firstDay));
        QCOMPARE(days.size(), 42);
        QCOMPARE(days.first(), first);
        for (qsizetype i = 1; i < days.size(); ++i)
            QCOMPARE(days[i], days[i - 1].addDays(1));
        const QDate firstOfMonth(month.year(), month.month(), 1);
        QVERIFY(days.indexOf(firstOfMonth) < 7); // the 1st in the first row
        QVERIFY(days.contains(QDate(month.year(), month.month(), month.daysInMonth())));
    }

    void weekOfADstChange_data()
    {
        QTest::addColumn<QDate>("day");
        QTest::addColumn<int>("firstDay");
        QTest::addColumn<QDate>("first");
        // Berlin moves its clocks on Sunday 31 March and Sunday 27 October 2030.
        QTest::newRow("spring, Monday first") << QDate(2030, 3, 28) << int(Qt::Monday) << QDate(2030, 3, 25);
        QTest::newRow("spring, Sunday first") << QDate(2030, 3, 31) << int(Qt::Sunday) << QDate(2030, 3, 31);
        QTest::newRow("autumn, Monday first") << QDate(2030, 10, 27) << int(Qt::Monday) << QDate(2030, 10, 21);
        QTest::newRow("autumn, Sunday first") << QDate(2030, 10, 26) << int(Qt::Sunday) << QDate(2030, 10, 20);
    }

    void weekOfADstChange()
    {
        QFETCH(QDate, day);
        QFETCH(int, firstDay);
        QFETCH(QDate, first);
        const QList<QDate> days = CalendarWeeks::week(day, Qt::DayOfWeek(firstDay));
        QCOMPARE(days.size(), 7);
        QCOMPARE(days.first(), first);
        QCOMPARE(days.last(), first.addDays(6));
        QVERIFY(days.contains(day));
    }

    void theLocaleChoosesTheWeeksFirstDay_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QDate>("first");
        QTest::newRow("de_DE: Monday") << QStringLiteral("de_DE") << QDate(2030, 5, 27);
        QTest::newRow("en_US: Sunday") << QStringLiteral("en_US") << QDate(2030, 5, 26);
    }

    void theLocaleChoosesTheWeeksFirstDay()
    {
        QFETCH(QString, locale);
        QFETCH(QDate, first);
        QLocale::setDefault(QLocale(locale));
        calendar()->setMode(gui::PostCalendar::Mode::Month);
        calendar()->showDay(QDate(2030, 6, 10));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(calendar()->days().size(), 42);
        QCOMPARE(calendar()->days().first(), first);
        QCOMPARE(calendar()->findChildren<QWidget *>(QStringLiteral("dayCell")).size(), 42);
        QVERIFY2(calendar()->title().contains(QStringLiteral("2030")), qPrintable(calendar()->title()));
    }

    void aPostsDayIsItsDayInItsZone_data()
    {
        QTest::addColumn<QDateTime>("utc");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("day");
        QTest::newRow("23:30 Berlin, same UTC day")
            << QDateTime(QDate(2030, 6, 1), QTime(21, 30), QTimeZone::utc()) << m_berlin << QDate(2030, 6, 1);
        QTest::newRow("00:30 Berlin, the UTC day before")
            << QDateTime(QDate(2030, 6, 1), QTime(22, 30), QTimeZone::utc()) << m_berlin << QDate(2030, 6, 2);
        QTest::newRow("21:00 New York, the UTC day after")
            << QDateTime(QDate(2030, 6, 2), QTime(1, 0), QTimeZone::utc()) << QStringLiteral("America/New_York")
            << QDate(2030, 6, 1);
        QTest::newRow("an unknown zone counts as UTC") << QDateTime(QDate(2030, 6, 1), QTime(23, 30), QTimeZone::utc())
                                                       << QStringLiteral("Mars/Olympus") << QDate(2030, 6, 1);
    }

    void aPostsDayIsItsDayInItsZone()
    {
        QFETCH(QDateTime, utc);
        QFETCH(QString, zone);
        QFETCH(QDate, day);
        QCOMPARE(CalendarWeeks::localTime(utc, zone).date(), day);
        const QString id = makePost(QStringLiteral("Day of ") + QString::fromLatin1(QTest::currentDataTag()), utc, zone,
                                    PostStatus::Scheduled);
        QVERIFY(!id.isEmpty());
        m_view->refresh();
        calendar()->setMode(gui::PostCalendar::Mode::Month);
        calendar()->showDay(QDate(2030, 6, 1));
        QCOMPARE(dayOf(id), day);
        QVERIFY(m_posts->remove(id));
        m_view->refresh();
        QVERIFY(!chipOf(id));
    }

    void movedToDayKeepsTheLocalTime_data()
    {
        QTest::addColumn<QDateTime>("utc");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QDateTime>("moved");
        QTest::newRow("Berlin 10:00 across spring DST")
            << at(2030, 3, 29, 10, 0, m_berlin) << m_berlin << QDate(2030, 4, 1) << at(2030, 4, 1, 10, 0, m_berlin);
        QTest::newRow("Berlin 10:00 across autumn DST") << at(2030, 10, 25, 10, 0, m_berlin) << m_berlin
                                                        << QDate(2030, 10, 28) << at(2030, 10, 28, 10, 0, m_berlin);
        QTest::newRow("Berlin 23:30 back a day")
            << at(2030, 6, 5, 23, 30, m_berlin) << m_berlin << QDate(2030, 6, 4) << at(2030, 6, 4, 23, 30, m_berlin);
        QTest::newRow("New York 21:00") << at(2030, 6, 1, 21, 0, QStringLiteral("America/New_York"))
                                        << QStringLiteral("America/New_York") << QDate(2030, 6, 3)
                                        << at(2030, 6, 3, 21, 0, QStringLiteral("America/New_York"));
    }

    void movedToDayKeepsTheLocalTime()
    {
        QFETCH(QDateTime, utc);
        QFETCH(QString, zone);
        QFETCH(QDate, day);
        QFETCH(QDateTime, moved);
        QCOMPARE(CalendarWeeks::movedToDay(utc, zone, day), moved);
        QCOMPARE(CalendarWeeks::localTime(moved, zone).time(), CalendarWeeks::localTime(utc, zone).time());
    }

    void clickingAChipOpensIt()
    {
        const QString id
            = makePost(QStringLiteral("Launch"), at(2030, 6, 3, 14, 30, m_berlin), m_berlin, PostStatus::Scheduled);
        m_view->refresh();
        calendar()->setMode(gui::PostCalendar::Mode::Month);
        calendar()->showDay(QDate(2030, 6, 3));
        QWidget *chip = chipOf(id);
        QVERIFY(chip);
        const QString text = qobject_cast<QLabel *>(chip)->text();
        QVERIFY2(text.contains(QStringLiteral("2:30")), qPrintable(text)); // the title elides in a month's cell
        QVERIFY2(chip->accessibleName().contains(QStringLiteral("2:30 PM Launch")), qPrintable(chip->accessibleName()));
        QTRY_VERIFY(chip->isVisible() && chip->width() > 0);
        QTest::mouseClick(chip, Qt::LeftButton);
        QCOMPARE(m_view->composer()->currentId(), id);
        QCOMPARE(m_view->findChild<QStackedWidget *>(QStringLiteral("editorStack"))->currentWidget(),
                 m_view->composer());
    }

    void aDropMovesItKeepingItsLocalTime()
    {
        const QString id = m_view->composer()->currentId(); // Launch, open in the composer
        QVERIFY(!id.isEmpty());
        const auto [entered, dropped] = dropOn(id, QDate(2030, 6, 11));
        QVERIFY(entered);
        QVERIFY(dropped);
        QVERIFY2(calendar()->messageLabel()->text().startsWith(QStringLiteral("Moved")),
                 qPrintable(calendar()->messageLabel()->text()));
        // Stored in the replica at 14:30 Berlin on the new day, still scheduled.
        QCOMPARE(storedAt(id), at(2030, 6, 11, 14, 30, m_berlin));
        QCOMPARE((*m_posts->load(id))->status, PostStatus::Scheduled);
        QCOMPARE(dayOf(id), QDate(2030, 6, 11));
        // The queue shows it, and the composer holding it shows the new day.
        const int row = m_view->model()->rowOf(id);
        QVERIFY(row >= 0);
        QCOMPARE(m_view->model()->at(row)->scheduledAt, at(2030, 6, 11, 14, 30, m_berlin));
        QVERIFY(m_view->model()
                    ->index(row, desktop::PostListModel::Scheduled)
                    .data()
                    .toString()
                    .contains(QStringLiteral("6/11/30")));
        QCOMPARE(m_view->findChild<QDateTimeEdit *>(QStringLiteral("postWhen"))->date(), QDate(2030, 6, 11));
    }

    void aDraftMovesAndStaysADraft()
    {
        const QString id
            = makePost(QStringLiteral("Idea"), at(2030, 6, 12, 9, 0, m_berlin), m_berlin, PostStatus::Draft, true);
        m_view->refresh();
        QVERIFY(dropOn(id, QDate(2030, 6, 14)).second);
        auto post = m_posts->load(id);
        QCOMPARE((*post)->status, PostStatus::Draft);
        QCOMPARE((*post)->scheduledAt, at(2030, 6, 14, 9, 0, m_berlin));
    }

    void whatTheStoreRefusesStaysWhereItWas()
    {
        // Scheduled, but with no destination left: schedule() refuses.
        const QDateTime when = at(2030, 6, 18, 8, 15, m_berlin);
        const QString id = makePost(QStringLiteral("Orphan"), when, m_berlin, PostStatus::Scheduled, true);
        m_view->refresh();
        const auto [entered, dropped] = dropOn(id, QDate(2030, 6, 20));
        QVERIFY(entered);
        QVERIFY(!dropped);
        const QString message = calendar()->messageLabel()->text();
        QVERIFY2(message.startsWith(QStringLiteral("Not moved")) && message.contains(QStringLiteral("platform")),
                 qPrintable(message));
        auto post = m_posts->load(id);
        QVERIFY(post && *post);
        QCOMPARE((*post)->scheduledAt, when);
        QCOMPARE((*post)->status, PostStatus::Scheduled);
        QCOMPARE(dayOf(id), QDate(2030, 6, 18));
    }

    void aPublishedPostCannotBeDragged()
    {
        const QDateTime when = at(2030, 6, 19, 12, 0, m_berlin);
        const QString id = makePost(QStringLiteral("Out"), when, m_berlin, PostStatus::Published);
        m_view->refresh();
        QWidget *chip = chipOf(id);
        QVERIFY(chip);
        QVERIFY2(chip->toolTip().contains(QStringLiteral("Cannot be moved")), qPrintable(chip->toolTip()));
        const auto [entered, dropped] = dropOn(id, QDate(2030, 6, 21));
        QVERIFY(!entered); // so no drop reaches the day
        QVERIFY(!dropped);
        // Should one arrive all the same, the handler refuses it saying why.
        std::unique_ptr<QMimeData> data(gui::PostCalendar::mimeFor(id));
        QVERIFY(!calendar()->drop(*data, QDate(2030, 6, 21)));
        QVERIFY2(calendar()->messageLabel()->text().contains(QStringLiteral("published")),
                 qPrintable(calendar()->messageLabel()->text()));
        QCOMPARE(storedAt(id), when);
        QCOMPARE(dayOf(id), QDate(2030, 6, 19));
    }

    void aDestinationNeedingAttentionIsMarked()
    {
        const QString id
            = makePost(QStringLiteral("Checked"), at(2030, 6, 24, 7, 0, m_berlin), m_berlin, PostStatus::Scheduled);
        // The server's pre-flight findings arrive with sync; written here as it would.
        QVERIFY(m_workspace->replica().database().exec(
            QStringLiteral("UPDATE %1 SET preflight = ? WHERE post_id = ?").arg(shared::postDestinationsTable()),
            { QStringLiteral("auth: the token expired"), id }));
        m_view->refresh();
        QWidget *chip = chipOf(id);
        QVERIFY(chip);
        QVERIFY(qobject_cast<QLabel *>(chip)->text().startsWith(QStringLiteral("⚠")));
        QVERIFY(chip->toolTip().contains(QStringLiteral("the token expired")));
    }

    void theWeekListsItsPostsInTimeOrder()
    {
        const QDate day(2030, 7, 2);
        const QStringList expected { QStringLiteral("early Berlin"), QStringLiteral("New York morning"),
                                     QStringLiteral("late Berlin") };
        makePost(expected[2], at(2030, 7, 2, 18, 0, m_berlin), m_berlin, PostStatus::Scheduled);
        makePost(expected[1], at(2030, 7, 2, 9, 0, QStringLiteral("America/New_York")),
                 QStringLiteral("America/New_York"), PostStatus::Draft);
        makePost(expected[0], at(2030, 7, 2, 8, 0, m_berlin), m_berlin, PostStatus::Scheduled);
        makePost(QStringLiteral("next week"), at(2030, 7, 9, 8, 0, m_berlin), m_berlin, PostStatus::Scheduled);
        m_view->refresh();
        calendar()->setMode(gui::PostCalendar::Mode::Week);
        calendar()->showDay(day);
        QCOMPARE(calendar()->days().size(), 7);
        QCOMPARE(calendar()->days().first(), QDate(2030, 6, 30)); // en_US: Sunday first
        QCOMPARE(calendar()->findChildren<QWidget *>(QStringLiteral("dayCell")).size(), 7);
        QVERIFY2(calendar()->title().contains(QStringLiteral("6/30/30"))
                     && calendar()->title().contains(QStringLiteral("7/6/30")),
                 qPrintable(calendar()->title()));
        QStringList titles;
        for (QWidget *chip : cellOf(day)->findChildren<QWidget *>(QStringLiteral("postChip")))
            titles << chip->toolTip().section(u'\n', 0, 0);
        QCOMPARE(titles, expected);
        QCOMPARE(calendar()->findChildren<QWidget *>(QStringLiteral("postChip")).size(), 3);
        calendar()->showNext();
        QCOMPARE(calendar()->days().first(), QDate(2030, 7, 7));
        QCOMPARE(calendar()->findChildren<QWidget *>(QStringLiteral("postChip")).size(), 1);
    }

    void cleanupTestCase()
    {
        m_posts.reset();
        m_view.reset();
        m_workspace.reset();
    }
};

QTEST_MAIN(TestPostCalendar)
#include "tst_postcalendar.moc"
