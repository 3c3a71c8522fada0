// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/promptsview.h"

#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptlistmodel.h"
#include "desktop/prompts/core/promptrunner.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/branchactions.h"
#include "desktop/prompts/widgets/groupsview.h"
#include "desktop/prompts/widgets/prompteditor.h"
#include "desktop/prompts/widgets/promptfillpanel.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/listsection.h"
#include "desktop/widgets/placeholderview.h"
#include "desktop/widgets/tr.h"
#include "shared/jsonqt.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace quire::gui {

using desktop::PromptListModel;
using desktop::PromptQuery;

namespace {

constexpr int kListWidth = 360;

// prompt_preferences.default_view's values.
const QString kLibraryView = QStringLiteral("library");
const QString kFavouritesView = QStringLiteral("favorites");
const QString kTemplatesView = QStringLiteral("templates");
const QString kGroupsView = QStringLiteral("groups");

} // namespace

PromptsView::PromptsView(desktop::Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_store(std::make_unique<desktop::PromptStore>(workspace.content(), workspace.replica().database()))
    , m_model(new PromptListModel(workspace.replica().database(), this))
    , m_search(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_sort(new QComboBox(this))
    , m_templates(new QCheckBox(Tr::tr("Templates"), this))
    , m_favourites(new QCheckBox(Tr::tr("★ Favourites"), this))
    , m_filters(new QToolButton(this))
    , m_filterPanel(new QWidget(this))
    , m_table(new QTableView(this))
    , m_editor(new PromptEditor(workspace, *m_store, this))
{
    setObjectName(QStringLiteral("promptsView"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_scope->setObjectName(QStringLiteral("scopeFilter"));
    m_sort->setObjectName(QStringLiteral("sortOrder"));
    m_templates->setObjectName(QStringLiteral("templatesFilter"));
    m_favourites->setObjectName(QStringLiteral("favouritesFilter"));
    m_table->setObjectName(QStringLiteral("promptTable"));
    m_search->setPlaceholderText(Tr::tr("Search titles, descriptions and prompts"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(Tr::tr("Search"));
    m_category->setAccessibleName(Tr::tr("Category"));
    m_tag->setAccessibleName(Tr::tr("Tag"));
    m_scope->setAccessibleName(Tr::tr("Whose"));
    m_sort->setAccessibleName(Tr::tr("Sort by"));
    m_scope->addItem(Tr::tr("Everyone's"), int(PromptQuery::Scope::All));
    m_scope->addItem(Tr::tr("Mine"), int(PromptQuery::Scope::Mine));
    m_scope->addItem(Tr::tr("Shared with me"), int(PromptQuery::Scope::SharedWithMe));
    m_sort->addItem(Tr::tr("Newest first"), int(PromptQuery::Sort::Updated));
    m_sort->addItem(Tr::tr("By title"), int(PromptQuery::Sort::Title));
    m_sort->addItem(Tr::tr("By name"), int(PromptQuery::Sort::Name));
    m_sort->addItem(Tr::tr("Best match"), int(PromptQuery::Sort::Relevance));
    for (QComboBox *box : { m_category, m_tag, m_scope, m_sort }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    }
    auto *create = new QPushButton(Tr::tr("New &Prompt"), this);
    create->setObjectName(QStringLiteral("newButton"));

    m_model->query().userId = workspace.accountId();
    // The order the user chose last time (their preferences sync).
    if (auto prefs = m_store->preferencesOf(workspace.accountId()))
        m_model->query().sort = PromptQuery::sortFromName(shared::textOf(*prefs, "sort"));
    m_sort->setCurrentIndex(std::max(0, m_sort->findData(int(m_model->query().sort))));
    ListSection::setUpTable(*m_table, m_model);
    m_table->horizontalHeader()->setSectionResizeMode(PromptListModel::Title, QHeaderView::Stretch);
    for (int column :
         { int(PromptListModel::Favourite), int(PromptListModel::Category), int(PromptListModel::Updated) })
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_filters->setToolTip(Tr::tr("Filter by category, tag, templates, favourites and whose, and choose the order"));
    auto *library = new QWidget(this);
    library->setObjectName(QStringLiteral("libraryPane"));
    auto *leftLayout = new QVBoxLayout(library);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    ListSection::addSearchRow(*leftLayout, *m_search, *m_filters, *m_filterPanel,
                              { m_favourites, m_templates, m_category, m_tag, m_scope, m_sort });
    m_empty = new PlaceholderView(Tr::tr("No prompts yet"),
                                  Tr::tr("Write the first one: it is kept on this computer and reaches the server "
                                         "when you are online."),
                                  this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    connect(m_empty->setAction(Tr::tr("New Prompt")), &QPushButton::clicked, this, &PromptsView::createPrompt);
    m_noMatch = new PlaceholderView(Tr::tr("No prompt matches"),
                                    Tr::tr("Try other words, or clear the search and the filters."), this);
    m_noMatch->setObjectName(QStringLiteral("noMatchState"));
    connect(m_noMatch->setAction(Tr::tr("Clear Search and Filters")), &QPushButton::clicked, this, [this] {
        const QSignalBlocker blockers[]
            = { QSignalBlocker(m_search), QSignalBlocker(m_category),  QSignalBlocker(m_tag),
                QSignalBlocker(m_scope),  QSignalBlocker(m_templates), QSignalBlocker(m_favourites) };
        m_search->clear();
        m_category->setCurrentIndex(0);
        m_tag->setCurrentIndex(0);
        m_scope->setCurrentIndex(0);
        m_templates->setChecked(false);
        m_favourites->setChecked(false);
        PromptQuery &q = m_model->query();
        q.text.clear();
        q.category.clear();
        q.tag.clear();
        q.scope = PromptQuery::Scope::All;
        q.templatesOnly = false;
        q.favouritesOnly = false;
        refresh();
    });
    m_listStack = new QStackedWidget(this);
    m_listStack->setObjectName(QStringLiteral("listStack"));
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_empty);
    m_listStack->addWidget(m_noMatch);
    leftLayout->addWidget(m_listStack, 1);
    leftLayout->addWidget(create);

    m_groups = new GroupsView(workspace, this);
    m_groups->setObjectName(QStringLiteral("groupsView"));
    m_groups->setStacked(true);
    m_viewSwitch = new QTabBar(this);
    m_viewSwitch->setObjectName(QStringLiteral("viewSwitch"));
    m_viewSwitch->setDocumentMode(true);
    m_viewSwitch->setExpanding(true);
    m_viewSwitch->setAccessibleName(Tr::tr("Show"));
    m_viewSwitch->addTab(Tr::tr("Librar&y"));
    m_viewSwitch->addTab(Tr::tr("Group&s"));
    m_viewSwitch->setTabToolTip(0, Tr::tr("All prompts you can read, searched and filtered"));
    m_viewSwitch->setTabToolTip(1, Tr::tr("Your groups and those shared with you, in their order"));
    m_modes = new QStackedWidget(this);
    m_modes->setObjectName(QStringLiteral("listModes"));
    m_modes->addWidget(library);
    m_modes->addWidget(m_groups);
    auto *left = new QWidget(this);
    left->setObjectName(QStringLiteral("listPane"));
    auto *paneLayout = new QVBoxLayout(left);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->addWidget(m_viewSwitch);
    paneLayout->addWidget(m_modes, 1);
    connect(m_viewSwitch, &QTabBar::currentChanged, this, [this](int index) {
        m_modes->setCurrentIndex(index);
        if (m_modes->currentWidget() == m_groups)
            rememberView(kGroupsView);
        else
            rememberView(m_favourites->isChecked() ? kFavouritesView
                                                   : (m_templates->isChecked() ? kTemplatesView : kLibraryView));
    });
    connect(m_groups, &GroupsView::promptChosen, this, &PromptsView::openFromGroup);

    // Run in the fill-in panel, when a provider is there (own or the server's).
    m_runner = new desktop::PromptRunner(workspace, this);
    m_editor->fillPanel()->setRunner(m_runner);
    m_runner->checkServer();
    m_nothingOpen = new PlaceholderView(Tr::tr("No prompt open"),
                                        Tr::tr("Choose one from the library, or write a new one."), this);
    m_nothingOpen->setObjectName(QStringLiteral("nothingOpen"));
    connect(m_nothingOpen->setAction(Tr::tr("New Prompt")), &QPushButton::clicked, this, &PromptsView::createPrompt);
    m_editorStack = new QStackedWidget(this);
    m_editorStack->setObjectName(QStringLiteral("editorStack"));
    auto *editorPage = new QWidget(this); // the editor under its branch line and buttons
    auto *branches = new BranchActions(workspace, *m_store, *m_editor, editorPage);
    auto *editorLayout = new QVBoxLayout(editorPage);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(branches);
    editorLayout->addWidget(m_editor, 1);
    connect(branches, &BranchActions::openRequested, this, [this](const QString &id) {
        refresh();
        select(id);
    });
    connect(branches, &BranchActions::merged, this, &PromptsView::refresh);
    m_editorStack->addWidget(editorPage);
    m_editorStack->addWidget(m_nothingOpen);
    m_editorStack->setCurrentWidget(m_nothingOpen);
    connect(m_editor, &PromptEditor::loaded, this, [this, editorPage](const QString &id) {
        m_editorStack->setCurrentWidget(id.isEmpty() ? static_cast<QWidget *>(m_nothingOpen) : editorPage);
    });
    ListSection::placeBesideEditor(*this, left, m_editorStack, kListWidth);

    // Search as you type: every keystroke runs the (indexed) query.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->query().text = text;
        m_sort->setCurrentIndex(
            m_sort->findData(int(text.isEmpty() ? PromptQuery::Sort::Updated : PromptQuery::Sort::Relevance)));
        refresh();
    });
    connect(m_category, &QComboBox::activated, this, [this] {
        m_model->query().category = m_category->currentData().toString();
        refresh();
    });
    connect(m_tag, &QComboBox::activated, this, [this] {
        m_model->query().tag = m_tag->currentData().toString();
        refresh();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        m_model->query().scope = PromptQuery::Scope(m_scope->currentData().toInt());
        refresh();
    });
    connect(m_templates, &QCheckBox::toggled, this, [this](bool on) {
        m_model->query().templatesOnly = on;
        rememberView(on ? kTemplatesView : (m_favourites->isChecked() ? kFavouritesView : kLibraryView));
        refresh();
    });
    connect(m_favourites, &QCheckBox::toggled, this, [this](bool on) {
        m_model->query().favouritesOnly = on;
        rememberView(on ? kFavouritesView : (m_templates->isChecked() ? kTemplatesView : kLibraryView));
        refresh();
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] {
        const auto sort = PromptQuery::Sort(m_sort->currentData().toInt());
        m_model->query().sort = sort;
        // Only a chosen order is a preference; the search's own is not.
        if (m_search->text().isEmpty() && !m_workspace.accountId().isEmpty())
            (void)m_store->setPreference(m_workspace.accountId(), QStringLiteral("sort"), PromptQuery::sortName(sort));
        refresh();
    });
    connect(create, &QPushButton::clicked, this, &PromptsView::createPrompt);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == PromptListModel::Favourite)
            toggleFavourite(index.row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_editor->load(m_model->idAt(current.row())); });
    // After the event that saved: a save when the focus leaves for a row
    // of the list must not reorder the list under that click.
    connect(m_editor, &PromptEditor::saved, this,
            [this](const QString &) { QMetaObject::invokeMethod(this, &PromptsView::refresh, Qt::QueuedConnection); });
    connect(&workspace.sync(), &desktop::SyncEngine::roundFinished, this, [this] {
        refresh();
        m_editor->reloadIfClean();
    });
    applyDefaultView();
    refresh();
}

PromptsView::~PromptsView()
{
    disconnect(m_editor, nullptr, this, nullptr);
    disconnect(&m_workspace.sync(), nullptr, this, nullptr);
    // The editor ends its session (a save, maybe a version) through the
    // store, which goes with this object's members: before them.
    delete m_editor;
    m_editor = nullptr;
}

void PromptsView::reloadChoices()
{
    QList<std::pair<QString, QString>> categories;
    if (auto known = PromptQuery::knownCategories(m_workspace.replica().database())) {
        for (const QString &c : *known)
            categories.append({ c, c });
    }
    ListSection::refill(*m_category, Tr::tr("Any category"), categories);
    const auto tags = PromptQuery::knownTags(m_workspace.replica().database());
    ListSection::refillTags(*m_tag, tags ? *tags : QStringList());
}

void PromptsView::refresh()
{
    reloadChoices();
    m_model->query().userId = m_workspace.accountId();
    const QString current = m_editor->currentId();
    const QSignalBlocker blocker(m_table->selectionModel());
    const QString error = m_model->refresh();
    m_search->setToolTip(error);
    const int row = m_model->rowOf(current);
    if (row >= 0)
        m_table->selectRow(row);
    updateEmptyState();
    updateFiltersButton();
}

void PromptsView::toggleFavourite(int row)
{
    const desktop::PromptSummary *p = m_model->at(row);
    if (!p)
        return;
    const QString me = m_workspace.accountId();
    if (me.isEmpty()) {
        QMessageBox::information(this, windowTitle(), Tr::tr("Sign in once so your favourites are yours."));
        return;
    }
    if (shared::VoidResult r = m_store->setFavourite(p->id, me, !p->favourite); !r) {
        QMessageBox::warning(this, windowTitle(), r.error().message);
        return;
    }
    refresh();
}

void PromptsView::updateFiltersButton()
{
    const PromptQuery &q = m_model->query();
    const int used = (q.category.isEmpty() ? 0 : 1) + (q.tag.isEmpty() ? 0 : 1) + (q.templatesOnly ? 1 : 0)
        + (q.favouritesOnly ? 1 : 0) + (q.scope == PromptQuery::Scope::All ? 0 : 1);
    m_filters->setText(ListSection::filtersLabel(used));
}

void PromptsView::updateEmptyState()
{
    // Empty without a search or filter: there is nothing yet; otherwise
    // nothing matches, and the next step is to widen the search.
    const PromptQuery &q = m_model->query();
    const bool filtered = !q.text.isEmpty() || !q.category.isEmpty() || !q.tag.isEmpty() || q.templatesOnly
        || q.favouritesOnly || q.scope != PromptQuery::Scope::All;
    QWidget *shown = m_table;
    if (m_model->rowCount() == 0)
        shown = filtered ? static_cast<QWidget *>(m_noMatch) : m_empty;
    m_listStack->setCurrentWidget(shown);
}

QString PromptsView::createPrompt()
{
    const QString owner = m_workspace.accountId();
    if (owner.isEmpty()) {
        QMessageBox::information(this, windowTitle(), Tr::tr("Sign in once so new prompts have an owner."));
        return {};
    }
    shared::Result<QString> id = m_store->create({ { "title", Tr::tr("Untitled prompt").toStdString() } }, owner);
    if (!id) {
        QMessageBox::warning(this, windowTitle(), id.error().message);
        return {};
    }
    m_search->clear();
    refresh();
    select(*id);
    m_editor->bodyEditor()->setFocus();
    return *id;
}

void PromptsView::showView(View view)
{
    m_viewSwitch->setCurrentIndex(view == View::Groups ? 1 : 0);
}

PromptsView::View PromptsView::currentView() const
{
    return m_modes->currentWidget() == m_groups ? View::Groups : View::Library;
}

void PromptsView::applyDefaultView()
{
    const auto prefs = m_store->preferencesOf(m_workspace.accountId());
    const QString view = prefs ? shared::textOf(*prefs, "default_view") : kLibraryView;
    // Set up as the user left it, without writing the preference back.
    const QSignalBlocker blockSwitch(m_viewSwitch);
    const QSignalBlocker blockFavourites(m_favourites);
    const QSignalBlocker blockTemplates(m_templates);
    m_favourites->setChecked(view == kFavouritesView);
    m_templates->setChecked(view == kTemplatesView);
    m_model->query().favouritesOnly = m_favourites->isChecked();
    m_model->query().templatesOnly = m_templates->isChecked();
    m_viewSwitch->setCurrentIndex(view == kGroupsView ? 1 : 0);
    m_modes->setCurrentIndex(m_viewSwitch->currentIndex());
}

void PromptsView::rememberView(const QString &name)
{
    if (m_workspace.accountId().isEmpty())
        return;
    if (shared::VoidResult r = m_store->setPreference(m_workspace.accountId(), QStringLiteral("default_view"), name);
        !r)
        m_search->setToolTip(r.error().message);
}

void PromptsView::openFromGroup(const QString &id)
{
    // Already open (a click is also an activation in some styles): its session goes on.
    if (id.isEmpty() || id == m_editor->currentId())
        return;
    const QSignalBlocker blocker(m_table->selectionModel());
    m_table->clearSelection();
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
    m_editor->load(id);
}

void PromptsView::select(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
    m_editor->load(id);
}

} // namespace quire::gui
