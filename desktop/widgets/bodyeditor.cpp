// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/bodyeditor.h"

#include "desktop/core/documentpatcher.h"
#include "desktop/core/markdowndocument.h"
#include "desktop/widgets/findreplacebar.h"
#include "desktop/widgets/listformatter.h"
#include "desktop/widgets/tableformatter.h"
#include "desktop/widgets/textformatter.h"
#include "desktop/widgets/tr.h"

#include <QAction>
#include <QApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace quire::gui {

namespace {

// Pauses after which an edit in one view reaches the other, and the count
// is redone: long enough that a 20,000-word text types without delay.
constexpr int kToRichMs = 400;
constexpr int kToSourceMs = 300;
constexpr int kCountMs = 500;
constexpr int kMessageMs = 8000;
// The site's reading speed (shared::ArticlePage::readingMinutes).
constexpr int kWordsPerMinute = 200;

using F = FormatActions;

} // namespace

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_actions(new FormatActions(this))
    , m_toolBar(new CommandStrip(this))
    , m_find(new FindReplaceBar(this))
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_rich(new RichTextEdit(m_split))
    , m_source(new QPlainTextEdit(m_split))
    , m_message(new QLabel(this))
    , m_statistics(new QLabel(this))
    , m_document(std::make_unique<desktop::MarkdownDocument>(m_rich->document()))
    , m_toRich(new QTimer(this))
    , m_toSource(new QTimer(this))
    , m_countTimer(new QTimer(this))
    , m_messageTimer(new QTimer(this))
    , m_active(m_rich)
{
    setObjectName(QStringLiteral("bodyEditor"));
    m_toolBar->setObjectName(QStringLiteral("formatToolBar"));
    m_rich->setObjectName(QStringLiteral("richBodyEdit"));
    m_source->setObjectName(QStringLiteral("bodyEdit"));
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_statistics->setObjectName(QStringLiteral("wordCountLabel"));
    m_rich->setAccessibleName(Tr::tr("Text"));
    m_source->setAccessibleName(Tr::tr("Markdown source"));
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setTabChangesFocus(false);
    m_toolBar->setIconSize(QSize(18, 18));
    // The view modes are one control; the table's commands show only in a table.
    const QList<QAction *> modes = m_actions->viewModeActions();
    for (QAction *a : m_actions->toolBarActions()) {
        if (!a)
            m_toolBar->addSeparator();
        else if (a == modes.first())
            m_toolBar->addChoice(modes);
        else if (!modes.contains(a))
            m_toolBar->addCommand(a);
    }
    for (QAction *a : m_actions->tableActions())
        m_toolBar->showOnlyWhenEnabled(a);
    m_split->addWidget(m_rich);
    m_split->addWidget(m_source);
    m_split->setChildrenCollapsible(false);
    m_source->hide();
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::BrightText);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_message, 1);
    bottom->addWidget(m_statistics);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_find);
    layout->addWidget(m_split, 1);
    layout->addLayout(bottom);

    for (QTimer *t : { m_toRich, m_toSource, m_countTimer, m_messageTimer })
        t->setSingleShot(true);
    m_toRich->setInterval(kToRichMs);
    m_toSource->setInterval(kToSourceMs);
    m_countTimer->setInterval(kCountMs);
    m_messageTimer->setInterval(kMessageMs);
    connect(m_toRich, &QTimer::timeout, this, &BodyEditor::syncRich);
    connect(m_toSource, &QTimer::timeout, this, &BodyEditor::syncSource);
    connect(m_countTimer, &QTimer::timeout, this, &BodyEditor::updateStatistics);
    connect(m_messageTimer, &QTimer::timeout, m_message, &QLabel::clear);

    connect(m_rich->document(), &QTextDocument::contentsChanged, this, &BodyEditor::richEdited);
    connect(m_source->document(), &QTextDocument::contentsChanged, this, &BodyEditor::sourceEdited);
    connect(m_rich, &QTextEdit::cursorPositionChanged, this, &BodyEditor::updateActionStates);
    connect(m_rich, &QTextEdit::currentCharFormatChanged, this, &BodyEditor::updateActionStates);
    connect(m_rich, &QTextEdit::undoAvailable, this, &BodyEditor::updateUndoStates);
    connect(m_rich, &QTextEdit::redoAvailable, this, &BodyEditor::updateUndoStates);
    connect(m_source, &QPlainTextEdit::undoAvailable, this, &BodyEditor::updateUndoStates);
    connect(m_source, &QPlainTextEdit::redoAvailable, this, &BodyEditor::updateUndoStates);
    connect(m_rich, &RichTextEdit::importFailed, this, &BodyEditor::showMessage);
    m_rich->installEventFilter(this);
    m_source->installEventFilter(this);
    connectActions();
    m_find->setEditor(m_rich);
    setFocusProxy(m_rich);
    setMarkdown(QString());
}

