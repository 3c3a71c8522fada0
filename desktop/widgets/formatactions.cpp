// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/formatactions.h"

#include "desktop/widgets/textformatter.h"
#include "desktop/widgets/tr.h"

#include <QAction>
#include <QActionGroup>
#include <QIcon>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QWidget>

namespace quire::gui {

namespace {

struct Spec
{
    FormatActions::Id id;
    const char *name;
    QString text;
    QString shortLabel; // on the toolbar when the theme has no icon
    const char *icon; // freedesktop or Breeze name
    QList<QKeySequence> keys = {};
    QString keyHint = {}; // keys handled by the editor itself (Tab)
    bool checkable = false;
};

QKeySequence ctrl(int key, Qt::KeyboardModifiers extra = {})
{
    return QKeySequence(QKeyCombination(Qt::ControlModifier | extra, Qt::Key(key)));
}

QList<Spec> specs()
{
    using F = FormatActions;
    const Qt::KeyboardModifiers shift = Qt::ShiftModifier;
    return {
        { F::Undo, "undoAction", Tr::tr("&Undo"), Tr::tr("↶"), "edit-undo", { ctrl(Qt::Key_Z) } },
        { F::Redo,
          "redoAction",
          Tr::tr("&Redo"),
          Tr::tr("↷"),
          "edit-redo",
          { ctrl(Qt::Key_Z, shift), ctrl(Qt::Key_Y) } },
        { F::Paragraph,
          "paragraphAction",
          Tr::tr("&Paragraph"),
          Tr::tr("¶"),
          "format-text-paragraph",
          { ctrl(Qt::Key_0) },
          {},
          true },
        { F::Heading1,
          "heading1Action",
          Tr::tr("Heading &1"),
          Tr::tr("H1"),
          "format-text-heading-1",
          { ctrl(Qt::Key_1) },
          {},
          true },
        { F::Heading2,
          "heading2Action",
          Tr::tr("Heading &2"),
          Tr::tr("H2"),
          "format-text-heading-2",
          { ctrl(Qt::Key_2) },
          {},
          true },
        { F::Heading3,
          "heading3Action",
          Tr::tr("Heading &3"),
          Tr::tr("H3"),
          "format-text-heading-3",
          { ctrl(Qt::Key_3) },
          {},
          true },
        { F::Bold, "boldAction", Tr::tr("&Bold"), Tr::tr("B"), "format-text-bold", { ctrl(Qt::Key_B) }, {}, true },
        { F::Italic,
          "italicAction",
          Tr::tr("&Italic"),
          Tr::tr("I"),
          "format-text-italic",
          { ctrl(Qt::Key_I) },
          {},
          true },
        { F::StrikeOut,
          "strikeOutAction",
          Tr::tr("&Strikethrough"),
          Tr::tr("S"),
          "format-text-strikethrough",
          { ctrl(Qt::Key_X, shift) },
          {},
          true },
        { F::InlineCode,
          "inlineCodeAction",
          Tr::tr("Inline &Code"),
          Tr::tr("<>"),
          "format-text-code",
          { ctrl(Qt::Key_E) },
          {},
          true },
        { F::CodeBlock,
          "codeBlockAction",
          Tr::tr("Code Bl&ock"),
          Tr::tr("{ }"),
          "format-text-code-block",
          { ctrl(Qt::Key_E, shift) },
          {},
          true },
        { F::Quote,
          "quoteAction",
          Tr::tr("&Quote"),
          Tr::tr("“”"),
          "format-text-blockquote",
          { ctrl(Qt::Key_Q, shift) },
          {},
          true },
        { F::BulletList,
          "bulletListAction",
          Tr::tr("Bulleted &List"),
          Tr::tr("•"),
          "format-list-unordered",
          { ctrl(Qt::Key_8, shift) },
          {},
          true },
        { F::NumberedList,
          "numberedListAction",
          Tr::tr("&Numbered List"),
          Tr::tr("1."),
          "format-list-ordered",
          { ctrl(Qt::Key_7, shift) },
          {},
          true },
        { F::TaskList,
          "taskListAction",
          Tr::tr("&Task List"),
          Tr::tr("☐"),
          "checkbox",
          { ctrl(Qt::Key_9, shift) },
          {},
          true },
        { F::Outdent,
          "outdentAction",
          Tr::tr("Ou&tdent"),
          Tr::tr("⇤"),
          "format-indent-less",
          { ctrl(Qt::Key_BracketLeft) },
          Tr::tr("Shift+Tab") },
        { F::Indent,
          "indentAction",
          Tr::tr("In&dent"),
          Tr::tr("⇥"),
          "format-indent-more",
          { ctrl(Qt::Key_BracketRight) },
          Tr::tr("Tab") },
        { F::Link, "linkAction", Tr::tr("Lin&k…"), Tr::tr("Link"), "insert-link", { ctrl(Qt::Key_K) } },
        { F::Image, "imageAction", Tr::tr("I&mage…"), Tr::tr("Image"), "insert-image", { ctrl(Qt::Key_I, shift) } },
        { F::Table, "tableAction", Tr::tr("T&able…"), Tr::tr("Table"), "insert-table", {} },
        { F::AddRow, "addRowAction", Tr::tr("Add Row Below"), Tr::tr("+Row"), "edit-table-insert-row-below", {} },
        { F::RemoveRow, "removeRowAction", Tr::tr("Remove Row"), Tr::tr("−Row"), "edit-table-delete-row", {} },
        { F::AddColumn,
          "addColumnAction",
          Tr::tr("Add Column Right"),
          Tr::tr("+Col"),
          "edit-table-insert-column-right",
          {} },
        { F::RemoveColumn,
          "removeColumnAction",
          Tr::tr("Remove Column"),
          Tr::tr("−Col"),
          "edit-table-delete-column",
          {} },
        { F::HorizontalRule, "ruleAction", Tr::tr("&Horizontal Rule"), Tr::tr("—"), "insert-horizontal-rule", {} },
        { F::Find, "findAction", Tr::tr("&Find…"), Tr::tr("Find"), "edit-find", { ctrl(Qt::Key_F) } },
        { F::Replace,
          "replaceAction",
          Tr::tr("R&eplace…"),
          Tr::tr("Replace"),
          "edit-find-replace",
          { ctrl(Qt::Key_H) } },
        { F::PastePlainText,
          "pastePlainAction",
          Tr::tr("Paste as Plain &Text"),
          Tr::tr("Paste Text"),
          "edit-paste",
          { ctrl(Qt::Key_V, shift) } },
        { F::RichView,
          "richViewAction",
          Tr::tr("Rich Text"),
          Tr::tr("Rich text"),
          nullptr,
          { QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_1) },
          {},
          true },
        { F::SourceView,
          "sourceViewAction",
          Tr::tr("Markdown"),
          Tr::tr("Markdown"),
          nullptr,
          { QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_2) },
          {},
          true },
        { F::SideBySideView,
          "sideBySideAction",
          Tr::tr("Side by Side"),
          Tr::tr("Side by side"),
          nullptr,
          { QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_3) },
          {},
          true },
        { F::Preview,
          "previewAction",
          Tr::tr("&Preview"),
          Tr::tr("Preview"),
          "document-preview",
          { ctrl(Qt::Key_P, shift) },
          {},
          true },
    };
}

