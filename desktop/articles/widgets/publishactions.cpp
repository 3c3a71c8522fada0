// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/publishactions.h"

#include "desktop/articles/core/articlelistmodel.h"
#include "desktop/articles/core/articlepagedata.h"
#include "desktop/core/authsession.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/tr.h"
#include "shared/contentstatus.h"
#include "shared/jsonqt.h"
#include "shared/permissions.h"
#include "shared/role.h"

#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace quire::gui {

using shared::ContentStatus;

PublishActions::PublishActions(desktop::Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_status(new QLabel(this))
{
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_submit = moveButton(Tr::tr("Submit for Review"), "submitButton",
                          shared::contentStatusName(ContentStatus::InReview), false);
    m_publish
        = moveButton(Tr::tr("Publish"), "publishButton", shared::contentStatusName(ContentStatus::Published), true);
    m_unpublish
        = moveButton(Tr::tr("Unpublish"), "unpublishButton", shared::contentStatusName(ContentStatus::Draft), false);
    m_schedule = new QPushButton(Tr::tr("Schedule…"), this);
    m_schedule->setObjectName(QStringLiteral("scheduleButton"));
    connect(m_schedule, &QPushButton::clicked, this, &PublishActions::schedule);
    m_viewOnSite = new QPushButton(Tr::tr("View on Site"), this);
    m_viewOnSite->setObjectName(QStringLiteral("viewOnSiteButton"));
    connect(m_viewOnSite, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(m_live); });
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_status, 1);
    for (QPushButton *b : { m_submit, m_publish, m_unpublish, m_schedule, m_viewOnSite })
        row->addWidget(b);
}

QPushButton *PublishActions::moveButton(const QString &label, const char *name, const QString &status, bool makesPublic)
{
    auto *button = new QPushButton(label, this);
    button->setObjectName(QString::fromLatin1(name));
    connect(button, &QPushButton::clicked, this, [this, status, makesPublic] {
        if (!makesPublic || !m_beforePublishing || m_beforePublishing())
            Q_EMIT statusRequested(status, QString());
    });
    return button;
}

QUrl PublishActions::liveUrl(const nlohmann::json &row) const
{
    return desktop::ArticlePageData(m_workspace.content(), m_workspace.profile()).liveUrl(row);
}

void PublishActions::showArticle(const nlohmann::json &row, bool saving)
{
    const bool has = row.is_object();
    const QString statusName = shared::textOf(row, "status");
    const std::optional<ContentStatus> status = shared::contentStatusFromName(statusName);
    const shared::Role role = shared::roleFromName(m_workspace.session().role()).value_or(shared::Role::Reader);
    const bool canPublish = shared::hasPermission(role, shared::Permission::PublishContent);
    const bool canSubmit = shared::hasPermission(role, shared::Permission::SubmitForReview);
    m_status->setText(
        has ? Tr::tr("Status: %1%2")
                  .arg(desktop::ArticleListModel::statusLabel(statusName), saving ? Tr::tr(" · saving…") : QString())
            : Tr::tr("Choose an article or make a new one."));
    m_submit->setVisible(has && canSubmit && !canPublish && status == ContentStatus::Draft);
    m_publish->setVisible(has && canPublish && status != ContentStatus::Published);
    m_unpublish->setVisible(has && canPublish
                            && (status == ContentStatus::Published || status == ContentStatus::Scheduled));
    m_schedule->setVisible(has && canPublish && status != ContentStatus::Published);
    m_live = has ? liveUrl(row) : QUrl();
    m_viewOnSite->setVisible(!m_live.isEmpty());
    m_viewOnSite->setToolTip(m_live.toDisplayString());
}

void PublishActions::schedule()
{
    // The server publishes at this time even when no desktop is online.
    if (m_beforePublishing && !m_beforePublishing())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(Tr::tr("Schedule Publication"));
    auto *when = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), &dialog);
    when->setObjectName(QStringLiteral("publishAtEdit"));
    when->setCalendarPopup(true);
    when->setMinimumDateTime(QDateTime::currentDateTime());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(Tr::tr("Schedule"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QFormLayout(&dialog);
    layout->addRow(Tr::tr("&Publish on:"), when);
    layout->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Q_EMIT statusRequested(
        shared::contentStatusName(ContentStatus::Scheduled),
        when->dateTime().toUTC().toString(Qt::ISODateWithMs).replace(QStringLiteral("+00:00"), QStringLiteral("Z")));
}

} // namespace quire::gui
