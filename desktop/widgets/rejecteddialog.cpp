// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/rejecteddialog.h"

#include "desktop/core/contentstore.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/syncrecords.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/tr.h"
#include "shared/synctable.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace quire::gui {

namespace {

// The refused change as a person would keep it: Markdown when it carried
// a body, otherwise its fields one per line, named by their labels.
QString contentOf(const QString &table, const nlohmann::json &fields)
{
    QStringList lines;
    if (fields.contains("title") && fields["title"].is_string())
        lines << QStringLiteral("# ") + QString::fromStdString(fields["title"].get<std::string>()) << QString();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() == "title" || it.key() == "body" || !it->is_string())
            continue;
        lines << QStringLiteral("%1: %2").arg(shared::SyncSchema::columnLabel(table, QString::fromStdString(it.key())),
                                              QString::fromStdString(it->get<std::string>()));
    }
    if (fields.contains("body") && fields["body"].is_string())
        lines << QString::fromStdString(fields["body"].get<std::string>());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

RejectedDialog::RejectedDialog(desktop::Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_list(new QListWidget(this))
    , m_reason(new QLabel(this))
    , m_content(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("rejectedDialog"));
    setWindowTitle(Tr::tr("Refused Changes"));
    m_list->setObjectName(QStringLiteral("rejectedList"));
    m_content->setObjectName(QStringLiteral("rejectedContent"));
    m_content->setReadOnly(true);
    m_reason->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *copy = buttons->addButton(Tr::tr("Copy"), QDialogButtonBox::ActionRole);
    QPushButton *exportButton = buttons->addButton(Tr::tr("Export…"), QDialogButtonBox::ActionRole);
    QPushButton *dismiss = buttons->addButton(Tr::tr("Dismiss"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyButton"));
    exportButton->setObjectName(QStringLiteral("exportButton"));
    dismiss->setObjectName(QStringLiteral("dismissButton"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(currentContent()); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, Tr::tr("Export Refused Change"), QString(), Tr::tr("Markdown (*.md)"));
        if (path.isEmpty())
            return;
        if (const QString error = exportTo(path); !error.isEmpty())
            QMessageBox::warning(this, windowTitle(), error);
    });
    connect(dismiss, &QPushButton::clicked, this, [this] {
        QListWidgetItem *item = m_list->currentItem();
        if (!item)
            return;
        if (auto r = m_workspace.syncRecords().dismissRejection(item->data(Qt::UserRole).toLongLong()); !r) {
            QMessageBox::warning(this, windowTitle(), r.error().message);
            return;
        }
        Q_EMIT m_workspace.sync().statusChanged();
        reload();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_reason);
    layout->addWidget(m_content, 2);
    layout->addWidget(buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, &RejectedDialog::showCurrent);
    resize(700, 500);
    reload();
}

int RejectedDialog::count() const
{
    return m_list->count();
}

QString RejectedDialog::currentContent() const
{
    QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole + 2).toString() : QString();
}

QString RejectedDialog::exportTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Tr::tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(currentContent().toUtf8());
    if (!file.commit())
        return Tr::tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void RejectedDialog::reload()
{
    m_list->clear();
    auto rejected = m_workspace.syncRecords().rejections();
    if (!rejected) {
        m_reason->setText(rejected.error().message);
        return;
    }
    for (const auto &r : std::as_const(*rejected)) {
        const QString title = m_workspace.content().label(r.table, r.rowId, r.fields);
        auto *item = new QListWidgetItem(Tr::tr("%1 (%2)").arg(title, r.op), m_list);
        item->setData(Qt::UserRole, r.mutationId);
        item->setData(Qt::UserRole + 1, r.message);
        item->setData(Qt::UserRole + 2,
                      r.op == QLatin1String("delete") ? Tr::tr("(a deletion of %1)").arg(r.rowId)
                                                      : contentOf(r.table, r.fields));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        showCurrent();
}

void RejectedDialog::showCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item) {
        m_reason->setText(Tr::tr("The server has accepted every change sent from here."));
        m_content->clear();
        return;
    }
    m_reason->setText(Tr::tr("The server refused this change: %1").arg(item->data(Qt::UserRole + 1).toString()));
    m_content->setPlainText(item->data(Qt::UserRole + 2).toString());
}

} // namespace quire::gui