QString withoutMnemonic(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text;
}

} // namespace

FormatActions::FormatActions(QWidget *owner)
    : QObject(owner)
{
    for (const Spec &s : specs()) {
        auto *a = new QAction(s.text, owner);
        a->setObjectName(QString::fromLatin1(s.name));
        a->setIconText(s.shortLabel);
        if (s.icon)
            a->setIcon(QIcon::fromTheme(QString::fromLatin1(s.icon)));
        a->setShortcuts(s.keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setCheckable(s.checkable);
        QStringList keys;
        for (const QKeySequence &k : s.keys)
            keys << k.toString(QKeySequence::NativeText);
        if (!s.keyHint.isEmpty())
            keys.prepend(s.keyHint);
        const QString name = withoutMnemonic(s.text).remove(QChar(0x2026));
        a->setToolTip(keys.isEmpty() ? name : Tr::tr("%1 (%2)").arg(name, keys.join(Tr::tr(", "))));
        m_actions[s.id] = a;
    }
    // What the toolbar's text labels look like where the theme has no icons.
    QFont bold = m_actions[Bold]->font();
    bold.setBold(true);
    m_actions[Bold]->setFont(bold);
    QFont italic;
    italic.setItalic(true);
    m_actions[Italic]->setFont(italic);
    QFont struck;
    struck.setStrikeOut(true);
    m_actions[StrikeOut]->setFont(struck);

    auto *headings = new QActionGroup(this);
    for (Id id : { Paragraph, Heading1, Heading2, Heading3 })
        headings->addAction(m_actions[id]);
    auto *views = new QActionGroup(this);
    for (Id id : { RichView, SourceView, SideBySideView })
        views->addAction(m_actions[id]);
    m_actions[RichView]->setChecked(true);

    const QList<QList<Id>> groups {
        { Undo, Redo },
        { Find, Replace },
        { Paragraph, Heading1, Heading2, Heading3 },
        { Bold, Italic, StrikeOut, InlineCode },
        { CodeBlock, Quote },
        { BulletList, NumberedList, TaskList, Outdent, Indent },
        // The table's row and column commands follow Table: they are on the
        // toolbar only while the cursor is in a table.
        { Link, Image, HorizontalRule, Table, AddRow, RemoveRow, AddColumn, RemoveColumn },
        { RichView, SourceView, SideBySideView, Preview },
    };
    for (const QList<Id> &group : groups) {
        if (!m_toolBar.isEmpty()) {
            m_toolBar.append(nullptr);
            auto *separator = new QAction(owner);
            separator->setSeparator(true);
            owner->addAction(separator);
        }
        for (Id id : group) {
            m_toolBar.append(m_actions[id]);
            owner->addAction(m_actions[id]);
            if (id == Redo)
                owner->addAction(m_actions[PastePlainText]); // the menu's edit group; not on the toolbar
        }
    }
}

QList<QAction *> FormatActions::toolBarActions() const
{
    return m_toolBar;
}

QList<QAction *> FormatActions::viewModeActions() const
{
    return { m_actions[RichView], m_actions[SourceView], m_actions[SideBySideView] };
}

QList<QAction *> FormatActions::tableActions() const
{
    return { m_actions[AddRow], m_actions[RemoveRow], m_actions[AddColumn], m_actions[RemoveColumn] };
}

QList<QAction *> FormatActions::richTextActions() const
{
    QList<QAction *> list;
    for (int id = Paragraph; id <= HorizontalRule; ++id)
        list.append(m_actions[id]);
    list.append(m_actions[PastePlainText]);
    return list;
}

void FormatActions::showState(const TextFormatter::State &s)
{
    m_actions[Bold]->setChecked(s.bold);
    m_actions[Italic]->setChecked(s.italic);
    m_actions[StrikeOut]->setChecked(s.strikeOut);
    m_actions[InlineCode]->setChecked(s.inlineCode);
    m_actions[Paragraph]->setChecked(s.headingLevel == 0);
    m_actions[Heading1]->setChecked(s.headingLevel == 1);
    m_actions[Heading2]->setChecked(s.headingLevel == 2);
    m_actions[Heading3]->setChecked(s.headingLevel == 3);
    m_actions[CodeBlock]->setChecked(s.codeBlock);
    m_actions[Quote]->setChecked(s.quote);
    m_actions[BulletList]->setChecked(s.list == ListFormatter::Kind::Bullet);
    m_actions[NumberedList]->setChecked(s.list == ListFormatter::Kind::Numbered);
    m_actions[TaskList]->setChecked(s.list == ListFormatter::Kind::Task);
    for (Id id : { AddRow, RemoveRow, AddColumn, RemoveColumn })
        m_actions[id]->setEnabled(s.inTable);
    for (Id id : { Indent, Outdent })
        m_actions[id]->setEnabled(s.list != ListFormatter::Kind::None);
}

bool FormatActions::isShortcut(const QKeyEvent *event) const
{
    const QKeySequence pressed(event->keyCombination());
    for (const QAction *a : m_actions) {
        if (a->isEnabled() && a->shortcuts().contains(pressed))
            return true;
    }
    return false;
}

} // namespace quire::gui
