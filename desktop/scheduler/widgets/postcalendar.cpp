// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/widgets/postcalendar.h"

#include "desktop/scheduler/core/calendarweeks.h"
#include "desktop/scheduler/core/poststore.h"
#include "desktop/scheduler/core/schedulerlabels.h"
#include "desktop/widgets/tr.h"

#include <QApplication>
#include <QButtonGroup>
#include <QDrag>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QPointer>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace quire::gui {

namespace CalendarWeeks = desktop::CalendarWeeks;
using desktop::PostSummary;
using shared::PostStatus;

namespace {

constexpr int kMonthChips = 3; // a month's day shows this many posts, then "n more"
constexpr int kMonthCellHeight = 64;

// A status's colour on its chip's edge: the badge seen at a glance.
constexpr std::pair<PostStatus, const char *> kStatusColours[] = {
    { PostStatus::Draft, "#9e9e9e" },
    { PostStatus::Scheduled, "#1e88e5" },
    { PostStatus::Publishing, "#f9a825" },
    { PostStatus::Published, "#43a047" },
    { PostStatus::PartiallyPublished, "#fb8c00" },
    { PostStatus::Failed, "#e53935" },
    { PostStatus::Cancelled, "#616161" },
};

QString statusColour(PostStatus status)
{
    for (const auto &[each, colour] : kStatusColours) {
        if (each == status)
            return QString::fromLatin1(colour);
    }
    return {};
}

bool needsAttention(const PostSummary &post)
{
    return std::any_of(post.destinations.cbegin(), post.destinations.cend(),
                       [](const desktop::DestinationState &d) { return d.needsAttention(); });
}

// One post on its day: a click opens it, a drag moves it (when it may move).
class PostChip final : public QLabel
{
public:
    PostChip(PostCalendar &calendar, const PostSummary &post, QWidget *parent)
        : QLabel(parent)
        , m_calendar(&calendar)
        , m_id(post.id)
        , m_movable(desktop::PostStore::whyNotMovable(post.status).isEmpty())
    {
        setObjectName(QStringLiteral("postChip"));
        setProperty("postId", post.id);
        const QDateTime there = CalendarWeeks::localTime(post.scheduledAt, post.timeZone);
        const QString title = post.title.trimmed().isEmpty() ? Tr::tr("(untitled)") : post.title.trimmed();
        const QString time = QLocale().toString(there.time(), QLocale::ShortFormat);
        const bool attention = needsAttention(post);
        m_full = attention ? Tr::tr("⚠ %1 %2").arg(time, title) : Tr::tr("%1 %2").arg(time, title);
        // Shown on two lines, each elided on its own: a day is narrow, and
        // a title cut after its time said nothing of the post.
        m_when = attention ? QStringLiteral("⚠ ") + time : time;
        m_title = title;
        QStringList tip { title,
                          desktop::SchedulerLabels::timeIn(post.scheduledAt, post.timeZone) + u' '
                              + Tr::tr("(%1)").arg(post.timeZone),
                          desktop::SchedulerLabels::postStatus(post.status) };
        for (const desktop::DestinationState &d : post.destinations) {
            if (d.needsAttention())
                tip << Tr::tr("⚠ %1: %2")
                           .arg(desktop::SchedulerLabels::platformName(d.platformName, d.kind), d.preflight.trimmed());
        }
        if (!m_movable)
            tip << Tr::tr("Cannot be moved: %1").arg(desktop::PostStore::whyNotMovable(post.status));
        setToolTip(tip.join(u'\n'));
        setAccessibleName(Tr::tr("%1, %2").arg(m_full, desktop::SchedulerLabels::postStatus(post.status)));
        setStyleSheet(
            QStringLiteral("QLabel { border-left: 4px solid %1; padding-left: 3px; }").arg(statusColour(post.status)));
        setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        setFocusPolicy(Qt::TabFocus);
        setCursor(m_movable ? Qt::OpenHandCursor : Qt::PointingHandCursor);
        QLabel::setText(m_when + u'\n' + m_title);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        const int width = std::max(0, contentsRect().width());
        QLabel::setText(fontMetrics().elidedText(m_when, Qt::ElideRight, width) + u'\n'
                        + fontMetrics().elidedText(m_title, Qt::ElideRight, width));
        QLabel::resizeEvent(event);
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton) {
            m_pressedAt = event->position().toPoint();
            m_pressed = true;
        }
        QLabel::mousePressEvent(event);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (!m_pressed || !m_movable || !(event->buttons() & Qt::LeftButton)
            || (event->position().toPoint() - m_pressedAt).manhattanLength() < QApplication::startDragDistance())
            return;
        m_pressed = false;
        if (!m_calendar)
            return;
        auto *drag = new QDrag(this);
        drag->setMimeData(PostCalendar::mimeFor(m_id));
        drag->setPixmap(grab());
        drag->setHotSpot(m_pressedAt);
        // The drop refreshes the calendar; this chip must outlive the drag's loop.
        QPointer<PostCalendar> calendar = m_calendar;
        calendar->setDragging(true);
        drag->exec(Qt::MoveAction);
        if (calendar)
            calendar->setDragging(false);
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        const bool click
            = m_pressed && event->button() == Qt::LeftButton && rect().contains(event->position().toPoint());
        m_pressed = false;
        if (click && m_calendar)
            Q_EMIT m_calendar->openRequested(m_id);
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space)
            && m_calendar) {
            Q_EMIT m_calendar->openRequested(m_id);
            return;
        }
        QLabel::keyPressEvent(event);
    }

