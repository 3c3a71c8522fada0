// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/widgets/commandstrip.h"
#include "desktop/widgets/formatactions.h"
#include "desktop/widgets/richtextedit.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTextCursor;
class QTimer;

namespace quire::desktop {
class MarkdownDocument;
}

namespace quire::gui {

class FindReplaceBar;

// An article body's editor: a toolbar, the WYSIWYG view (RichTextEdit) and
// the Markdown source (a QPlainTextEdit named "bodyEdit": its text is the
// body as stored), shown one at a time or side by side. An edit in one
// reaches the other after a short pause, so typing stays fast on long
// texts. markdown() is what was loaded while nothing changed, the source
// text exactly when the source was edited last, and otherwise the rich
// text through desktop::MarkdownDocument (which keeps untouched blocks as
// they were). Also: find and replace on the active view, and the count of
// words, characters and reading time.
class BodyEditor final : public QWidget
{
    Q_OBJECT
public:
    enum class ViewMode { Rich, Markdown, SideBySide };
    Q_ENUM(ViewMode)

    explicit BodyEditor(QWidget *parent = nullptr);
    ~BodyEditor() override;

    // Shows `markdown`; the undo history starts afresh.
    void setMarkdown(const QString &markdown);
    QString markdown() const;
    // Shows `markdown` (a newer version from a sync) by replacing only the
    // blocks that differ: the cursor, selection, scroll position and the
    // undo history stay (the change is one more step to undo). Not an edit
    // of the user's: changed() is not emitted.
    void mergeMarkdown(const QString &markdown);
    // False while the text is still what setMarkdown() gave.
    bool isEdited() const { return m_latest != Latest::Loaded; }
    void setPlaceholderText(const QString &text);

    ViewMode viewMode() const { return m_mode; }
    void setViewMode(ViewMode mode);

    QAction *action(FormatActions::Id id) const { return m_actions->action(id); }
    // Checkable; whoever has the article shows the preview when it is on.
    QAction *previewAction() const { return action(FormatActions::Preview); }
    CommandStrip *toolBar() const { return m_toolBar; }
    RichTextEdit *richEdit() const { return m_rich; }
    QPlainTextEdit *sourceEdit() const { return m_source; }
    FindReplaceBar *findBar() const { return m_find; }
    // The view edits and find/replace go to.
    QWidget *activeView() const { return m_active; }

    void setImageImporter(ImageImporter importer);
    void setMediaResolver(MediaResolver resolver);
    // Stores the image file through the importer and inserts it with
    // `altText` at the cursor of the rich view.
    bool insertImageFile(const QString &path, const QString &altText);

    int wordCount() const { return m_words; }
    int characterCount() const { return m_characters; }
    // Counts now instead of after the pause in typing.
    void updateStatistics();

Q_SIGNALS:
    // The user changed the text (not setMarkdown).
    void changed();
    void statisticsChanged(int words, int characters, int readingMinutes);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Latest { Loaded, Rich, Source };

    void connectActions();
    void richEdited();
    void sourceEdited();
    void syncRich();
    // Brings the rich view to `markdown` keeping its cursor and scroll.
    void mergeIntoRich(const QString &markdown);
    void syncSource();
    void setActiveView(QWidget *view);
    void updateActionStates();
    void updateUndoStates();
    void applyToRich(const std::function<void(QTextCursor &)> &command);
    void showMessage(const QString &text);

    FormatActions *m_actions;
    CommandStrip *m_toolBar;
    FindReplaceBar *m_find;
    QSplitter *m_split;
    RichTextEdit *m_rich;
    QPlainTextEdit *m_source;
    QLabel *m_message;
    QLabel *m_statistics;
    std::unique_ptr<desktop::MarkdownDocument> m_document;
    QTimer *m_toRich;
    QTimer *m_toSource;
    QTimer *m_countTimer;
    QTimer *m_messageTimer;
    QWidget *m_active;
    ViewMode m_mode = ViewMode::Rich;
    QString m_loaded;
    Latest m_latest = Latest::Loaded;
    bool m_richStale = false; // the source has edits the rich view lacks
    bool m_sourceStale = false; // and the other way round
    bool m_syncing = false;
    int m_words = 0;
    int m_characters = 0;
};

} // namespace quire::gui
