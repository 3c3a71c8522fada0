// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

#include <nlohmann/json.hpp>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace quire::desktop {
class PromptStore;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

class BodyEditor;
class ChatMessagesEditor;
class PromptFillPanel;
class PromptHistoryPanel;
class PromptVersionsPanel;
class VariableCompleter;

// Writes one prompt: title, name (what programs ask for), description,
// category, tags, the template flag, text or chat, the model settings and
// the template itself, with the fill-in panel, its versions and its usage
// history beside it. The text is in the
// shared BodyEditor held in its Markdown source view with the formatting
// toolbar hidden: a prompt is plain template text sent to a model as typed,
// and the WYSIWYG view would rewrite what it cannot show (escapes, list
// markers, spacing), while the source view keeps every character, find and
// replace, the counts, and merges a sync without moving the cursor; tags
// are coloured and completed there (VariableHighlighter, VariableCompleter).
// Saved into the replica like an article: a second after typing stops, at
// the latest two seconds after the first unsaved change, when the focus
// leaves the editor and when another prompt is opened. Leaving a prompt
// whose content or settings changed since its last version keeps a
// version, so every editing session that changes something ends in one;
// Ctrl+S keeps one at once (with the message typed in the versions panel).
class PromptEditor final : public QWidget
{
    Q_OBJECT
public:
    PromptEditor(desktop::Workspace &workspace, desktop::PromptStore &store, QWidget *parent = nullptr);
    ~PromptEditor() override;

    // Ends the session of the prompt open now (saving it and keeping a
    // version when it changed), then shows `id` (empty: nothing).
    void load(const QString &id);
    QString currentId() const { return m_id; }
    // Writes pending edits now; false when the replica refused them.
    bool saveNow();
    bool hasUnsavedChanges() const { return m_dirty; }
    // After a sync: shows the replica's version of changed fields, keeping
    // the cursor and the undo history; edits pending stay.
    void reloadIfClean();
    // Saves, and keeps a version when this session changed the content or
    // settings (opening a prompt and leaving it makes none).
    void endSession();

    BodyEditor *bodyEditor() const { return m_body; }
    ChatMessagesEditor *chatEditor() const { return m_chat; }
    PromptVersionsPanel *versionsPanel() const { return m_versions; }
    PromptFillPanel *fillPanel() const { return m_fill; }
    PromptHistoryPanel *historyPanel() const { return m_history; }
    QTabWidget *sideTabs() const { return m_side; }
    QCheckBox *approvalCheck() const { return m_approval; }
    QAction *saveVersionAction() const { return m_saveVersion; }
    // The prompt as on screen (the prompts table's fields).
    nlohmann::json fieldsOnScreen() const;

Q_SIGNALS:
    void saved(const QString &id);
    // After load(): `id` is on screen (empty: nothing is open).
    void loaded(const QString &id);

private:
    void edited();
    void showProblem(const QString &text);
    void showKind();
    void showSettings(const nlohmann::json &row);
    void showApproval(const nlohmann::json &row);
    // Colours and completes {{variables}} and {{> includes}} in `edit`.
    void assistTemplate(QPlainTextEdit *edit);
    void updateCompletions();

    desktop::Workspace &m_workspace;
    desktop::PromptStore &m_store;
    QString m_id;
    nlohmann::json m_loaded; // the row as last read or saved
    bool m_dirty = false;
    bool m_loading = false;
    bool m_sessionChanged = false; // this session wrote a change: its end may keep a version
    QLineEdit *m_title;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QLineEdit *m_category;
    QLineEdit *m_tags;
    QCheckBox *m_template;
    QCheckBox *m_approval; // the owner's: moving production needs an approval
    QComboBox *m_kind;
    QLineEdit *m_model;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_maxTokens;
    QStackedWidget *m_textStack;
    BodyEditor *m_body;
    ChatMessagesEditor *m_chat;
    QTabWidget *m_side;
    PromptVersionsPanel *m_versions;
    PromptFillPanel *m_fill;
    PromptHistoryPanel *m_history;
    QTimer *m_refill; // the fill-in panel follows typing after a short pause
    QList<QPointer<VariableCompleter>> m_completers; // a removed message takes its own along
    QLabel *m_problem;
    QTimer *m_autosave;
    QTimer *m_saveAtLatest;
    QAction *m_saveVersion;
};

} // namespace quire::gui