private:
    QPointer<PostCalendar> m_calendar;
    QString m_id;
    QString m_full; // time and title on one line: the accessible name
    QString m_when;
    QString m_title;
    bool m_movable;
    bool m_pressed = false;
    QPoint m_pressedAt;
};

// One day: its posts as chips; a post dropped here moves to it.
class DayCell final : public QFrame
{
public:
    DayCell(PostCalendar &calendar, const QDate &day, QWidget *parent)
        : QFrame(parent)
        , m_calendar(calendar)
        , m_day(day)
    {
        setObjectName(QStringLiteral("dayCell"));
        setProperty("date", day);
        setFrameShape(QFrame::StyledPanel);
        setAcceptDrops(true);
    }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override { accept(event); }
    void dragMoveEvent(QDragMoveEvent *event) override { accept(event); }
    void dropEvent(QDropEvent *event) override
    {
        if (event->mimeData() && m_calendar.drop(*event->mimeData(), m_day))
            event->acceptProposedAction();
        else
            event->ignore();
    }

private:
    void accept(QDropEvent *event)
    {
        const QMimeData *data = event->mimeData();
        if (data && data->hasFormat(QString::fromLatin1(PostCalendar::kMimeType))
            && m_calendar.whyNotMovable(QString::fromUtf8(data->data(QString::fromLatin1(PostCalendar::kMimeType))))
                   .isEmpty())
            event->acceptProposedAction();
        else
            event->ignore();
    }

    PostCalendar &m_calendar;
    QDate m_day;
};

} // namespace

