// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/conflictsdialog.h"

#include "desktop/core/conflictresolver.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/syncrecords.h"
#include "desktop/core/syncstore.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/tr.h"
#include "shared/jsonqt.h"
#include "shared/synctable.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::gui {

namespace {

QString asText(const nlohmann::json &v)
{
    if (v.is_string())
        return shared::Utf8::decode(v.get_ref<const std::string &>());
    if (v.is_null())
        return Tr::tr("(deleted)");
    return QString::fromUtf8(shared::toJsonBytes(v));
}

// What people call a row of `table` ("Article"), from its declaration.
QString typeLabel(const QString &table)
{
    const shared::SyncTable *t = shared::SyncSchema::find(table);
    return t ? t->singularLabel() : table;
}

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("text_overlap"))
        return Tr::tr("Both changed the same part of the text. The item keeps the server's text.");
    if (kind == QLatin1String("both_changed"))
        return Tr::tr("Both changed this field. The item keeps your value; the server's is shown.");
    if (kind == QLatin1String("edit_vs_delete"))
        return Tr::tr("You edited an item someone deleted. It was brought back with your edit.");
    if (kind == QLatin1String("delete_vs_edit"))
        return Tr::tr("You deleted an item someone edited. It was kept with their edit.");
    if (kind == QLatin1String("slug_changed"))
        return Tr::tr("The address you chose was taken, so the item was saved under the server's address shown "
                      "here. Keep it, or change the address in the item's details.");
    return kind;
}

} // namespace

ConflictsDialog::ConflictsDialog(desktop::Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_list(new QListWidget(this))
    , m_summary(new QLabel(this))
    , m_server(new QPlainTextEdit(this))
    , m_mine(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("conflictsDialog"));
    setWindowTitle(Tr::tr("Conflicts"));
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_server->setObjectName(QStringLiteral("serverVersion"));
    m_mine->setObjectName(QStringLiteral("myVersion"));
    m_summary->setObjectName(QStringLiteral("conflictSummary"));
    m_summary->setWordWrap(true);
    auto *sides = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(Tr::tr("Server version"), this));
    left->addWidget(m_server);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(Tr::tr("Your version"), this));
    right->addWidget(m_mine);
    sides->addLayout(left);
    sides->addLayout(right);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *keepServer = buttons->addButton(Tr::tr("Keep Server Version"), QDialogButtonBox::ActionRole);
    QPushButton *keepMine = buttons->addButton(Tr::tr("Keep My Version"), QDialogButtonBox::ActionRole);
    keepServer->setObjectName(QStringLiteral("keepServerButton"));
    keepMine->setObjectName(QStringLiteral("keepMineButton"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(keepServer, &QPushButton::clicked, this, [this] { keep(0); });
    connect(keepMine, &QPushButton::clicked, this, [this] { keep(1); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addLayout(sides, 3);
    layout->addWidget(buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConflictsDialog::showCurrent);
    resize(900, 600);
    reload();
}

int ConflictsDialog::count() const
{
    return m_list->count();
}

void ConflictsDialog::reload()
{
    m_list->clear();
    auto conflicts = m_workspace.syncRecords().conflicts(false);
    if (!conflicts) {
        m_summary->setText(conflicts.error().message);
        return;
    }
    for (const auto &c : std::as_const(*conflicts)) {
        auto *item = new QListWidgetItem(Tr::tr("%1 · %2 · %3")
                                             .arg(typeLabel(c.conflict.table),
                                                  m_workspace.content().label(c.conflict.table, c.conflict.rowId),
                                                  shared::SyncSchema::columnLabel(c.conflict.table, c.conflict.field)),
                                         m_list);
        item->setData(Qt::UserRole, c.conflict.id);
        item->setData(Qt::UserRole + 1, asText(c.conflict.serverValue));
        item->setData(Qt::UserRole + 2, asText(c.conflict.clientValue));
        item->setData(Qt::UserRole + 3, kindText(c.conflict.kind));
        item->setData(Qt::UserRole + 4, c.conflict.field == QLatin1String("*"));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        showCurrent();
}

void ConflictsDialog::showCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item) {
        m_summary->setText(Tr::tr("No conflicts. Everything you and others wrote is in place."));
        m_server->clear();
        m_mine->clear();
        return;
    }
    m_summary->setText(item->data(Qt::UserRole + 3).toString());
    m_server->setPlainText(item->data(Qt::UserRole + 1).toString());
    m_mine->setPlainText(item->data(Qt::UserRole + 2).toString());
}

void ConflictsDialog::keep(int choice)
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    using Keep = desktop::ConflictResolver::Keep;
    const bool wholeRow = item->data(Qt::UserRole + 4).toBool();
    // A text edited in either pane is what the person wants kept.
    QPlainTextEdit *pane = choice == 0 ? m_server : m_mine;
    const QString original = item->data(choice == 0 ? Qt::UserRole + 1 : Qt::UserRole + 2).toString();
    const bool edited = !wholeRow && pane->toPlainText() != original;
    desktop::ConflictResolver resolver(m_workspace.content(), m_workspace.syncRecords());
    shared::VoidResult r
        = resolver.resolve(item->data(Qt::UserRole).toString(),
                           edited ? Keep::Text : (choice == 0 ? Keep::Server : Keep::Client), pane->toPlainText());
    if (!r) {
        QMessageBox::warning(this, windowTitle(), r.error().message);
        return;
    }
    m_workspace.sync().scheduleSoon();
    reload();
}

} // namespace quire::gui