BodyEditor::~BodyEditor() = default;

void BodyEditor::connectActions()
{
    const auto on = [this](F::Id id, auto slot) { connect(action(id), &QAction::triggered, this, slot); };
    const auto rich
        = [this, on](F::Id id, void (*command)(QTextCursor &)) { on(id, [this, command] { applyToRich(command); }); };
    rich(F::Bold, TextFormatter::toggleBold);
    rich(F::Italic, TextFormatter::toggleItalic);
    rich(F::StrikeOut, TextFormatter::toggleStrikeOut);
    rich(F::InlineCode, TextFormatter::toggleInlineCode);
    rich(F::CodeBlock, TextFormatter::toggleCodeBlock);
    rich(F::Quote, TextFormatter::toggleQuote);
    rich(F::HorizontalRule, TextFormatter::insertHorizontalRule);
    const int levels[] = { 0, 1, 2, 3 };
    const F::Id headings[] = { F::Paragraph, F::Heading1, F::Heading2, F::Heading3 };
    for (int i = 0; i < 4; ++i)
        on(headings[i], [this, level = levels[i]] {
            applyToRich([level](QTextCursor &c) { TextFormatter::setHeading(c, level); });
        });
    const std::pair<F::Id, ListFormatter::Kind> lists[] = { { F::BulletList, ListFormatter::Kind::Bullet },
                                                            { F::NumberedList, ListFormatter::Kind::Numbered },
                                                            { F::TaskList, ListFormatter::Kind::Task } };
    // By init-capture: clang before 16 cannot capture a structured binding.
    for (const auto &[id, listKind] : lists)
        on(id, [this, kind = listKind] { applyToRich([kind](QTextCursor &c) { ListFormatter::toggle(c, kind); }); });
    on(F::Indent, [this] { applyToRich([](QTextCursor &c) { ListFormatter::indent(c); }); });
    on(F::Outdent, [this] { applyToRich([](QTextCursor &c) { ListFormatter::outdent(c); }); });
    on(F::AddRow, [this] { applyToRich([](QTextCursor &c) { TableFormatter::insertRow(c); }); });
    on(F::RemoveRow, [this] { applyToRich([](QTextCursor &c) { TableFormatter::removeRow(c); }); });
    on(F::AddColumn, [this] { applyToRich([](QTextCursor &c) { TableFormatter::insertColumn(c); }); });
    on(F::RemoveColumn, [this] { applyToRich([](QTextCursor &c) { TableFormatter::removeColumn(c); }); });
    // (Off, like every rich text action, while the source view is active.)
    on(F::Link, [this] { m_rich->editLink(); });
    on(F::Image, [this] { m_rich->chooseImage(); });
    on(F::Table, [this] { m_rich->chooseTable(); });
    on(F::PastePlainText, [this] { m_rich->pastePlainText(); });
    on(F::Undo, [this] { m_active == m_source ? m_source->undo() : m_rich->undo(); });
    on(F::Redo, [this] { m_active == m_source ? m_source->redo() : m_rich->redo(); });
    on(F::Find, [this] { m_find->openFind(); });
    on(F::Replace, [this] { m_find->openReplace(); });
    on(F::RichView, [this] { setViewMode(ViewMode::Rich); });
    on(F::SourceView, [this] { setViewMode(ViewMode::Markdown); });
    on(F::SideBySideView, [this] { setViewMode(ViewMode::SideBySide); });
}

void BodyEditor::setMarkdown(const QString &markdown)
{
    m_toRich->stop();
    m_toSource->stop();
    m_syncing = true;
    m_loaded = markdown;
    m_document->setMarkdown(markdown);
    // Loading is not an edit one could undo.
    m_rich->document()->clearUndoRedoStacks();
    m_rich->document()->setModified(false);
    m_rich->moveCursor(QTextCursor::Start);
    m_source->setPlainText(markdown);
    m_syncing = false;
    m_latest = Latest::Loaded;
    m_richStale = false;
    m_sourceStale = false;
    m_message->clear();
    updateActionStates();
    updateUndoStates();
    m_countTimer->start(); // after the first paint, not before it
}

