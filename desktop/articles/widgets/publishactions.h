// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <functional>

class QLabel;
class QPushButton;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

// An open article's status and the moves the user's role allows (submit for
// review, publish, unpublish, schedule), and once it is public its page on
// the site ("View on Site"). It asks, the editor decides: a move is a
// request the editor saves first and may refuse (an article without an
// address is never published or scheduled: beforePublishing()).
class PublishActions final : public QWidget
{
    Q_OBJECT
public:
    explicit PublishActions(desktop::Workspace &workspace, QWidget *parent = nullptr);

    // Asked before a move that makes the article public; false stops it.
    void setBeforePublishing(std::function<bool()> check) { m_beforePublishing = std::move(check); }
    // Shows `row` as the replica has it (not an object: nothing open);
    // `saving` while edits wait for the autosave.
    void showArticle(const nlohmann::json &row, bool saving);
    // The readers' page of `row`; empty unless it is published with an address.
    QUrl liveUrl(const nlohmann::json &row) const;

Q_SIGNALS:
    // To this status (a ContentStatus name), at `publishAt` (ISO 8601, UTC)
    // for a scheduled one.
    void statusRequested(const QString &status, const QString &publishAt);

private:
    QPushButton *moveButton(const QString &label, const char *name, const QString &status, bool makesPublic);
    void schedule();

    desktop::Workspace &m_workspace;
    std::function<bool()> m_beforePublishing;
    QLabel *m_status;
    QPushButton *m_submit;
    QPushButton *m_publish;
    QPushButton *m_unpublish;
    QPushButton *m_schedule;
    QPushButton *m_viewOnSite;
    QUrl m_live;
};

} // namespace quire::gui
