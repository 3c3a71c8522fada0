// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/prompthistorypanel.h"

#include "desktop/core/datetext.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/widgets/tr.h"
#include "shared/promptnames.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quire::gui {

namespace {

enum Column { When, Version, How };

// "copied", "run", "fetched by <source> ×count" in the user's language.
QString howText(const desktop::PromptUseRecord &r)
{
    QString how;
    switch (shared::kPromptUses.fromName(r.use).value_or(shared::PromptUse::Copied)) {
    case shared::PromptUse::Copied:
        how = Tr::tr("copied");
        break;
    case shared::PromptUse::Rendered:
        how = Tr::tr("rendered");
        break;
    case shared::PromptUse::Run:
        how = Tr::tr("run");
        break;
    case shared::PromptUse::Fetched:
        how = r.source.isEmpty() ? Tr::tr("fetched by a program") : Tr::tr("fetched by %1").arg(r.source);
        break;
    }
    if (r.count > 1)
        how += Tr::tr(" ×%1").arg(r.count);
    return how;
}

} // namespace

PromptHistoryPanel::PromptHistoryPanel(desktop::PromptStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_list(new QTreeWidget(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("promptHistoryPanel"));
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setHeaderLabels({ Tr::tr("When"), Tr::tr("Version"), Tr::tr("How") });
    m_list->header()->setSectionResizeMode(When, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(Version, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_list->setWordWrap(true);
    // The three columns fit the side pane: a compact date, the exact one in its tip.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setAccessibleName(Tr::tr("Usage history"));
    m_empty->setObjectName(QStringLiteral("noHistory"));
    m_empty->setWordWrap(true);
    m_empty->setText(Tr::tr("Not used yet. Copy, Render and Run in Fill In note each use here, and so do "
                            "programs that fetch this prompt with an API key."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addStretch();
    showPrompt(QString());
}

void PromptHistoryPanel::showPrompt(const QString &id)
{
    m_id = id;
    reload();
}

void PromptHistoryPanel::reload()
{
    m_list->clear();
    QList<desktop::PromptUseRecord> uses;
    if (!m_id.isEmpty()) {
        shared::Result<QList<desktop::PromptUseRecord>> rows = m_store.usageOf(m_id);
        if (!rows)
            m_empty->setText(rows.error().message);
        else
            uses = *rows;
    }
    for (const desktop::PromptUseRecord &r : std::as_const(uses)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(When, Qt::UserRole, r.id);
        item->setText(When, desktop::DateText::compact(r.createdAt));
        item->setToolTip(When, desktop::DateText::exact(r.createdAt));
        item->setText(Version,
                      r.versionNumber.isEmpty() ? Tr::tr("not numbered yet") : Tr::tr("v%1").arg(r.versionNumber));
        item->setText(How, howText(r));
        // A run's answer unfolds under it, whole, to read and copy.
        if (!r.output.isEmpty()) {
            auto *answer = new QTreeWidgetItem(item);
            answer->setFirstColumnSpanned(true);
            answer->setText(When, r.output);
            answer->setToolTip(When, Tr::tr("The answer of this run"));
        }
    }
    m_list->setVisible(!uses.isEmpty());
    m_empty->setVisible(uses.isEmpty() && !m_id.isEmpty());
}

} // namespace quire::gui
