// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/accounts/widgets/apikeysdialog.h"

#include "desktop/core/datetext.h"
#include "desktop/widgets/tr.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
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

enum Column { Name, Key, Scopes, Created, LastUsed, State, ColumnCount };

} // namespace

QString ApiKeysDialog::scopeLabel(shared::ApiKeyScope scope)
{
    switch (scope) {
    case shared::ApiKeyScope::PromptsRead:
        return Tr::tr("Read prompts");
    case shared::ApiKeyScope::UsageWrite:
        return Tr::tr("Record usage");
    }
    return QString();
}

ApiKeysDialog::ApiKeysDialog(desktop::AuthSession &session, QWidget *parent)
    : QDialog(parent)
    , m_keys(new desktop::ApiKeys(session, this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_name(new QLineEdit(this))
    , m_create(new QPushButton(Tr::tr("&Create Key"), this))
    , m_revoke(new QPushButton(Tr::tr("&Revoke…"), this))
    , m_shown(new QWidget(this))
    , m_key(new QLineEdit(m_shown))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("apiKeysDialog"));
    setWindowTitle(Tr::tr("API Keys"));
    setMinimumSize(720, 480);

    auto *intro = new QLabel(Tr::tr("Your programs use an API key to fetch your prompts by name and to record "
                                    "their use. A key can do only what its scopes allow and never opens the rest "
                                    "of your account."),
                             this);
    intro->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("apiKeyTable"));
    m_table->setHorizontalHeaderLabels(
        { Tr::tr("Name"), Tr::tr("Key"), Tr::tr("Scopes"), Tr::tr("Created"), Tr::tr("Last used"), Tr::tr("State") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_revoke->setObjectName(QStringLiteral("revokeApiKeyButton"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addStretch();
    listButtons->addWidget(m_revoke);

    auto *newKey = new QGroupBox(Tr::tr("New key"), this);
    m_name->setObjectName(QStringLiteral("apiKeyName"));
    m_name->setPlaceholderText(Tr::tr("What uses it, e.g. “support bot”"));
    auto *scopeRow = new QHBoxLayout;
    for (const QString &wire : shared::kApiKeyScopes.names()) {
        const shared::ApiKeyScope scope = *shared::kApiKeyScopes.fromName(wire);
        auto *box = new QCheckBox(Tr::tr("%1 (%2)").arg(scopeLabel(scope), wire), newKey);
        box->setObjectName(QStringLiteral("apiKeyScope_") + wire);
        box->setChecked(scope == shared::ApiKeyScope::PromptsRead);
        connect(box, &QCheckBox::toggled, this, &ApiKeysDialog::updateButtons);
        m_scopes.insert(scope, box);
        scopeRow->addWidget(box);
    }
    scopeRow->addStretch();
    m_create->setObjectName(QStringLiteral("createApiKeyButton"));
    auto *form = new QFormLayout(newKey);
    form->addRow(Tr::tr("&Name:"), m_name);
    form->addRow(Tr::tr("Scopes:"), scopeRow);
    form->addRow(QString(), m_create);

    m_shown->setObjectName(QStringLiteral("newApiKeyPanel"));
    m_key->setObjectName(QStringLiteral("newApiKey"));
    m_key->setReadOnly(true);
    auto *copy = new QPushButton(Tr::tr("Co&py"), m_shown);
    copy->setObjectName(QStringLiteral("copyApiKeyButton"));
    auto *warning
        = new QLabel(Tr::tr("Copy the key now: it is shown only this once and cannot be shown again."), m_shown);
    warning->setWordWrap(true);
    auto *shownLayout = new QVBoxLayout(m_shown);
    shownLayout->setContentsMargins(0, 0, 0, 0);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key);
    keyRow->addWidget(copy);
    shownLayout->addWidget(warning);
    shownLayout->addLayout(keyRow);
    m_shown->hide();

    m_status->setObjectName(QStringLiteral("apiKeysStatus"));
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(listButtons);
    layout->addWidget(newKey);
    layout->addWidget(m_shown);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &ApiKeysDialog::updateButtons);
    connect(m_create, &QPushButton::clicked, this, &ApiKeysDialog::create);
    connect(m_revoke, &QPushButton::clicked, this, &ApiKeysDialog::askRevoke);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ApiKeysDialog::updateButtons);
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_key->text());
        m_status->setText(Tr::tr("The key is on the clipboard."));
    });
    updateButtons();
    reload();
}

