// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/sharedialog.h"

#include "desktop/prompts/core/groupstore.h"
#include "desktop/widgets/tr.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace quire::gui {

namespace {

// The roles in the order the boxes list them.
const QList<shared::ShareRole> kRoles { shared::ShareRole::Viewer, shared::ShareRole::Editor };

void fillRoles(QComboBox &box)
{
    box.addItem(Tr::tr("Can view"));
    box.addItem(Tr::tr("Can edit"));
}

} // namespace

ShareDialog::ShareDialog(desktop::GroupStore &store, const QString &groupId, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_groupId(groupId)
    , m_shares(new QTableWidget(0, 2, this))
    , m_empty(new QLabel(Tr::tr("Not shared with anyone yet. Type a colleague's email address below."), this))
    , m_revoke(new QPushButton(Tr::tr("Revoke…"), this))
    , m_email(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_share(new QPushButton(Tr::tr("Share"), this))
    , m_message(new QLabel(this))
{
    setWindowTitle(Tr::tr("Share Group"));
    m_shares->setObjectName(QStringLiteral("shares"));
    m_shares->setHorizontalHeaderLabels({ Tr::tr("Shared with"), Tr::tr("Permission") });
    m_shares->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_shares->verticalHeader()->hide();
    m_shares->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_shares->setSelectionMode(QAbstractItemView::SingleSelection);
    m_shares->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_empty->setObjectName(QStringLiteral("noShares"));
    m_empty->setWordWrap(true);
    m_revoke->setObjectName(QStringLiteral("revoke"));
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(Tr::tr("name@example.org"));
    m_role->setObjectName(QStringLiteral("role"));
    fillRoles(*m_role);
    m_share->setObjectName(QStringLiteral("share"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);

    auto *add = new QHBoxLayout;
    add->addWidget(m_email, 1);
    add->addWidget(m_role);
    add->addWidget(m_share);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_revoke, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_shares);
    layout->addWidget(m_empty);
    layout->addWidget(new QLabel(Tr::tr("Share with (needs a connection to the server):"), this));
    layout->addLayout(add);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_share, &QPushButton::clicked, this, &ShareDialog::shareByEmail);
    connect(m_email, &QLineEdit::returnPressed, this, &ShareDialog::shareByEmail);
    connect(m_revoke, &QPushButton::clicked, this, &ShareDialog::revokeSelected);
    connect(m_shares, &QTableWidget::itemSelectionChanged, this,
            [this] { m_revoke->setEnabled(m_shares->currentRow() >= 0); });
    connect(&m_store, &desktop::GroupStore::changed, this, &ShareDialog::reload);
    reload();
    resize(520, 360);
}

void ShareDialog::reload()
{
    shared::Result<QList<desktop::GroupShare>> shares = m_store.query().shares(m_groupId);
    if (!shares) {
        m_message->setText(shares.error().message);
        return;
    }
    m_shares->setRowCount(0);
    for (const desktop::GroupShare &s : std::as_const(*shares)) {
        const int row = m_shares->rowCount();
        m_shares->insertRow(row);
        auto *who = new QTableWidgetItem(s.email.isEmpty() ? Tr::tr("User %1").arg(s.userId.left(8)) : s.email);
        who->setData(Qt::UserRole, s.id);
        m_shares->setItem(row, 0, who);
        auto *role = new QComboBox(m_shares);
        role->setObjectName(QStringLiteral("role:") + s.id);
        fillRoles(*role);
        role->setCurrentIndex(int(kRoles.indexOf(s.role)));
        connect(role, &QComboBox::activated, this, [this, id = s.id](int index) { changeRole(id, index); });
        m_shares->setCellWidget(row, 1, role);
    }
    m_shares->setVisible(!shares->isEmpty());
    m_empty->setVisible(shares->isEmpty());
    m_revoke->setEnabled(m_shares->currentRow() >= 0);
}

void ShareDialog::changeRole(const QString &shareId, int index)
{
    if (shared::VoidResult r = m_store.setShareRole(shareId, kRoles.value(index)); !r)
        m_message->setText(r.error().message);
}

void ShareDialog::revokeSelected()
{
    const int row = m_shares->currentRow();
    if (row < 0)
        return;
    const QString who = m_shares->item(row, 0)->text();
    const QString id = m_shares->item(row, 0)->data(Qt::UserRole).toString();
    if (QMessageBox::question(
            this, Tr::tr("Revoke Share"),
            Tr::tr("Stop sharing this group with %1? It leaves their library at the next sync.").arg(who))
        != QMessageBox::Yes)
        return;
    if (shared::VoidResult r = m_store.revoke(id); !r)
        m_message->setText(r.error().message);
}

void ShareDialog::shareByEmail()
{
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || !email.contains(QLatin1Char('@'))) {
        m_message->setText(Tr::tr("Type the email address of the person to share with."));
        return;
    }
    m_share->setEnabled(false);
    m_message->setText(Tr::tr("Sharing…"));
    QPointer<ShareDialog> self(this);
    m_store.shareByEmail(m_groupId, email, kRoles.value(m_role->currentIndex()),
                         [self, email](shared::Result<desktop::GroupShare> share) {
                             if (!self)
                                 return;
                             self->m_share->setEnabled(true);
                             if (!share) {
                                 self->m_message->setText(share.error().message);
                                 return;
                             }
                             self->m_email->clear();
                             self->m_message->setText(
                                 Tr::tr("Shared with %1; it appears in their library at their next sync.").arg(email));
                             self->reload();
                         });
}

} // namespace quire::gui
