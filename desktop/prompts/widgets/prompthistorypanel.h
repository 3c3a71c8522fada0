// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace quire::desktop {
class PromptStore;
} // namespace quire::desktop

namespace quire::gui {

// The open prompt's usage history (the replica's prompt_usage rows): when,
// which version and how (copied, rendered, run, fetched by a program, with
// the count a program's fetches add up to), newest first; a run's answer
// unfolds under its row.
class PromptHistoryPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PromptHistoryPanel(desktop::PromptStore &store, QWidget *parent = nullptr);

    void showPrompt(const QString &id);
    void reload();
    QTreeWidget *list() const { return m_list; }

private:
    desktop::PromptStore &m_store;
    QString m_id;
    QTreeWidget *m_list;
    QLabel *m_empty;
};

} // namespace quire::gui
