// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/promptversionspanel.h"

#include "desktop/core/datetext.h"
#include "desktop/core/profile.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/sidebysidediff.h"
#include "desktop/widgets/tr.h"
#include "shared/permissions.h"
#include "shared/promptnames.h"
#include "shared/role.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quire::gui {

namespace {

enum Column { Number, Author, Date, Message, Labels };

QString numberText(const desktop::PromptVersion &v)
{
    return v.isNumbered() ? Tr::tr("Version %1").arg(v.number) : Tr::tr("unnumbered");
}

} // namespace

PromptVersionsPanel::PromptVersionsPanel(desktop::Workspace &workspace, desktop::PromptStore &store, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_store(store)
    , m_message(new QLabel(this))
    , m_messageEdit(new QLineEdit(this))
    , m_save(new QPushButton(Tr::tr("Save &Version", "prompt versions"), this))
    , m_list(new QTreeWidget(this))
    , m_compare(new QPushButton(Tr::tr("&Compare", "prompt versions"), this))
    , m_restore(new QPushButton(Tr::tr("&Restore…", "prompt versions"), this))
    , m_labelName(new QComboBox(this))
    , m_setLabel(new QPushButton(Tr::tr("Set &Label"), this))
    , m_approval(new QLabel(this))
    , m_approve(new QPushButton(Tr::tr("Approve"), this))
    , m_diff(new SideBySideDiff(this))
{
    m_approval->setObjectName(QStringLiteral("approvalState"));
    m_approval->setWordWrap(true);
    m_approval->hide();
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setToolTip(Tr::tr("Move the label to the version asked for, as an editor or admin"));
    m_approve->hide();
    setObjectName(QStringLiteral("promptVersionsPanel"));
    m_message->setObjectName(QStringLiteral("versionsMessage"));
    m_message->setWordWrap(true);
    m_messageEdit->setObjectName(QStringLiteral("versionMessageEdit"));
    m_messageEdit->setPlaceholderText(Tr::tr("What changed (optional)"));
    m_messageEdit->setAccessibleName(Tr::tr("Version message"));
    m_save->setObjectName(QStringLiteral("saveVersionButton"));
    m_save->setToolTip(Tr::tr("Keep the prompt as it is now as a version (Ctrl+S). Leaving a changed prompt keeps "
                              "one too."));
    m_list->setObjectName(QStringLiteral("versionList"));
    m_list->setAccessibleName(Tr::tr("Versions"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels(
        { Tr::tr("Version"), Tr::tr("Author"), Tr::tr("Date"), Tr::tr("Message"), Tr::tr("Labels") });
    // Number, author, the date in full and the labels as wide as they need; the message takes the rest.
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(Message, QHeaderView::Stretch);
    m_compare->setObjectName(QStringLiteral("compareVersionsButton"));
    m_compare->setToolTip(Tr::tr("Select two versions, or one to compare it with the prompt as it is now."));
    m_restore->setObjectName(QStringLiteral("restoreVersionButton"));
    m_restore->setToolTip(Tr::tr("Bring back this version's content and settings as a new version."));
    m_labelName->setObjectName(QStringLiteral("labelNameCombo"));
    m_labelName->setEditable(true);
    m_labelName->setAccessibleName(Tr::tr("Label"));
    m_labelName->setToolTip(Tr::tr("production, staging or a name of your own (lower-case letters, digits, "
                                   "hyphens)"));
    m_setLabel->setObjectName(QStringLiteral("setLabelButton"));
    m_setLabel->setToolTip(Tr::tr("Point this label at the selected version; it stays there until moved."));

    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_messageEdit, 1);
    saveRow->addWidget(m_save);
    // Two rows: on one the four did not fit the side pane in German.
    auto *actions = new QVBoxLayout;
    auto *versionActions = new QHBoxLayout;
    versionActions->addWidget(m_compare);
    versionActions->addWidget(m_restore);
    versionActions->addStretch(1);
    auto *labelActions = new QHBoxLayout;
    labelActions->addWidget(m_labelName, 1);
    labelActions->addWidget(m_setLabel);
    actions->addLayout(versionActions);
    actions->addLayout(labelActions);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_message);
    auto *approvalRow = new QHBoxLayout;
    approvalRow->addWidget(m_approval, 1);
    approvalRow->addWidget(m_approve);
    topLayout->addLayout(approvalRow);
    topLayout->addLayout(saveRow);
    topLayout->addWidget(m_list, 1);
    topLayout->addLayout(actions);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_diff);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_save, &QPushButton::clicked, this, &PromptVersionsPanel::saveVersion);
    connect(m_messageEdit, &QLineEdit::returnPressed, this, &PromptVersionsPanel::saveVersion);
    connect(m_compare, &QPushButton::clicked, this, &PromptVersionsPanel::compareSelected);
    connect(m_restore, &QPushButton::clicked, this, [this] { restoreSelected(true); });
    connect(m_setLabel, &QPushButton::clicked, this, &PromptVersionsPanel::setLabelOnSelected);
    connect(m_approve, &QPushButton::clicked, this, &PromptVersionsPanel::approveWaiting);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &PromptVersionsPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &PromptVersionsPanel::compareSelected);
    showPrompt(QString());
}

void PromptVersionsPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void PromptVersionsPanel::showPrompt(const QString &id)
{
    m_id = id;
    // The comparison's place stays empty until there is one.
    m_diff->clearTexts();
    m_diff->hide();
    reload();
}

void PromptVersionsPanel::reload()
{
    const QStringList selected = selectedIds();
    m_list->clear();
    m_save->setEnabled(!m_id.isEmpty());
    m_messageEdit->setEnabled(!m_id.isEmpty());
    const QString typed = m_labelName->currentText();
    m_labelName->clear();
    m_labelName->addItem(QString::fromLatin1(shared::kProductionLabel));
    m_labelName->addItem(QStringLiteral("staging"));
    m_labelName->setEditText(typed.isEmpty() ? QString::fromLatin1(shared::kProductionLabel) : typed);
    if (m_id.isEmpty()) {
        setMessage(Tr::tr("Choose a prompt to see its versions."));
        updateButtons();
        return;
    }
    shared::Result<QList<desktop::PromptVersion>> versions = m_store.versionsOf(m_id);
    if (!versions) {
        setMessage(versions.error().message);
        updateButtons();
        return;
    }
    QStringList waiting;
    if (auto labels = m_store.labelsOf(m_id)) {
        const QString me = m_workspace.accountId();
        for (const desktop::PromptLabel &l : *labels) {
            if (m_labelName->findText(l.name) < 0)
                m_labelName->addItem(l.name);
            if (!l.isWaiting())
                continue;
            QString number = Tr::tr("unnumbered");
            for (const desktop::PromptVersion &v : std::as_const(*versions)) {
                if (v.id == l.pendingVersionId && v.isNumbered())
                    number = Tr::tr("v%1").arg(v.number);
            }
            const QString who = l.requestedBy.isEmpty() ? Tr::tr("you, not synced yet")
                                                        : (l.requestedBy == me ? Tr::tr("you") : l.requestedBy.left(8));
            waiting << Tr::tr("%1 → %2 waiting for approval (requested by %3)").arg(l.name, number, who);
        }
    }
    m_approval->setText(waiting.join(QLatin1Char('\n')));
    m_approval->setVisible(!waiting.isEmpty());
    m_approve->setVisible(!waiting.isEmpty() && mayApprove());
    setMessage(versions->isEmpty() ? Tr::tr("No versions yet: Save Version keeps one, and leaving a changed prompt "
                                            "keeps one by itself.")
                                   : QString());
    const QString me = m_workspace.accountId();
    // Newest first.
    for (auto it = versions->crbegin(); it != versions->crend(); ++it) {
        const desktop::PromptVersion &v = *it;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(Number, numberText(v));
        if (!v.isNumbered())
            item->setToolTip(Number, Tr::tr("The server numbers a version when it arrives there."));
        item->setText(Author, v.ownerId == me ? Tr::tr("you") : v.ownerId.left(8));
        item->setText(Date, desktop::DateText::full(v.createdAt));
        item->setToolTip(Date, desktop::DateText::exact(v.createdAt));
        item->setText(Message, v.message);
        item->setText(Labels, v.labels.join(QStringLiteral(", ")));
        item->setData(Number, Qt::UserRole, v.id);
        item->setSelected(selected.contains(v.id));
    }
    updateButtons();
}

QStringList PromptVersionsPanel::selectedIds() const
{
    // In the list's order: newest first.
    QStringList ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->isSelected())
            ids << m_list->topLevelItem(i)->data(Number, Qt::UserRole).toString();
    }
    return ids;
}

void PromptVersionsPanel::updateButtons()
{
    const qsizetype n = selectedIds().size();
    m_compare->setEnabled(n == 1 || n == 2);
    m_restore->setEnabled(n == 1);
    m_setLabel->setEnabled(n == 1);
}

