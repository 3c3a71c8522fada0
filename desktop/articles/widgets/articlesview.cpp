// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/articlesview.h"

#include "desktop/articles/core/articlelistmodel.h"
#include "desktop/articles/widgets/articleeditor.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/replica.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/listsection.h"
#include "desktop/widgets/placeholderview.h"
#include "desktop/widgets/tr.h"
#include "shared/articlekind.h"
#include "shared/contentstatus.h"
#include "shared/synctable.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QMultiMap>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyleOptionComboBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace quire::gui {

namespace {

// Characters of a category or tag name the closed filter box shows whole.
constexpr int kLongestNamedFilter = 28;
// The list's width on the first start: room for a title, its status and a
// short date, the rest goes to the text.
constexpr int kListWidth = 300;

// "case-studies" -> "caseStudiesView": the object name tests and styles find a view by.
QString viewName(shared::ArticleKind kind)
{
    QString name;
    bool upper = false;
    for (const QChar c : shared::articleKindCollection(kind)) {
        if (c == QLatin1Char('-')) {
            upper = true;
            continue;
        }
        name += upper ? c.toUpper() : c;
        upper = false;
    }
    return name + QStringLiteral("View");
}

} // namespace

ArticlesView::ArticlesView(desktop::Workspace &workspace, shared::ArticleKind kind, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_kind(shared::articleKindName(kind))
    , m_model(new desktop::ArticleListModel(workspace.replica().database(), this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_author(new QComboBox(this))
    , m_sort(new QComboBox(this))
    , m_filters(new QToolButton(this))
    , m_filterPanel(new QWidget(this))
    , m_table(new QTableView(this))
    , m_editor(new ArticleEditor(workspace, this))
{
    setObjectName(viewName(kind));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_table->setObjectName(QStringLiteral("articleTable"));
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_author->setObjectName(QStringLiteral("authorFilter"));
    m_sort->setObjectName(QStringLiteral("sortOrder"));
    m_category->setAccessibleName(Tr::tr("Category"));
    m_tag->setAccessibleName(Tr::tr("Tag"));
    m_author->setAccessibleName(Tr::tr("Author"));
    m_sort->setAccessibleName(Tr::tr("Sort by"));
    m_author->addItem(Tr::tr("Anyone"), QString());
    m_author->addItem(Tr::tr("Mine"), QStringLiteral("me"));
    m_sort->addItem(Tr::tr("Newest first"), int(desktop::ArticleQuery::Sort::Updated));
    m_sort->addItem(Tr::tr("By title"), int(desktop::ArticleQuery::Sort::Title));
    m_sort->addItem(Tr::tr("Best match"), int(desktop::ArticleQuery::Sort::Relevance));
    m_search->setPlaceholderText(Tr::tr("Search titles and text"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(Tr::tr("Search"));
    m_status->addItem(Tr::tr("Any status"), QString());
    for (const QString &s : shared::contentStatusNames())
        m_status->addItem(desktop::ArticleListModel::statusLabel(s), s);
    // Each box is as wide as its longest item and never narrower: by default a
    // box may shrink to its minimum size hint, measured while the category box
    // was still empty, and the splitter then cut "Any category" to "Any cate".
    for (QComboBox *box : { m_status, m_category, m_tag, m_author, m_sort }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    }
    // Categories and tags are named by users: a very long name is elided in
    // the closed box (its list shows it whole) rather than widening the list.
    for (QComboBox *box : { m_category, m_tag }) {
        QStyleOptionComboBox option;
        option.initFrom(box);
        const QSize text(box->fontMetrics().averageCharWidth() * kLongestNamedFilter, box->fontMetrics().height());
        box->setMaximumWidth(box->style()->sizeFromContents(QStyle::CT_ComboBox, &option, text, box).width());
    }
    auto *create = new QPushButton(shared::articleKindNewLabel(kind), this);
    create->setObjectName(QStringLiteral("newButton"));

    m_model->query().kind = m_kind;
    ListSection::setUpTable(*m_table, m_model);
    m_table->horizontalHeader()->setSectionResizeMode(desktop::ArticleListModel::Title, QHeaderView::Stretch);
    // Status and date on one line each, as wide as they need.
    for (int column : { int(desktop::ArticleListModel::Status), int(desktop::ArticleListModel::Updated) })
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setColumnHidden(desktop::ArticleListModel::Kind, true);

    // One row: the search and a Filters button that opens the filters under
    // it (they wrap when the list is narrow).
    m_filters->setToolTip(Tr::tr("Filter by status, category, tag and author, and choose the order"));
    auto *left = new QWidget(this);
    left->setObjectName(QStringLiteral("listPane"));
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    ListSection::addSearchRow(*leftLayout, *m_search, *m_filters, *m_filterPanel,
                              { m_status, m_category, m_tag, m_author, m_sort });
    updateFiltersButton();
    // Before the first article, the list says so and offers to write one.
    m_empty = new PlaceholderView(shared::articleKindEmptyLabel(kind),
                                  Tr::tr("Write the first one: it is kept on this computer and reaches the server "
                                         "when you are online."),
                                  this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    connect(m_empty->setAction(shared::articleKindNewLabel(kind)), &QPushButton::clicked, this,
            &ArticlesView::createArticle);
    m_listStack = new QStackedWidget(this);
    m_listStack->setObjectName(QStringLiteral("listStack"));
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_empty);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ArticlesView::updateEmptyState);
    leftLayout->addWidget(m_listStack, 1);
    leftLayout->addWidget(create);
    // With nothing open, the editor's place says so and offers a new one.
    m_nothingOpen
        = new PlaceholderView(Tr::tr("Nothing open"), Tr::tr("Choose one from the list, or write a new one."), this);
    m_nothingOpen->setObjectName(QStringLiteral("nothingOpen"));
    connect(m_nothingOpen->setAction(shared::articleKindNewLabel(kind)), &QPushButton::clicked, this,
            &ArticlesView::createArticle);
    m_editorStack = new QStackedWidget(this);
    m_editorStack->setObjectName(QStringLiteral("editorStack"));
    m_editorStack->addWidget(m_editor);
    m_editorStack->addWidget(m_nothingOpen);
    m_editorStack->setCurrentWidget(m_nothingOpen);
    connect(m_editor, &ArticleEditor::loaded, this, [this](const QString &id) {
        m_editorStack->setCurrentWidget(id.isEmpty() ? static_cast<QWidget *>(m_nothingOpen) : m_editor);
    });
    ListSection::placeBesideEditor(*this, left, m_editorStack, kListWidth);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->query().text = text;
        // Typing words ranks by match; clearing them goes back to newest first.
        m_sort->setCurrentIndex(m_sort->findData(
            int(text.isEmpty() ? desktop::ArticleQuery::Sort::Updated : desktop::ArticleQuery::Sort::Relevance)));
        refresh();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_model->query().status = m_status->currentData().toString();
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
    connect(m_author, &QComboBox::currentIndexChanged, this, [this] {
        m_model->query().ownerId = m_author->currentData().toString().isEmpty() ? QString() : m_workspace.accountId();
        refresh();
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] {
        m_model->query().sort = desktop::ArticleQuery::Sort(m_sort->currentData().toInt());
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

ArticlesView::~ArticlesView()
{
    // QWidget's destructor closes the window after this object's members
    // are gone; the editor still saves an unsent edit when it loses focus
    // then, and its signals must no longer reach this view.
    disconnect(m_editor, nullptr, this, nullptr);
    disconnect(&m_workspace.sync(), nullptr, this, nullptr);
}

void ArticlesView::reloadChoices()
{
    QList<std::pair<QString, QString>> categories; // (label, id)
    if (auto rows = m_workspace.content().list(*shared::SyncSchema::find(QStringLiteral("categories")),
                                               { QStringLiteral("name"), QStringLiteral("parent_id") })) {
        // Sub-categories indented under their parent, so the tree reads as one.
        QMultiMap<QString, std::pair<QString, QString>> children; // parent -> (name, id)
        for (const nlohmann::json &c : *rows)
            children.insert(QString::fromStdString(c.value("parent_id", std::string())),
                            { QString::fromStdString(c.value("name", std::string())),
                              QString::fromStdString(c.value("id", std::string())) });
        std::function<void(const QString &, int)> add = [&](const QString &parent, int depth) {
            QList<std::pair<QString, QString>> items = children.values(parent);
            std::sort(items.begin(), items.end());
            for (const auto &[name, id] : items) {
                categories.append({ QString(depth * 2, QLatin1Char(' ')) + name, id });
                if (depth < 16)
                    add(id, depth + 1);
            }
        };
        add(QString(), 0);
    }
    ListSection::refill(*m_category, Tr::tr("Any category"), categories);
    const auto tags = desktop::ArticleQuery::knownTags(m_workspace.replica().database(), m_kind);
    ListSection::refillTags(*m_tag, tags ? *tags : QStringList());
}

void ArticlesView::refresh()
{
    reloadChoices();
    const QString current = m_editor->currentId();
    const QSignalBlocker blocker(m_table->selectionModel());
    if (const QString error = m_model->refresh(); !error.isEmpty())
        m_search->setToolTip(error);
    const int row = m_model->rowOf(current);
    if (row >= 0)
        m_table->selectRow(row);
    updateEmptyState();
    updateFiltersButton();
}

void ArticlesView::updateFiltersButton()
{
    const desktop::ArticleQuery &q = m_model->query();
    int used = 0;
    for (const QString *filter : { &q.status, &q.category, &q.tag, &q.ownerId })
        used += filter->isEmpty() ? 0 : 1;
    m_filters->setText(ListSection::filtersLabel(used));
}

void ArticlesView::updateEmptyState()
{
    // Only a list empty without a filter means there is nothing yet; a
    // filter that finds nothing keeps its (empty) table and filters.
    const desktop::ArticleQuery &q = m_model->query();
    const bool nothingYet = m_model->rowCount() == 0 && q.text.isEmpty() && q.status.isEmpty() && q.category.isEmpty()
        && q.tag.isEmpty() && q.ownerId.isEmpty();
    m_listStack->setCurrentWidget(nothingYet ? static_cast<QWidget *>(m_empty) : m_table);
}

QString ArticlesView::createArticle()
{
    const QString owner = m_workspace.accountId();
    if (owner.isEmpty()) {
        QMessageBox::information(this, windowTitle(), Tr::tr("Sign in once so new articles have an owner."));
        return {};
    }
    shared::Result<QString> id = m_workspace.content().create(
        desktop::ContentStore::articles(),
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
