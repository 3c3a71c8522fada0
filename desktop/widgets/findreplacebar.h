// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTextCursor>
#include <QTextDocument>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace quire::gui {

// Find and replace under an editor, for whichever text view is active (a
// QTextEdit or a QPlainTextEdit; both edit a QTextDocument). Searches as
// one types, says where it is ("3 of 12") or that nothing matched, and
// replaces one match or all of them as a single undo step.
class FindReplaceBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FindReplaceBar(QWidget *parent = nullptr);

    // A QTextEdit or QPlainTextEdit.
    void setEditor(QWidget *editor);
    QWidget *editor() const { return m_editor; }

    // Shows the bar with the selection (if any) as the search text.
    void openFind();
    void openReplace();

    bool findNext();
    bool findPrevious();
    // Replaces the current match and moves to the next one.
    bool replace();
    // Replaces every match as one undo step; returns how many.
    int replaceAll();

    // "n of m", "Not found", "Replaced n": what the bar says.
    QString feedback() const;
    QLineEdit *findField() const { return m_find; }
    QLineEdit *replaceField() const { return m_replace; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTextDocument *document() const;
    QTextCursor cursor() const;
    void setCursor(const QTextCursor &cursor);
    QTextDocument::FindFlags flags() const;
    bool find(bool backward, bool fromSelectionStart = false);
    bool isMatch(const QTextCursor &c) const;
    void showPosition();
    void open(bool withReplace);

    QPointer<QWidget> m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_matchCase;
    QCheckBox *m_wholeWords;
    QLabel *m_status;
    QWidget *m_replaceRow;
};

} // namespace quire::gui
