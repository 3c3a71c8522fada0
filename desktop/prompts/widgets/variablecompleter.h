// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>

class QAbstractScrollArea;
class QCompleter;
class QPlainTextEdit;
class QRect;
class QStringListModel;
class QTextCursor;
class QTextDocument;
class QTextEdit;

namespace quire::gui {

// Completes a prompt's template tags as they are typed: variable names
// after "{{", prompt names after "{{>", from the lists the editor sets
// (and the variables the text already uses). Choosing one writes the name
// and the closing "}}".
class VariableCompleter final : public QObject
{
    Q_OBJECT
public:
    explicit VariableCompleter(QTextEdit *editor);
    explicit VariableCompleter(QPlainTextEdit *editor);

    void setVariableNames(const QStringList &names);
    void setPromptNames(const QStringList &names);

    enum class Mode { None, Variable, Prompt };
    // What the text before the cursor (in its line) is in the middle of
    // typing: the mode and the part of a name typed so far.
    struct Context
    {
        Mode mode = Mode::None;
        QString prefix;
    };
    static Context contextOf(QStringView lineBeforeCursor);

    QCompleter *completer() const { return m_completer; }
    Mode mode() const { return m_mode; }

    // Offers what fits at the cursor, or hides the list (called after typing).
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    VariableCompleter(QAbstractScrollArea *editor, QTextDocument *document);
    void insert(const QString &name);
    QStringList candidates(Mode mode) const;

    QPointer<QAbstractScrollArea> m_editor;
    QTextDocument *m_document = nullptr;
    std::function<QTextCursor()> m_cursor;
    std::function<void(const QTextCursor &)> m_setCursor;
    std::function<QRect()> m_cursorRect;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_model = nullptr;
    QStringList m_variableNames;
    QStringList m_promptNames;
    Mode m_mode = Mode::None;
    bool m_refreshQueued = false;
};

} // namespace quire::gui
