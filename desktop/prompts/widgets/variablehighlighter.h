// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;
class QTextBlock;

namespace quire::gui {

// Colours a prompt's template tags (shared/prompttemplate.h) in an editor's
// document: variables, includes and escapes, and a broken tag underlined,
// in colours that read on the light and the dark palette alike.
class VariableHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // Follows the application's palette, and its changes.
    explicit VariableHighlighter(QTextDocument *document);

    // Takes its colours from `palette` (a light or dark one) from now on.
    void setPalette(const QPalette &palette);

    QTextCharFormat variableFormat() const { return m_variable; }
    QTextCharFormat variableNameFormat() const { return m_variableName; }
    QTextCharFormat includeFormat() const { return m_include; }
    QTextCharFormat includeNameFormat() const { return m_includeName; }
    QTextCharFormat escapeFormat() const { return m_escape; }
    QTextCharFormat errorFormat() const { return m_error; }

    // What is wrong with the first broken tag of `block`, or nothing: for
    // the editor's tooltip or status line (a highlighter's formats carry none).
    static QString problemIn(const QTextBlock &block);

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void derive(const QPalette &palette);

    QTextCharFormat m_variable;
    QTextCharFormat m_variableName;
    QTextCharFormat m_include;
    QTextCharFormat m_includeName;
    QTextCharFormat m_escape;
    QTextCharFormat m_error;
    bool m_followApplication = true;
};

} // namespace quire::gui