void ApiKeysDialog::reload()
{
    // Answers can come after the dialog was closed and deleted.
    m_keys->list([this, alive = QPointer<ApiKeysDialog>(this)](shared::Result<QList<desktop::ApiKeyInfo>> keys) {
        if (!alive)
            return;
        if (!keys) {
            m_status->setText(Tr::tr("Could not load your API keys: %1").arg(keys.error().message));
            return;
        }
        showKeys(*keys);
    });
}

void ApiKeysDialog::showKeys(const QList<desktop::ApiKeyInfo> &keys)
{
    const QString selected = selectedId();
    m_list = keys;
    m_table->setRowCount(int(keys.size()));
    for (int row = 0; row < keys.size(); ++row) {
        const desktop::ApiKeyInfo &k = keys.at(row);
        QStringList scopes;
        for (shared::ApiKeyScope s : k.scopes)
            scopes << scopeLabel(s);
        const QStringList cells {
            k.name,
            k.prefix + QStringLiteral("_…"),
            scopes.join(QStringLiteral(", ")),
            desktop::DateText::compact(k.createdAt),
            k.lastUsedAt.isEmpty() ? Tr::tr("never") : desktop::DateText::compact(k.lastUsedAt),
            k.revokedAt.isEmpty() ? Tr::tr("active")
                                  : Tr::tr("revoked %1").arg(desktop::DateText::compact(k.revokedAt)),
        };
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == Name)
                item->setData(Qt::UserRole, k.id);
            m_table->setItem(row, c, item);
        }
        if (k.id == selected)
            m_table->selectRow(row);
    }
    updateButtons();
}

QString ApiKeysDialog::selectedId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    for (QTableWidgetItem *item : items) {
        if (item->column() == Name)
            return item->data(Qt::UserRole).toString();
    }
    return QString();
}

void ApiKeysDialog::updateButtons()
{
    bool anyScope = false;
    for (QCheckBox *box : std::as_const(m_scopes))
        anyScope = anyScope || box->isChecked();
    m_create->setEnabled(anyScope && !m_name->text().trimmed().isEmpty());
    const QString id = selectedId();
    bool live = false;
    for (const desktop::ApiKeyInfo &k : std::as_const(m_list))
        live = live || (k.id == id && k.revokedAt.isEmpty());
    m_revoke->setEnabled(live);
}

void ApiKeysDialog::create()
{
    QList<shared::ApiKeyScope> scopes;
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it) {
        if (it.value()->isChecked())
            scopes << it.key();
    }
    m_create->setEnabled(false);
    m_keys->create(m_name->text(), scopes,
                   [this, alive = QPointer<ApiKeysDialog>(this)](shared::Result<desktop::ApiKeys::Created> created) {
                       if (!alive)
                           return;
                       updateButtons();
                       if (!created) {
                           QStringList problems;
                           for (auto it = created.error().fields.cbegin(); it != created.error().fields.cend(); ++it)
                               problems << it.value();
                           m_status->setText(problems.isEmpty() ? created.error().message
                                                                : problems.join(QLatin1Char(' ')));
                           return;
                       }
                       m_key->setText(created->key);
                       m_shown->show();
                       m_name->clear();
                       m_status->setText(Tr::tr("Created the key “%1”.").arg(created->info.name));
                       reload();
                   });
}

void ApiKeysDialog::askRevoke()
{
    const QString id = selectedId();
    QString name;
    for (const desktop::ApiKeyInfo &k : std::as_const(m_list)) {
        if (k.id == id)
            name = k.name;
    }
    if (id.isEmpty())
        return;
    auto *ask = new QMessageBox(QMessageBox::Question, Tr::tr("Revoke API Key"),
                                Tr::tr("Revoke the key “%1”?").arg(name), QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("confirmRevoke"));
    ask->setInformativeText(Tr::tr("Programs using it are refused from their next request on. This cannot be undone."));
    QPushButton *yes = ask->addButton(Tr::tr("&Revoke Key"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmRevokeButton"));
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::buttonClicked, this, [this, yes, id](QAbstractButton *clicked) {
        if (clicked == yes)
            revoke(id);
    });
    ask->open();
}

void ApiKeysDialog::revoke(const QString &id)
{
    m_keys->revoke(id, [this, alive = QPointer<ApiKeysDialog>(this)](shared::VoidResult done) {
        if (!alive)
            return;
        if (!done) {
            m_status->setText(Tr::tr("Could not revoke the key: %1").arg(done.error().message));
            return;
        }
        m_status->setText(Tr::tr("The key is revoked."));
        reload();
    });
}

} // namespace quire::gui
