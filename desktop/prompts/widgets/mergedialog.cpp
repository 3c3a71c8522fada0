// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/mergedialog.h"

#include "desktop/prompts/widgets/sidebysidediff.h"
#include "desktop/widgets/tr.h"
#include "shared/prompttables.h"
#include "shared/synctable.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace quire::gui {

MergeDialog::MergeDialog(const shared::PromptBranchMerge &merge, const QString &parentTitle, const QString &branchTitle,
                         QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(Tr::tr("Merge Back"));
    auto *intro = new QLabel(Tr::tr("“%1” and its branch “%2” both changed the fields below. Choose a text for "
                                    "each; nothing is merged until you do.")
                                 .arg(parentTitle, branchTitle),
                             this);
    intro->setWordWrap(true);
    m_tabs->setObjectName(QStringLiteral("clashTabs"));
    for (const shared::PromptBranchMerge::Clash &clash : merge.clashes) {
        auto *page = new QWidget(m_tabs);
        page->setObjectName(clash.column);
        auto *ours = new SideBySideDiff(page);
        ours->setObjectName(QStringLiteral("oursDiff"));
        ours->setTexts(Tr::tr("Base"), clash.base, Tr::tr("Prompt (%1)").arg(parentTitle), clash.ours);
        auto *theirs = new SideBySideDiff(page);
        theirs->setObjectName(QStringLiteral("theirsDiff"));
        theirs->setTexts(Tr::tr("Base"), clash.base, Tr::tr("Branch (%1)").arg(branchTitle), clash.theirs);
        auto *diffs = new QHBoxLayout;
        diffs->addWidget(ours);
        diffs->addWidget(theirs);
        auto *group = new QButtonGroup(page);
        auto *keepOurs = new QRadioButton(Tr::tr("Keep the &prompt's text"), page);
        auto *takeTheirs = new QRadioButton(Tr::tr("Take the &branch's text"), page);
        auto *combine = new QRadioButton(Tr::tr("&Combine (edit below)"), page);
        keepOurs->setObjectName(QStringLiteral("oursRadio"));
        takeTheirs->setObjectName(QStringLiteral("theirsRadio"));
        combine->setObjectName(QStringLiteral("combinedRadio"));
        group->addButton(keepOurs, static_cast<int>(Pick::Ours));
        group->addButton(takeTheirs, static_cast<int>(Pick::Theirs));
        group->addButton(combine, static_cast<int>(Pick::Combined));
        keepOurs->setChecked(true);
        auto *combined = new QPlainTextEdit(page);
        combined->setObjectName(QStringLiteral("combinedEdit"));
        combined->setAccessibleName(Tr::tr("Combined text"));
        // Both texts to start from, so combining never means retyping either.
        combined->setPlainText(clash.ours == clash.theirs ? clash.ours : clash.ours + QLatin1Char('\n') + clash.theirs);
        combined->setEnabled(false);
        connect(combine, &QRadioButton::toggled, combined, &QWidget::setEnabled);
        auto *picks = new QHBoxLayout;
        picks->addWidget(keepOurs);
        picks->addWidget(takeTheirs);
        picks->addWidget(combine);
        picks->addStretch();
        auto *reason = new QLabel(clash.reason, page);
        reason->setWordWrap(true);
        auto *pageLayout = new QVBoxLayout(page);
        pageLayout->addWidget(reason);
        pageLayout->addLayout(diffs, 2);
        pageLayout->addLayout(picks);
        pageLayout->addWidget(combined, 1);
        // Named as everywhere else a column is named (conflicts, refused changes).
        m_tabs->addTab(page, shared::SyncSchema::columnLabel(shared::promptsTable(), clash.column));
        m_choices.append({ clash, group, combined });
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(Tr::tr("&Merge"), QDialogButtonBox::AcceptRole)->setObjectName(QStringLiteral("mergeButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}

void MergeDialog::pick(const QString &column, Pick pick, const QString &text)
{
    for (const Choice &c : std::as_const(m_choices)) {
        if (c.clash.column != column)
            continue;
        c.group->button(static_cast<int>(pick))->setChecked(true);
        if (pick == Pick::Combined)
            c.combined->setPlainText(text);
    }
}

QMap<QString, QString> MergeDialog::chosen() const
{
    QMap<QString, QString> out;
    for (const Choice &c : m_choices) {
        switch (static_cast<Pick>(c.group->checkedId())) {
        case Pick::Ours:
            out.insert(c.clash.column, c.clash.ours);
            break;
        case Pick::Theirs:
            out.insert(c.clash.column, c.clash.theirs);
            break;
        case Pick::Combined:
            out.insert(c.clash.column, c.combined->toPlainText());
            break;
        }
    }
    return out;
}

} // namespace quire::gui