QString BodyEditor::markdown() const
{
    switch (m_latest) {
    case Latest::Loaded:
        return m_loaded;
    case Latest::Source:
        return m_source->toPlainText();
    case Latest::Rich:
        break;
    }
    return m_document->markdown();
}

void BodyEditor::setPlaceholderText(const QString &text)
{
    m_rich->setPlaceholderText(text);
    m_source->setPlaceholderText(text);
}

void BodyEditor::richEdited()
{
    if (m_syncing)
        return;
    m_latest = Latest::Rich;
    m_toRich->stop(); // this view is the newer one now
    m_sourceStale = true;
    if (m_mode != ViewMode::Rich)
        m_toSource->start();
    m_countTimer->start();
    Q_EMIT changed();
}

void BodyEditor::sourceEdited()
{
    if (m_syncing)
        return;
    m_latest = Latest::Source;
    m_toSource->stop();
    m_richStale = true;
    if (m_mode != ViewMode::Markdown)
        m_toRich->start();
    m_countTimer->start();
    Q_EMIT changed();
}

void BodyEditor::syncRich()
{
    m_toRich->stop();
    if (!m_richStale)
        return;
    // The rich view's undo history stays: the source's edits arrive as one step.
    mergeIntoRich(m_source->toPlainText());
    m_richStale = false;
    updateActionStates();
}

void BodyEditor::mergeIntoRich(const QString &markdown)
{
    const bool wasSyncing = std::exchange(m_syncing, true);
    const int scroll = m_rich->verticalScrollBar()->value();
    // Numbers, not a QTextCursor: a cursor would follow the edit itself.
    const int anchor = m_rich->textCursor().anchor();
    const int position = m_rich->textCursor().position();
    desktop::DocumentPatcher::Change change;
    if (m_document->mergeMarkdown(markdown, &change)) {
        QTextCursor c = m_rich->textCursor();
        c.setPosition(desktop::DocumentPatcher::map(change, anchor));
        c.setPosition(desktop::DocumentPatcher::map(change, position), QTextCursor::KeepAnchor);
        m_rich->setTextCursor(c);
    } else {
        // Not to be patched exactly (rare): loaded whole, the undo history
        // with it, the cursor where it was as far as the text allows.
        m_document->setMarkdown(markdown);
        m_rich->document()->clearUndoRedoStacks();
        QTextCursor c = m_rich->textCursor();
        c.setPosition(std::min(position, m_rich->document()->characterCount() - 1));
        m_rich->setTextCursor(c);
    }
    m_rich->verticalScrollBar()->setValue(scroll);
    m_syncing = wasSyncing;
}

void BodyEditor::mergeMarkdown(const QString &markdown)
{
    if (markdown == this->markdown())
        return;
    m_toRich->stop();
    m_toSource->stop();
    mergeIntoRich(markdown);
    m_syncing = true;
    const int scroll = m_source->verticalScrollBar()->value();
    const int anchor = m_source->textCursor().anchor();
    const int position = m_source->textCursor().position();
    const desktop::DocumentPatcher::Change change = desktop::DocumentPatcher::patchText(m_source->document(), markdown);
    QTextCursor c = m_source->textCursor();
    c.setPosition(desktop::DocumentPatcher::map(change, anchor));
    c.setPosition(desktop::DocumentPatcher::map(change, position), QTextCursor::KeepAnchor);
    m_source->setTextCursor(c);
    m_source->verticalScrollBar()->setValue(scroll);
    m_syncing = false;
    // Both views hold `markdown` now, as if it had been loaded.
    m_loaded = markdown;
    m_latest = Latest::Loaded;
    m_richStale = false;
    m_sourceStale = false;
    updateActionStates();
    updateUndoStates();
    m_countTimer->start();
}

void BodyEditor::syncSource()
{
    m_toSource->stop();
    if (!m_sourceStale)
        return;
    m_syncing = true;
    const QString text = markdown();
    if (text != m_source->toPlainText()) {
        const int scroll = m_source->verticalScrollBar()->value();
        const int position = m_source->textCursor().position();
        m_source->setPlainText(text);
        QTextCursor c = m_source->textCursor();
        c.setPosition(std::min<int>(position, int(text.size())));
        m_source->setTextCursor(c);
        m_source->verticalScrollBar()->setValue(scroll);
    }
    m_syncing = false;
    m_sourceStale = false;
}

