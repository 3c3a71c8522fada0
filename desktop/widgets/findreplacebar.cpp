// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/findreplacebar.h"

#include "desktop/widgets/tr.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextEdit>
#include <QToolButton>

namespace quire::gui {

FindReplaceBar::FindReplaceBar(QWidget *parent)
    : QWidget(parent)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_matchCase(new QCheckBox(Tr::tr("Match &case"), this))
    , m_wholeWords(new QCheckBox(Tr::tr("&Whole words"), this))
    , m_status(new QLabel(this))
    , m_replaceRow(new QWidget(this))
{
    setObjectName(QStringLiteral("findReplaceBar"));
    m_find->setObjectName(QStringLiteral("findField"));
    m_replace->setObjectName(QStringLiteral("replaceField"));
    m_matchCase->setObjectName(QStringLiteral("matchCaseBox"));
    m_wholeWords->setObjectName(QStringLiteral("wholeWordsBox"));
    m_status->setObjectName(QStringLiteral("findStatus"));
    m_find->setPlaceholderText(Tr::tr("Find"));
    m_find->setAccessibleName(Tr::tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setPlaceholderText(Tr::tr("Replace with"));
    m_replace->setAccessibleName(Tr::tr("Replace with"));
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(QStringLiteral("0000 of 0000")));

    const auto button = [this](const QString &text, const QString &tip, const char *name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        b->setToolTip(tip);
        b->setAutoDefault(false);
        return b;
    };
    QPushButton *previous = button(Tr::tr("&Previous"), Tr::tr("Previous match (Shift+Enter)"), "findPreviousButton");
    QPushButton *next = button(Tr::tr("&Next"), Tr::tr("Next match (Enter)"), "findNextButton");
    QPushButton *replaceOne = button(Tr::tr("&Replace"), Tr::tr("Replace this match"), "replaceButton");
    QPushButton *all
        = button(Tr::tr("Replace &All"), Tr::tr("Replace every match (one undo step)"), "replaceAllButton");
    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("findCloseButton"));
    close->setText(QStringLiteral("×"));
    close->setToolTip(Tr::tr("Close (Esc)"));
    close->setAccessibleName(Tr::tr("Close find bar"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(previous, 0, 1);
    layout->addWidget(next, 0, 2);
    layout->addWidget(m_matchCase, 0, 3);
    layout->addWidget(m_wholeWords, 0, 4);
    layout->addWidget(m_status, 0, 5);
    layout->addWidget(close, 0, 6);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(all);
    layout->addWidget(m_replaceRow, 1, 0, 1, 3);
    layout->setColumnStretch(0, 1);

    m_find->installEventFilter(this);
    connect(m_find, &QLineEdit::textEdited, this, [this] { find(false, true); });
    connect(m_find, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replace);
    connect(previous, &QPushButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(next, &QPushButton::clicked, this, &FindReplaceBar::findNext);
    connect(replaceOne, &QPushButton::clicked, this, &FindReplaceBar::replace);
    connect(all, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    for (QCheckBox *box : { m_matchCase, m_wholeWords })
        connect(box, &QCheckBox::toggled, this, [this] { find(false, true); });
    hide();
}

void FindReplaceBar::setEditor(QWidget *editor)
{
    m_editor = editor;
    if (isVisible())
        showPosition();
}

QTextDocument *FindReplaceBar::document() const
{
    if (auto *rich = qobject_cast<QTextEdit *>(m_editor))
        return rich->document();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(m_editor))
        return plain->document();
    return nullptr;
}

QTextCursor FindReplaceBar::cursor() const
{
    if (auto *rich = qobject_cast<QTextEdit *>(m_editor))
        return rich->textCursor();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(m_editor))
        return plain->textCursor();
    return {};
}

void FindReplaceBar::setCursor(const QTextCursor &c)
{
    if (auto *rich = qobject_cast<QTextEdit *>(m_editor))
        rich->setTextCursor(c);
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(m_editor))
        plain->setTextCursor(c);
}

QTextDocument::FindFlags FindReplaceBar::flags() const
{
    QTextDocument::FindFlags f;
    if (m_matchCase->isChecked())
        f |= QTextDocument::FindCaseSensitively;
    if (m_wholeWords->isChecked())
        f |= QTextDocument::FindWholeWords;
    return f;
}

void FindReplaceBar::open(bool withReplace)
{
    m_replaceRow->setVisible(withReplace);
    const QString selected = cursor().selectedText();
    // A selection of one line is what the user wants to find; more is not.
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    show();
    m_find->setFocus();
    m_find->selectAll();
    showPosition();
}

void FindReplaceBar::openFind()
{
    open(false);
}

void FindReplaceBar::openReplace()
{
    open(true);
}

bool FindReplaceBar::isMatch(const QTextCursor &c) const
{
    if (!c.hasSelection() || m_find->text().isEmpty())
        return false;
    const Qt::CaseSensitivity cs = m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (c.selectedText().compare(m_find->text(), cs) != 0)
        return false;
    // The document's own search decides about word boundaries.
    const QTextCursor again = document()->find(m_find->text(), c.selectionStart(), flags());
    return again.selectionStart() == c.selectionStart() && again.selectionEnd() == c.selectionEnd();
}

bool FindReplaceBar::find(bool backward, bool fromSelectionStart)
{
    QTextDocument *doc = document();
    const QString text = m_find->text();
    if (!doc || text.isEmpty()) {
        m_status->clear();
        return false;
    }
    QTextCursor from = cursor();
    if (fromSelectionStart)
        from.setPosition(from.selectionStart()); // typing refines the match in place
    QTextDocument::FindFlags f = flags();
    if (backward) {
        f |= QTextDocument::FindBackward;
        from.setPosition(from.selectionStart());
    }
    QTextCursor found = doc->find(text, from, f);
    if (found.isNull()) { // go round
        QTextCursor edge(doc);
        edge.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        found = doc->find(text, edge, f);
    }
    if (!found.isNull())
        setCursor(found);
    showPosition();
    return !found.isNull();
}

bool FindReplaceBar::findNext()
{
    return find(false);
}

bool FindReplaceBar::findPrevious()
{
    return find(true);
}

bool FindReplaceBar::replace()
{
    QTextCursor c = cursor();
    if (!isMatch(c) && !find(false, true))
        return false;
    c = cursor();
    c.insertText(m_replace->text());
    setCursor(c);
    find(false);
    return true;
}

int FindReplaceBar::replaceAll()
{
    QTextDocument *doc = document();
    const QString text = m_find->text();
    if (!doc || text.isEmpty())
        return 0;
    int count = 0;
    QTextCursor group(doc);
    group.beginEditBlock(); // one undo step for all of them
    for (QTextCursor found = doc->find(text, 0, flags()); !found.isNull(); found = doc->find(text, found, flags())) {
        found.insertText(m_replace->text());
        ++count;
    }
    group.endEditBlock();
    m_status->setText(count ? Tr::tr("Replaced %n", nullptr, count) : Tr::tr("Not found"));
    return count;
}

void FindReplaceBar::showPosition()
{
    QTextDocument *doc = document();
    const QString text = m_find->text();
    if (!doc || text.isEmpty()) {
        m_status->clear();
        return;
    }
    const QTextCursor current = cursor();
    int total = 0;
    int index = 0;
    for (QTextCursor found = doc->find(text, 0, flags()); !found.isNull(); found = doc->find(text, found, flags())) {
        ++total;
        if (found.selectionStart() == current.selectionStart() && found.selectionEnd() == current.selectionEnd())
            index = total;
    }
    if (total == 0)
        m_status->setText(Tr::tr("Not found"));
    else if (index == 0)
        m_status->setText(Tr::tr("%n match(es)", nullptr, total));
    else
        m_status->setText(Tr::tr("%1 of %2").arg(index).arg(total));
}

QString FindReplaceBar::feedback() const
{
    return m_status->text();
}

void FindReplaceBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_editor)
            m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool FindReplaceBar::eventFilter(QObject *watched, QEvent *event)
{
    // Shift+Enter goes back; QLineEdit would report it as a plain Enter.
    if (watched == m_find && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace quire::gui
