// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/scheduler/core/poststore.h"
#include "desktop/scheduler/core/schedulerstore.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace quire::gui {

// One destination of the post in the composer: the platform (one of the
// client's), its own text, which follows the post's text until it is
// edited, and a live count against the network's limit that turns red
// over it. Shows how far the publisher got, with Retry for a failed one.
class DestinationEditor final : public QWidget
{
    Q_OBJECT
public:
    DestinationEditor(desktop::PostStore &posts, QWidget *parent = nullptr);

    void setPlatforms(const QList<desktop::PlatformRecord> &platforms);
    // Shows `destination` of a post whose text is `body`.
    void load(const desktop::DestinationDraft &destination, const QString &body);
    desktop::DestinationDraft draft() const;
    // The destination as saved (its id), without touching what is typed.
    void setSaved(const desktop::DestinationDraft &destination) { m_loaded = destination; }
    // How far the publisher got with it (status, error, address), as a
    // sync round brought it, without touching what is typed.
    void showProgress(const desktop::DestinationDraft &destination);
    // The post's text changed: a text that follows it follows.
    void setBody(const QString &body);
    QString platformId() const;
    QString platformName() const;
    bool isOver() const { return m_count.isOver(); }
    const desktop::CharacterCount &count() const { return m_count; }

    QComboBox *platformBox() const { return m_platform; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QLabel *counter() const { return m_counter; }
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void edited();
    void countChanged();
    void removeRequested();
    void retryRequested(const QString &destinationId);

private:
    void recount();

    desktop::PostStore &m_posts;
    desktop::DestinationDraft m_loaded;
    bool m_followsBody = true;
    bool m_loading = false;
    desktop::CharacterCount m_count;
    QComboBox *m_platform;
    QPlainTextEdit *m_text;
    QLabel *m_counter;
    QLabel *m_state;
    QPushButton *m_followBody;
    QPushButton *m_retry;
};

} // namespace quire::gui
