// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/promptbranchmerge.h"

#include <QDialog>
#include <QMap>

class QButtonGroup;
class QPlainTextEdit;
class QTabWidget;

namespace quire::gui {

// Settles the clashes of a Merge Back: one tab per clashed field with the
// base, the prompt's and the branch's text side by side (SideBySideDiff),
// and a choice of the prompt's text, the branch's, or a combined text the
// user edits. Nothing is written here; cancelling leaves both texts as they
// were, accepting hands chosen() to PromptBranches::mergeBack.
class MergeDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Pick { Ours, Theirs, Combined };

    MergeDialog(const shared::PromptBranchMerge &merge, const QString &parentTitle, const QString &branchTitle,
                QWidget *parent = nullptr);

    // Chooses for the clash on `column` (Combined: `text`, else the side's text).
    void pick(const QString &column, Pick pick, const QString &text = {});
    // Column -> the text chosen for each clash.
    QMap<QString, QString> chosen() const;
    QTabWidget *tabs() const { return m_tabs; }

private:
    struct Choice
    {
        shared::PromptBranchMerge::Clash clash;
        QButtonGroup *group;
        QPlainTextEdit *combined;
    };

    QTabWidget *m_tabs;
    QList<Choice> m_choices;
};

} // namespace quire::gui
