// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

class MetadataPanel;
class RevisionPanel;

// Writes one article: title, kind, address (slug), summary, the body in
// Markdown and, beside it, its metadata and revision history, saved into the replica by itself a second after typing
// stops (no Save button; a crash loses at most that second). Offers the status moves the user's role allows. A change
// that the replica refuses (an invalid slug) is shown beside the field and kept in the editor.
class ArticleEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit ArticleEditor(desktop::Workspace &workspace, QWidget *parent = nullptr);
    ~ArticleEditor() override;

    // Saves what is pending, then shows `id` (empty: nothing).
    void load(const QString &id);
    QString currentId() const { return m_id; }
    // Writes pending edits now; false when the replica refused them.
    bool saveNow();
    bool hasUnsavedChanges() const { return m_dirty; }
    // After a sync: shows the replica's version unless edits are pending.
    void reloadIfClean();

Q_SIGNALS:
    void saved(const QString &id);

private:
    QPushButton *actionButton(const QString &text, const char *name, const char *status);
    void edited();
    void setStatus(const QString &status, const QString &publishAt = QString());
    void schedule();
    void updateActions();
    nlohmann::json fieldsOnScreen() const;

    desktop::Workspace &m_workspace;
    QString m_id;
    nlohmann::json m_loaded; // the row as last read or saved
    bool m_dirty = false;
    bool m_loading = false;
    QLineEdit *m_title;
    QComboBox *m_kind;
    QLineEdit *m_slug;
    QLineEdit *m_summary;
    QPlainTextEdit *m_body;
    QLabel *m_statusLabel;
    QLabel *m_problem;
    QLabel *m_words;
    QPushButton *m_submit;
    QPushButton *m_publish;
    QPushButton *m_unpublish;
    QPushButton *m_schedule;
    MetadataPanel *m_metadata;
    RevisionPanel *m_revisions;
    QTimer *m_autosave;
};

} // namespace quire::gui
