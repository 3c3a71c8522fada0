// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/scheduler/core/poststore.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;

namespace quire::desktop {
class SchedulerRemote;
class SchedulerStore;
} // namespace quire::desktop

namespace quire::gui {

class DestinationEditor;

// The composer of one post: client, title, text, when (date, time and the
// IANA zone it is meant in), and a tab per destination with its own text
// and live counter. Saves by itself a moment after each change (as the
// other editors do), as a draft or keeping the post scheduled; Schedule
// refuses, saying why, while a text is over its network's limit.
class PostComposer final : public QWidget
{
    Q_OBJECT
public:
    PostComposer(desktop::SchedulerStore &store, desktop::PostStore &posts, desktop::SchedulerRemote &remote,
                 QWidget *parent = nullptr);

    // Who new posts belong to (the signed-in account).
    void setOwnerId(const QString &id) { m_ownerId = id; }
    // Opens the post (empty: a new one, not saved until it changes).
    void load(const QString &id);
    QString currentId() const { return m_draft.id; }
    // Saves the changes now; false (saying why) when they could not be kept.
    bool saveNow();
    bool saveAsDraft();
    bool schedule();
    bool cancelPost();
    // Adds a destination to the first of the client's platforms not used yet.
    DestinationEditor *addDestination();
    // The client's platforms changed (managed elsewhere).
    void reloadChoices();
    // A sync round brought the publisher's word: the open post's status
    // and its destinations' progress shown anew, what is typed untouched.
    void showProgress();

    QList<DestinationEditor *> destinationEditors() const;
    QTabWidget *destinationTabs() const { return m_tabs; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *scheduleButton() const { return m_schedule; }

    // Every IANA zone, the local one chosen (typing narrows it).
    static QComboBox *makeZoneBox(QWidget *parent);
    static QString localZone();

Q_SIGNALS:
    void saved(const QString &id);
    void removed(const QString &id);

private:
    void edited();
    void fillFromDraft();
    // The draft as the screen shows it.
    desktop::PostDraft onScreen() const;
    DestinationEditor *makeDestinationEditor(const desktop::DestinationDraft &d);
    void updateTabs();
    void updateState();
    void removeDestination(DestinationEditor *editor);
    // After a save: the editors take their ids, the message says `note`.
    void reportSaved(const QString &note);

    desktop::SchedulerStore &m_store;
    desktop::PostStore &m_posts;
    desktop::SchedulerRemote &m_remote;
    desktop::PostDraft m_draft;
    QString m_ownerId;
    bool m_loading = false;
    bool m_dirty = false;
    QComboBox *m_client;
    QLineEdit *m_title;
    QPlainTextEdit *m_body;
    QCheckBox *m_timed;
    QDateTimeEdit *m_when;
    QComboBox *m_zone;
    QTabWidget *m_tabs;
    QLabel *m_status;
    QLabel *m_message;
    QPushButton *m_saveDraft;
    QPushButton *m_schedule;
    QPushButton *m_cancel;
    QPushButton *m_delete;
    QTimer *m_autosave;
};

} // namespace quire::gui