void PromptVersionsPanel::saveVersion()
{
    if (m_id.isEmpty())
        return;
    if (m_beforeSaveVersion && !m_beforeSaveVersion()) {
        setMessage(Tr::tr("The prompt could not be saved, so no version was kept."));
        return;
    }
    shared::Result<QString> id = m_store.saveVersion(m_id, m_messageEdit->text(), m_workspace.accountId());
    if (!id) {
        setMessage(id.error().message);
        return;
    }
    m_messageEdit->clear();
    reload();
    Q_EMIT versionSaved(*id);
}

void PromptVersionsPanel::compareSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || ids.size() > 2)
        return;
    const auto versionText = [this](const QString &id, QString &title) -> std::optional<QString> {
        auto v = m_store.version(id);
        if (!v || !*v)
            return std::nullopt;
        title = numberText(**v);
        return desktop::PromptStore::comparableText((*v)->body);
    };
    QString olderTitle;
    const std::optional<QString> older = versionText(ids.last(), olderTitle);
    QString newerTitle = Tr::tr("Now");
    std::optional<QString> newer;
    if (ids.size() == 2) {
        newer = versionText(ids.first(), newerTitle);
    } else if (m_beforeSaveVersion && m_beforeSaveVersion()) {
        if (auto prompt = m_store.get(m_id); prompt && *prompt)
            newer = desktop::PromptStore::comparableText(**prompt);
    }
    if (!older || !newer) {
        setMessage(Tr::tr("These versions are not in this replica any more."));
        return;
    }
    setMessage(QString());
    m_diff->setTexts(olderTitle, *older, newerTitle, *newer);
    m_diff->show();
}

void PromptVersionsPanel::restoreSelected(bool confirm)
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    if (confirm
        && QMessageBox::question(this, Tr::tr("Restore Version"),
                                 Tr::tr("Bring back the content and settings of this version? The prompt as it is "
                                        "now stays in the versions."))
            != QMessageBox::Yes)
        return;
    // What is on screen is kept as a version first, so nothing is lost.
    if (m_beforeSaveVersion && !m_beforeSaveVersion()) {
        setMessage(Tr::tr("The prompt could not be saved, so nothing was restored."));
        return;
    }
    const QString me = m_workspace.accountId();
    if (auto kept = m_store.saveVersionIfChanged(m_id, me); !kept) {
        setMessage(kept.error().message);
        return;
    }
    shared::Result<QString> id = m_store.restore(m_id, ids.first(), me);
    if (!id) {
        setMessage(id.error().message);
        return;
    }
    m_list->clearSelection();
    reload();
    Q_EMIT restored(m_id);
}

void PromptVersionsPanel::setLabelOnSelected()
{
    const QStringList ids = selectedIds();
    const QString name = m_labelName->currentText().trimmed();
    if (ids.size() != 1 || name.isEmpty())
        return;
    if (name == QLatin1String(shared::kLatestLabel)) {
        setMessage(Tr::tr("“latest” is always the newest version; choose another name."));
        return;
    }
    // With approval on, anyone but an editor or admin asks for the move.
    const auto required = m_store.approvalRequired(m_id);
    const bool ask = name == QLatin1String(shared::kProductionLabel) && required && *required && !mayApprove();
    shared::VoidResult r = ask ? m_store.requestLabel(m_id, name, ids.first(), m_workspace.accountId())
                               : m_store.setLabel(m_id, name, ids.first(), m_workspace.accountId());
    if (!r) {
        QStringList lines { r.error().message };
        for (auto it = r.error().fields.cbegin(); it != r.error().fields.cend(); ++it)
            lines << it.value();
        setMessage(lines.join(QLatin1Char('\n')));
        return;
    }
    reload();
    setMessage(
        ask ? Tr::tr("Asked for approval: “%1” moves to this version once an editor or admin approves.").arg(name)
            : Tr::tr("“%1” now points at this version.").arg(name));
}

bool PromptVersionsPanel::mayApprove() const
{
    const std::optional<shared::Role> role = shared::roleFromName(m_workspace.profile().accountRole());
    return role && shared::hasPermission(*role, shared::Permission::EditAnyContent);
}

void PromptVersionsPanel::approveWaiting()
{
    auto labels = m_store.labelsOf(m_id);
    if (!labels) {
        setMessage(labels.error().message);
        return;
    }
    for (const desktop::PromptLabel &l : std::as_const(*labels)) {
        if (!l.isWaiting())
            continue;
        if (shared::VoidResult r = m_store.approveLabel(l); !r) {
            setMessage(r.error().message);
            return;
        }
    }
    reload();
    setMessage(Tr::tr("Approved: the label points at the version asked for once the server agrees."));
}

} // namespace quire::gui
