// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/articlesview.h"

#include "desktop/core/articlelistmodel.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/articleeditor.h"
#include "desktop/widgets/tr.h"
#include "shared/contentstatus.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace quire::gui {

ArticlesView::ArticlesView(desktop::Workspace &workspace, const QString &kind, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_kind(kind)
    , m_model(new desktop::ArticleListModel(workspace.replica().database(), this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_editor(new ArticleEditor(workspace, this))
{
    setObjectName(kind == QLatin1String("case_study") ? QStringLiteral("caseStudiesView")
                                                      : QStringLiteral("guidesView"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_table->setObjectName(QStringLiteral("articleTable"));
    m_search->setPlaceholderText(Tr::tr("Search titles and text"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(Tr::tr("Search"));
    m_status->addItem(Tr::tr("Any status"), QString());
    for (const QString &s : shared::contentStatusNames())
        m_status->addItem(desktop::ArticleListModel::statusLabel(s), s);
    auto *create
        = new QPushButton(kind == QLatin1String("case_study") ? Tr::tr("New Case Study") : Tr::tr("New Guide"), this);
    create->setObjectName(QStringLiteral("newButton"));

    m_model->query().kind = kind;
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(desktop::ArticleListModel::Title, QHeaderView::Stretch);
    m_table->setColumnHidden(desktop::ArticleListModel::Kind, true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addWidget(create);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->query().text = text;
        m_model->query().sort
            = text.isEmpty() ? desktop::ArticleQuery::Sort::Updated : desktop::ArticleQuery::Sort::Relevance;
        refresh();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_model->query().status = m_status->currentData().toString();
        refresh();
    });
    connect(create, &QPushButton::clicked, this, &ArticlesView::createArticle);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_editor->load(m_model->idAt(current.row())); });
    connect(m_editor, &ArticleEditor::saved, this, [this](const QString &) { refresh(); });
    connect(&workspace.sync(), &desktop::SyncEngine::roundFinished, this, [this] {
        refresh();
        m_editor->reloadIfClean();
    });
    refresh();
}

void ArticlesView::refresh()
{
    const QString current = m_editor->currentId();
    const QSignalBlocker blocker(m_table->selectionModel());
    if (const QString error = m_model->refresh(); !error.isEmpty())
        m_search->setToolTip(error);
    const int row = m_model->rowOf(current);
    if (row >= 0)
        m_table->selectRow(row);
}

QString ArticlesView::createArticle()
{
    const QString owner = m_workspace.accountId();
    if (owner.isEmpty()) {
        QMessageBox::information(this, windowTitle(), Tr::tr("Sign in once so new articles have an owner."));
        return {};
    }
    shared::Result<QString> id = m_workspace.content().create(
        desktop::ContentStore::guides(),
        { { "title", Tr::tr("Untitled").toStdString() }, { "kind", m_kind.toStdString() } }, owner);
    if (!id) {
        QMessageBox::warning(this, windowTitle(), id.error().message);
        return {};
    }
    m_search->clear();
    refresh();
    select(*id);
    return *id;
}

void ArticlesView::select(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
    m_editor->load(id);
}

} // namespace quire::gui
