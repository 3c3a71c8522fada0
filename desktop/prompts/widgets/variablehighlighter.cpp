// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/variablehighlighter.h"

#include "desktop/widgets/apptheme.h"
#include "shared/prompttemplate.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QPalette>
#include <QTextBlock>

namespace quire::gui {
namespace {

// The first broken tag's message, kept on its block for problemIn().
class BlockProblem final : public QTextBlockUserData
{
public:
    explicit BlockProblem(QString message)
        : message(std::move(message))
    { }
    QString message;
};

} // namespace

VariableHighlighter::VariableHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    derive(QGuiApplication::palette());
    // A theme switch changes the application's palette; the tags follow.
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

void VariableHighlighter::setPalette(const QPalette &palette)
{
    m_followApplication = false;
    derive(palette);
    rehighlight();
}

bool VariableHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (m_followApplication && watched == QCoreApplication::instance()
        && event->type() == QEvent::ApplicationPaletteChange) {
        derive(QGuiApplication::palette());
        rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

// Tinted grounds under strong text: each pair keeps a contrast of at least
// 4.5:1 against the editor's base in both themes (tst_variablehighlighter).
void VariableHighlighter::derive(const QPalette &palette)
{
    const bool dark = AppTheme::isDark(palette);
    const QColor variableText = dark ? QColor(0x7e, 0xe0, 0xb0) : QColor(0x0b, 0x6e, 0x4f);
    const QColor variableGround = dark ? QColor(0x1d, 0x36, 0x2b) : QColor(0xe3, 0xf4, 0xec);
    const QColor includeText = dark ? QColor(0xc9, 0xa8, 0xff) : QColor(0x6a, 0x3f, 0xa0);
    const QColor includeGround = dark ? QColor(0x31, 0x27, 0x47) : QColor(0xf0, 0xe8, 0xfa);
    const QColor errorColour = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);

    m_variable = QTextCharFormat();
    m_variable.setForeground(variableText);
    m_variable.setBackground(variableGround);
    m_variableName = m_variable;
    m_variableName.setFontWeight(QFont::Bold);

    m_include = QTextCharFormat();
    m_include.setForeground(includeText);
    m_include.setBackground(includeGround);
    m_includeName = m_include;
    m_includeName.setFontWeight(QFont::Bold);

    m_escape = QTextCharFormat();
    m_escape.setForeground(palette.color(QPalette::PlaceholderText));
    m_escape.setFontItalic(true);

    m_error = QTextCharFormat();
    m_error.setForeground(errorColour);
    m_error.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    m_error.setUnderlineColor(errorColour);
}

void VariableHighlighter::highlightBlock(const QString &text)
{
    QString problem;
    for (const shared::TemplateToken &token : shared::PromptTemplate::tokenize(text)) {
        using Kind = shared::TemplateToken::Kind;
        switch (token.kind) {
        case Kind::Variable:
            setFormat(int(token.start), int(token.length), m_variable);
            setFormat(int(token.nameStart), int(token.nameLength), m_variableName);
            break;
        case Kind::Include:
            setFormat(int(token.start), int(token.length), m_include);
            setFormat(int(token.nameStart), int(token.nameLength), m_includeName);
            break;
        case Kind::Escape:
            setFormat(int(token.start), int(token.length), m_escape);
            break;
        case Kind::Error:
            setFormat(int(token.start), int(token.length), m_error);
            if (problem.isEmpty())
                problem = token.message;
            break;
        }
    }
    setCurrentBlockUserData(problem.isEmpty() ? nullptr : new BlockProblem(problem));
}

QString VariableHighlighter::problemIn(const QTextBlock &block)
{
    const auto *data = dynamic_cast<const BlockProblem *>(block.userData());
    return data ? data->message : QString();
}

} // namespace quire::gui
