// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/branchactions.h"

#include "desktop/core/syncengine.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptbranches.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/mergedialog.h"
#include "desktop/prompts/widgets/prompteditor.h"
#include "desktop/widgets/tr.h"
#include "shared/jsonqt.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace quire::gui {

BranchActions::BranchActions(desktop::Workspace &workspace, desktop::PromptStore &store, PromptEditor &editor,
                             QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_store(store)
    , m_editor(editor)
    , m_origin(new QLabel(this))
    , m_branch(new QPushButton(Tr::tr("&Branch…"), this))
    , m_merge(new QPushButton(Tr::tr("&Merge Back…"), this))
{
    setObjectName(QStringLiteral("branchActions"));
    m_origin->setObjectName(QStringLiteral("branchOrigin"));
    m_branch->setObjectName(QStringLiteral("branchButton"));
    m_merge->setObjectName(QStringLiteral("mergeBackButton"));
    m_branch->setToolTip(Tr::tr("Make your own copy of this prompt to edit, and merge it back later"));
    m_origin->setTextFormat(Qt::RichText);
    m_origin->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_origin, 1);
    layout->addWidget(m_branch);
    layout->addWidget(m_merge);
    connect(m_origin, &QLabel::linkActivated, this, [this] {
        // A copy: opening another prompt updates m_parentId while the receivers run.
        const QString parent = m_parentId;
        Q_EMIT openRequested(parent);
    });
    connect(m_branch, &QPushButton::clicked, this, &BranchActions::askAndBranch);
    connect(m_merge, &QPushButton::clicked, this, &BranchActions::mergeBack);
    connect(&m_editor, &PromptEditor::loaded, this, &BranchActions::update);
    // A sync may bring the parent, its new title or the base's version number.
    connect(&workspace.sync(), &desktop::SyncEngine::roundFinished, this, &BranchActions::update);
    update();
}

void BranchActions::update()
{
    const QString id = m_editor.currentId();
    m_parentId.clear();
    m_branch->setEnabled(!id.isEmpty() && !m_workspace.accountId().isEmpty());
    shared::Result<std::optional<nlohmann::json>> row
        = id.isEmpty() ? std::optional<nlohmann::json>() : m_store.get(id);
    if (row && *row)
        m_parentId = shared::textOf(**row, "branch_of");
    std::optional<nlohmann::json> parent;
    if (!m_parentId.isEmpty()) {
        if (shared::Result<std::optional<nlohmann::json>> p = m_store.get(m_parentId); p)
            parent = *p;
    }
    m_origin->setVisible(!m_parentId.isEmpty());
    m_merge->setVisible(!m_parentId.isEmpty());
    if (m_parentId.isEmpty())
        return;
    const QString parentTitle = parent ? shared::textOf(*parent, "title") : Tr::tr("a prompt not on this computer");
    shared::Result<std::optional<desktop::PromptVersion>> base = m_store.version(shared::textOf(**row, "branch_base"));
    const QString link = QStringLiteral("<a href=\"parent\">%1</a>").arg(parentTitle.toHtmlEscaped());
    m_origin->setText(base && *base && (*base)->isNumbered()
                          ? Tr::tr("Branch of %1 (from version %2)").arg(link, (*base)->number)
                          : Tr::tr("Branch of %1").arg(link));
    const bool owner = parent && shared::textOf(*parent, "owner_id") == m_workspace.accountId();
    m_merge->setEnabled(owner);
    m_merge->setToolTip(owner ? Tr::tr("Merge this branch's changes into “%1”").arg(parentTitle)
                              : Tr::tr("Only the owner of “%1” can merge into it.").arg(parentTitle));
}

void BranchActions::askAndBranch()
{
    bool ok = false;
    const QString title
        = QInputDialog::getText(this, Tr::tr("Branch"), Tr::tr("Title of the branch (empty: “<title> (branch)”):"),
                                QLineEdit::Normal, QString(), &ok);
    if (ok)
        branchOpenPrompt(title.trimmed());
}

QString BranchActions::branchOpenPrompt(const QString &title)
{
    const QString id = m_editor.currentId();
    // The branch starts from what is on screen, saved first.
    if (id.isEmpty() || !m_editor.saveNow())
        return {};
    shared::Result<QString> branch = desktop::PromptBranches(m_store).branch(id, m_workspace.accountId(), title);
    if (!branch) {
        QMessageBox::warning(this, Tr::tr("Branch"), branch.error().message);
        return {};
    }
    Q_EMIT openRequested(*branch);
    return *branch;
}

bool BranchActions::mergeBack()
{
    const QString branchId = m_editor.currentId();
    if (branchId.isEmpty() || m_parentId.isEmpty() || !m_editor.saveNow())
        return false;
    const QString parentId = m_parentId;
    desktop::PromptBranches branches(m_store);
    shared::Result<shared::PromptBranchMerge> preview = branches.preview(branchId);
    if (!preview) {
        QMessageBox::warning(this, Tr::tr("Merge Back"), preview.error().message);
        return false;
    }
    shared::Result<std::optional<nlohmann::json>> parent = m_store.get(parentId);
    const QString parentTitle = parent && *parent ? shared::textOf(**parent, "title") : QString();
    QMap<QString, QString> chosen;
    if (preview->clashes.isEmpty()) {
        if (QMessageBox::question(
                this, Tr::tr("Merge Back"),
                Tr::tr("Merge this branch's changes into “%1”? It gets a new version.").arg(parentTitle))
            != QMessageBox::Yes)
            return false;
    } else {
        MergeDialog dialog(*preview, parentTitle, shared::textOf(m_editor.fieldsOnScreen(), "title"), this);
        if (dialog.exec() != QDialog::Accepted)
            return false; // nothing written: both texts stay
        chosen = dialog.chosen();
    }
    shared::Result<QString> version = branches.mergeBack(branchId, m_workspace.accountId(), chosen);
    if (!version) {
        QMessageBox::warning(this, Tr::tr("Merge Back"), version.error().message);
        return false;
    }
    Q_EMIT merged(parentId);
    return true;
}

} // namespace quire::gui
