// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/variablecompleter.h"

#include "desktop/widgets/tr.h"
#include "shared/prompttemplate.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>

namespace quire::gui {

VariableCompleter::VariableCompleter(QTextEdit *editor)
    : VariableCompleter(editor, editor->document())
{
    m_cursor = [editor] { return editor->textCursor(); };
    m_setCursor = [editor](const QTextCursor &cursor) { editor->setTextCursor(cursor); };
    m_cursorRect = [editor] { return editor->cursorRect(); };
    connect(editor, &QTextEdit::cursorPositionChanged, this, [this] {
        if (m_completer->popup()->isVisible())
            refresh();
    });
}

VariableCompleter::VariableCompleter(QPlainTextEdit *editor)
    : VariableCompleter(editor, editor->document())
{
    m_cursor = [editor] { return editor->textCursor(); };
    m_setCursor = [editor](const QTextCursor &cursor) { editor->setTextCursor(cursor); };
    m_cursorRect = [editor] { return editor->cursorRect(); };
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (m_completer->popup()->isVisible())
            refresh();
    });
}

VariableCompleter::VariableCompleter(QAbstractScrollArea *editor, QTextDocument *document)
    : QObject(editor)
    , m_editor(editor)
    , m_document(document)
    , m_completer(new QCompleter(this))
    , m_model(new QStringListModel(this))
{
    m_completer->setModel(m_model);
    m_completer->setWidget(editor);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->popup()->installEventFilter(this);
    editor->installEventFilter(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &VariableCompleter::insert);
    // Typing changes a character or two; a document loaded or replaced offers nothing.
    connect(document, &QTextDocument::contentsChange, this, [this](int, int removed, int added) {
        const bool typed = (added > 0 && added <= 2 && removed == 0) || (added == 0 && removed > 0);
        if ((typed || m_completer->popup()->isVisible()) && !m_refreshQueued) {
            // After the edit: the cursor has not moved yet while the document signals.
            m_refreshQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_refreshQueued = false;
                    if (m_editor)
                        refresh();
                },
                Qt::QueuedConnection);
        }
    });
}

void VariableCompleter::setVariableNames(const QStringList &names)
{
    m_variableNames = names;
}

void VariableCompleter::setPromptNames(const QStringList &names)
{
    m_promptNames = names;
}

VariableCompleter::Context VariableCompleter::contextOf(QStringView lineBeforeCursor)
{
    // An open tag reaches the cursor: tokenize() reads it as one broken
    // token running to the end, and an escaped "{{" is no tag at all.
    const QList<shared::TemplateToken> tokens = shared::PromptTemplate::tokenize(lineBeforeCursor);
    if (tokens.isEmpty())
        return {};
    const shared::TemplateToken &last = tokens.last();
    const QStringView tag = lineBeforeCursor.mid(last.start);
    if (last.kind != shared::TemplateToken::Kind::Error || last.start + last.length != lineBeforeCursor.size()
        || !tag.startsWith(u"{{") || tag.contains(u"}}"))
        return {};
    QStringView inside = tag.mid(2);
    while (!inside.isEmpty() && inside.front().isSpace())
        inside = inside.mid(1);
    Mode mode = Mode::Variable;
    if (inside.startsWith(u'>')) {
        mode = Mode::Prompt;
        inside = inside.mid(1);
        while (!inside.isEmpty() && inside.front().isSpace())
            inside = inside.mid(1);
    }
    if (!inside.isEmpty() && !shared::PromptTemplate::isName(inside))
        return {};
    return { mode, inside.toString() };
}

QStringList VariableCompleter::candidates(Mode mode) const
{
    if (mode == Mode::Prompt)
        return m_promptNames;
    // The names the editor knows, then those the text uses already.
    QStringList names = m_variableNames;
    for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next()) {
        for (const shared::TemplateToken &token : shared::PromptTemplate::tokenize(block.text())) {
            if (token.kind == shared::TemplateToken::Kind::Variable && !names.contains(token.name))
                names << token.name;
        }
    }
    return names;
}

void VariableCompleter::refresh()
{
    QAbstractItemView *popup = m_completer->popup();
    const QTextCursor cursor = m_cursor();
    const QString line = cursor.block().text().left(cursor.positionInBlock());
    const Context context = cursor.hasSelection() ? Context() : contextOf(line);
    m_mode = context.mode;
    if (context.mode == Mode::None) {
        popup->hide();
        return;
    }
    const QStringList names = candidates(context.mode);
    if (m_model->stringList() != names)
        m_model->setStringList(names);
    m_completer->setCompletionPrefix(context.prefix);
    // A name typed out in full needs no list.
    if (m_completer->completionCount() == 0
        || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == context.prefix)) {
        popup->hide();
        return;
    }
    popup->setAccessibleName(context.mode == Mode::Prompt ? Tr::tr("Prompts to include") : Tr::tr("Variables"));
    popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = m_cursorRect();
    rect.setWidth(popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void VariableCompleter::insert(const QString &name)
{
    QTextCursor cursor = m_cursor();
    const QString line = cursor.block().text().left(cursor.positionInBlock());
    const Context context = contextOf(line);
    if (context.mode == Mode::None)
        return;
    cursor.beginEditBlock();
    // The whole name is replaced, also its part after the cursor.
    const QString rest = cursor.block().text().mid(cursor.positionInBlock());
    qsizetype nameAfter = 0;
    while (nameAfter < rest.size() && shared::PromptTemplate::isName(QStringView(rest).first(nameAfter + 1)))
        ++nameAfter;
    cursor.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, int(context.prefix.size()));
    cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, int(context.prefix.size() + nameAfter));
    cursor.insertText(name);
    // Close the tag unless it is closed already (a name changed in place).
    const QString after = cursor.block().text().mid(cursor.positionInBlock());
    const qsizetype close = after.indexOf(QLatin1String("}}"));
    if (close >= 0 && QStringView(after).first(close).trimmed().isEmpty())
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, int(close + 2));
    else
        cursor.insertText(QStringLiteral("}}"));
    cursor.endEditBlock();
    m_setCursor(cursor);
    m_completer->popup()->hide();
    m_mode = Mode::None;
}

bool VariableCompleter::eventFilter(QObject *watched, QEvent *event)
{
    QAbstractItemView *popup = m_completer->popup();
    if (event->type() != QEvent::KeyPress || !popup->isVisible())
        return QObject::eventFilter(watched, event);
    // The list is open: Return, Enter and Tab choose, Escape closes; the
    // editor must not get them (it would write a new line or a tab).
    const auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab: {
        const QModelIndex current
            = popup->currentIndex().isValid() ? popup->currentIndex() : m_completer->completionModel()->index(0, 0);
        if (current.isValid())
            insert(current.data().toString());
        popup->hide();
        return true;
    }
    case Qt::Key_Escape:
        popup->hide();
        return true;
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace quire::gui