void BodyEditor::setViewMode(ViewMode mode)
{
    m_mode = mode;
    switch (mode) {
    case ViewMode::Rich:
        syncRich();
        m_rich->show();
        m_source->hide();
        setActiveView(m_rich);
        action(F::RichView)->setChecked(true);
        break;
    case ViewMode::Markdown:
        syncSource();
        m_source->show();
        m_rich->hide();
        setActiveView(m_source);
        action(F::SourceView)->setChecked(true);
        break;
    case ViewMode::SideBySide:
        syncRich();
        syncSource();
        m_rich->show();
        m_source->show();
        action(F::SideBySideView)->setChecked(true);
        break;
    }
    setFocusProxy(m_active);
    if (isAncestorOf(QApplication::focusWidget()) || hasFocus())
        m_active->setFocus();
}

void BodyEditor::setActiveView(QWidget *view)
{
    m_active = view;
    m_find->setEditor(view);
    const bool rich = view == m_rich;
    for (QAction *a : m_actions->richTextActions())
        a->setEnabled(rich);
    if (rich)
        updateActionStates();
    updateUndoStates();
}

void BodyEditor::updateActionStates()
{
    if (m_active != m_rich)
        return;
    m_actions->showState(TextFormatter::stateAt(m_rich->textCursor()));
}

void BodyEditor::updateUndoStates()
{
    const QTextDocument *doc = m_active == m_source ? m_source->document() : m_rich->document();
    action(F::Undo)->setEnabled(doc->isUndoAvailable());
    action(F::Redo)->setEnabled(doc->isRedoAvailable());
}

void BodyEditor::applyToRich(const std::function<void(QTextCursor &)> &command)
{
    if (m_active != m_rich)
        return;
    QTextCursor c = m_rich->textCursor();
    command(c);
    m_rich->setTextCursor(c);
    m_rich->setFocus();
    updateActionStates();
}

bool BodyEditor::insertImageFile(const QString &path, const QString &altText)
{
    return m_rich->insertImageFile(path, altText);
}

void BodyEditor::setImageImporter(ImageImporter importer)
{
    m_rich->setImageImporter(std::move(importer));
}

void BodyEditor::setMediaResolver(MediaResolver resolver)
{
    m_rich->setMediaResolver(std::move(resolver));
}

void BodyEditor::showMessage(const QString &text)
{
    m_message->setText(text);
    m_messageTimer->start();
}

void BodyEditor::updateStatistics()
{
    m_countTimer->stop();
    // The view that has the newest text; the rich one without Markdown's marks.
    const QString text
        = (m_latest == Latest::Source || m_richStale) ? m_source->toPlainText() : m_rich->document()->toPlainText();
    int words = 0;
    int characters = 0;
    bool inWord = false;
    for (const QChar ch : text) {
        const bool space = ch.isSpace();
        if (!space && !inWord)
            ++words;
        inWord = !space;
        if (ch != QLatin1Char('\n') && ch != QChar::ObjectReplacementCharacter)
            ++characters;
    }
    m_words = words;
    m_characters = characters;
    const int minutes = std::max(1, (words + kWordsPerMinute - 1) / kWordsPerMinute);
    m_statistics->setText(Tr::tr("%n word(s)", nullptr, words) + QStringLiteral(" · ")
                          + Tr::tr("%n character(s)", nullptr, characters) + QStringLiteral(" · ")
                          + Tr::tr("%n min read", nullptr, minutes));
    Q_EMIT statisticsChanged(words, characters, minutes);
}

bool BodyEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_rich || watched == m_source) {
        if (event->type() == QEvent::ShortcutOverride && m_actions->isShortcut(static_cast<QKeyEvent *>(event))) {
            event->ignore(); // the editor's action takes it, not the text view's own key binding
            return true;
        }
        if (event->type() == QEvent::FocusIn && watched != m_active && m_mode == ViewMode::SideBySide) {
            // The view about to be edited first takes in what the other one has.
            if (watched == m_source)
                syncSource();
            else
                syncRich();
            setActiveView(static_cast<QWidget *>(watched));
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace quire::gui