PostCalendar::PostCalendar(shared::Database &db, desktop::PostStore &posts, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_posts(posts)
    , m_day(QDate::currentDate())
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_monthButton(new QToolButton(this))
    , m_weekButton(new QToolButton(this))
    , m_bodyLayout(new QVBoxLayout)
{
    setObjectName(QStringLiteral("postCalendar"));
    m_title->setObjectName(QStringLiteral("calendarTitle"));
    m_message->setObjectName(QStringLiteral("calendarMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    auto *previous = new QToolButton(this);
    previous->setObjectName(QStringLiteral("calendarPrevious"));
    previous->setArrowType(Qt::LeftArrow);
    previous->setAccessibleName(Tr::tr("Previous"));
    previous->setToolTip(Tr::tr("Previous month or week"));
    auto *next = new QToolButton(this);
    next->setObjectName(QStringLiteral("calendarNext"));
    next->setArrowType(Qt::RightArrow);
    next->setAccessibleName(Tr::tr("Next"));
    next->setToolTip(Tr::tr("Next month or week"));
    auto *today = new QToolButton(this);
    today->setObjectName(QStringLiteral("calendarToday"));
    today->setText(Tr::tr("Today"));
    m_monthButton->setObjectName(QStringLiteral("calendarMonth"));
    m_monthButton->setText(Tr::tr("Month"));
    m_weekButton->setObjectName(QStringLiteral("calendarWeek"));
    m_weekButton->setText(Tr::tr("Week"));
    auto *modes = new QButtonGroup(this);
    for (QToolButton *b : { m_monthButton, m_weekButton }) {
        b->setCheckable(true);
        modes->addButton(b);
    }
    m_monthButton->setChecked(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(previous);
    bar->addWidget(today);
    bar->addWidget(next);
    bar->addWidget(m_title, 1);
    bar->addWidget(m_monthButton);
    bar->addWidget(m_weekButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addLayout(m_bodyLayout, 1);

    connect(previous, &QToolButton::clicked, this, &PostCalendar::showPrevious);
    connect(next, &QToolButton::clicked, this, &PostCalendar::showNext);
    connect(today, &QToolButton::clicked, this, &PostCalendar::showToday);
    connect(m_monthButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setMode(Mode::Month);
    });
    connect(m_weekButton, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setMode(Mode::Week);
    });
    rebuild();
}

void PostCalendar::refresh()
{
    if (m_dragging) {
        m_refreshPending = true;
        return;
    }
    m_refreshPending = false;
    if (auto posts = m_query.run(m_db)) {
        m_all = std::move(*posts);
    } else {
        m_all.clear();
        m_message->setText(Tr::tr("The posts could not be read: %1").arg(posts.error().message));
    }
    rebuild();
}

void PostCalendar::setMode(Mode mode)
{
    (mode == Mode::Month ? m_monthButton : m_weekButton)->setChecked(true);
    if (mode == m_mode)
        return;
    m_mode = mode;
    rebuild();
}

void PostCalendar::showDay(const QDate &day)
{
    if (!day.isValid())
        return;
    m_day = day;
    rebuild();
}

void PostCalendar::showPrevious()
{
    showDay(m_mode == Mode::Month ? m_day.addMonths(-1) : m_day.addDays(-CalendarWeeks::kWeekDays));
}

void PostCalendar::showNext()
{
    showDay(m_mode == Mode::Month ? m_day.addMonths(1) : m_day.addDays(CalendarWeeks::kWeekDays));
}

void PostCalendar::showToday()
{
    showDay(QDate::currentDate());
}

QString PostCalendar::title() const
{
    const QLocale locale;
    if (m_mode == Mode::Month)
        return locale.toString(m_day, QStringLiteral("MMMM yyyy"));
    if (m_days.isEmpty())
        return {};
    return Tr::tr("%1 – %2").arg(locale.toString(m_days.first(), QLocale::ShortFormat),
                                 locale.toString(m_days.last(), QLocale::ShortFormat));
}

void PostCalendar::setDragging(bool dragging)
{
    m_dragging = dragging;
    // Back from the drag's loop: the chip returns from its handler first.
    if (!dragging && m_refreshPending)
        QMetaObject::invokeMethod(this, &PostCalendar::refresh, Qt::QueuedConnection);
}

QMimeData *PostCalendar::mimeFor(const QString &id)
{
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType), id.toUtf8());
    return data;
}

QString PostCalendar::whyNotMovable(const QString &id) const
{
    const auto it = std::find_if(m_all.cbegin(), m_all.cend(), [&](const PostSummary &p) { return p.id == id; });
    if (it == m_all.cend())
        return Tr::tr("The post is no longer in the calendar.");
    return desktop::PostStore::whyNotMovable(it->status);
}

bool PostCalendar::drop(const QMimeData &data, const QDate &day)
{
    const QString id = QString::fromUtf8(data.data(QString::fromLatin1(kMimeType)));
    const auto it = std::find_if(m_all.cbegin(), m_all.cend(), [&](const PostSummary &p) { return p.id == id; });
    if (const QString why = whyNotMovable(id); !why.isEmpty()) {
        m_message->setText(Tr::tr("Not moved: %1").arg(why));
        return false;
    }
    const PostSummary post = *it;
    const QDateTime to = CalendarWeeks::movedToDay(post.scheduledAt, post.timeZone, day);
    if (to == post.scheduledAt)
        return false; // dropped on its own day
    Q_EMIT moving(id);
    auto result = m_posts.reschedule(id, to, m_ownerId);
    if (!result) {
        m_message->setText(Tr::tr("Not moved: %1").arg(result.error().message));
        refresh();
        return false;
    }
    const QString title = post.title.trimmed().isEmpty() ? Tr::tr("(untitled)") : post.title.trimmed();
    m_message->setText(
        Tr::tr("Moved “%1” to %2.").arg(title, desktop::SchedulerLabels::timeIn(result->scheduledAt, post.timeZone)));
    Q_EMIT moved(id);
    refresh();
    return true;
}

QWidget *PostCalendar::dayCell(const QDate &day, const QList<PostSummary> &posts, int shownChips)
{
    const QLocale locale;
    auto *cell = new DayCell(*this, day, nullptr);
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(1);
    auto *date = new QLabel(
        m_mode == Mode::Month ? QString::number(day.day()) : locale.toString(day, QStringLiteral("ddd d")), cell);
    QFont font = date->font();
    font.setBold(day == QDate::currentDate());
    date->setFont(font);
    if (m_mode == Mode::Month && day.month() != m_day.month())
        date->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(date);
    const qsizetype shown = shownChips < 0 ? posts.size() : std::min<qsizetype>(shownChips, posts.size());
    for (qsizetype i = 0; i < shown; ++i)
        layout->addWidget(new PostChip(*this, posts[i], cell));
    if (shown < posts.size()) {
        QStringList rest;
        for (qsizetype i = shown; i < posts.size(); ++i)
            rest << Tr::tr("%1 %2").arg(
                locale.toString(CalendarWeeks::localTime(posts[i].scheduledAt, posts[i].timeZone).time(),
                                QLocale::ShortFormat),
                posts[i].title);
        auto *more = new QLabel(Tr::tr("%n more", nullptr, int(posts.size() - shown)), cell);
        more->setObjectName(QStringLiteral("moreChips"));
        more->setToolTip(rest.join(u'\n'));
        layout->addWidget(more);
    }
    layout->addStretch(1);
    if (m_mode == Mode::Month)
        cell->setMinimumHeight(kMonthCellHeight);
    return cell;
}

void PostCalendar::rebuild()
{
    const Qt::DayOfWeek firstDay = QLocale().firstDayOfWeek();
    m_days = m_mode == Mode::Month ? CalendarWeeks::monthGrid(m_day, firstDay) : CalendarWeeks::week(m_day, firstDay);
    m_title->setText(title());
    const QMap<QDate, QList<PostSummary>> byDay
        = CalendarWeeks::byDay(m_all, m_days.value(0), m_days.value(m_days.size() - 1));

    auto *grid = new QWidget;
    auto *layout = new QGridLayout(grid);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    int row = 0;
    if (m_mode == Mode::Month) {
        for (int column = 0; column < CalendarWeeks::kWeekDays; ++column) {
            auto *name = new QLabel(QLocale().dayName(m_days[column].dayOfWeek(), QLocale::ShortFormat), grid);
            name->setAlignment(Qt::AlignCenter);
            layout->addWidget(name, 0, column);
        }
        row = 1;
    }
    for (qsizetype i = 0; i < m_days.size(); ++i) {
        QWidget *cell = dayCell(m_days[i], byDay.value(m_days[i]), m_mode == Mode::Month ? kMonthChips : -1);
        cell->setParent(grid);
        layout->addWidget(cell, row + int(i) / CalendarWeeks::kWeekDays, int(i) % CalendarWeeks::kWeekDays);
    }
    for (int column = 0; column < CalendarWeeks::kWeekDays; ++column)
        layout->setColumnStretch(column, 1);
    for (int r = row; r < layout->rowCount(); ++r)
        layout->setRowStretch(r, 1);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("calendarBody"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(grid);
    // The old days may be handling the drop that refreshed them: out of
    // sight and of findChildren now, deleted once their events are done.
    if (m_body) {
        m_body->hide();
        m_body->setParent(nullptr);
        m_body->deleteLater();
    }
    m_body = scroll;
    m_bodyLayout->addWidget(m_body);
    m_body->show(); // now, not once the layout's queued show arrives
}

} // namespace quire::gui
