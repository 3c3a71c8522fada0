// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/scheduler/core/postquery.h"

#include <QDate>
#include <QList>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QMimeData;
class QToolButton;
class QVBoxLayout;

namespace quire::shared {
class Database;
}

namespace quire::desktop {
class PostStore;
}

namespace quire::gui {

// The posts on a calendar, a month (six weeks) or a week at a time: each
// timed post a chip on its day in its own zone (its time there, title,
// status colour, ⚠ when a destination needs attention). A click opens the
// post; dragging a chip to another day moves it there at the same time of
// day in its zone, through the PostStore (refused with the store's reason,
// nothing lost). The posts come from the queue's PostQuery over the replica.
class PostCalendar final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Month, Week };
    // What a dragged chip carries: the post's id.
    static constexpr const char *kMimeType = "application/x-quire-post-id";

    PostCalendar(shared::Database &db, desktop::PostStore &posts, QWidget *parent = nullptr);

    void setOwnerId(const QString &id) { m_ownerId = id; }
    // The posts shown: the queue's filters.
    void setQuery(const desktop::PostQuery &query) { m_query = query; }
    void refresh();

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    // Shows the month or week holding `day`.
    void showDay(const QDate &day);
    void showPrevious();
    void showNext();
    void showToday();
    QDate shownDay() const { return m_day; }
    // The days on screen, first to last.
    QList<QDate> days() const { return m_days; }
    QString title() const;
    QLabel *messageLabel() const { return m_message; }

    // A drop of `data` on `day`: moves the post it names there. False
    // (saying why in the message label) when it was refused.
    bool drop(const QMimeData &data, const QDate &day);
    // The chip's drag data for the post `id`.
    static QMimeData *mimeFor(const QString &id);
    // Why the post `id` on screen cannot be dragged; empty when it can.
    QString whyNotMovable(const QString &id) const;

    // A chip's drag runs its own event loop; a refresh meanwhile waits
    // for it to end (the chip must outlive its drag).
    void setDragging(bool dragging);

Q_SIGNALS:
    // The post clicked, to open in the composer.
    void openRequested(const QString &id);
    // Before the post `id` is moved (its pending edits are saved first).
    void moving(const QString &id);
    // After the post `id` was moved and saved.
    void moved(const QString &id);

private:
    void rebuild();
    QWidget *dayCell(const QDate &day, const QList<desktop::PostSummary> &posts, int shownChips);

    shared::Database &m_db;
    desktop::PostStore &m_posts;
    desktop::PostQuery m_query;
    QString m_ownerId;
    QList<desktop::PostSummary> m_all;
    Mode m_mode = Mode::Month;
    QDate m_day;
    QList<QDate> m_days;
    QLabel *m_title;
    QLabel *m_message;
    QToolButton *m_monthButton;
    QToolButton *m_weekButton;
    QVBoxLayout *m_bodyLayout;
    QWidget *m_body = nullptr;
    bool m_dragging = false;
    bool m_refreshPending = false;
};

} // namespace quire::gui
