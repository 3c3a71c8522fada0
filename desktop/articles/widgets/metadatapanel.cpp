// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/metadatapanel.h"

#include "desktop/core/authsession.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/tr.h"
#include "shared/jsonqt.h"
#include "shared/permissions.h"
#include "shared/synctable.h"
#include "shared/utf8.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quire::gui {

MetadataPanel::MetadataPanel(desktop::Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_categories(new QTreeWidget(this))
    , m_categoriesEmpty(new QLabel(this))
    , m_newCategory(new QPushButton(Tr::tr("&New Category…"), this))
    , m_tags(new QLineEdit(this))
    , m_cover(new QLineEdit(this))
    , m_chooseCover(new QPushButton(Tr::tr("C&hoose…"), this))
    , m_seoTitle(new QLineEdit(this))
    , m_seoDescription(new QLineEdit(this))
{
    setObjectName(QStringLiteral("metadataPanel"));
    m_categories->setObjectName(QStringLiteral("categoryTree"));
    m_categoriesEmpty->setObjectName(QStringLiteral("categoriesEmpty"));
    m_categoriesEmpty->setWordWrap(true);
    m_categoriesEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_categoriesEmpty->hide();
    m_newCategory->setObjectName(QStringLiteral("newCategoryButton"));
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_cover->setObjectName(QStringLiteral("coverEdit"));
    m_seoTitle->setObjectName(QStringLiteral("seoTitleEdit"));
    m_seoDescription->setObjectName(QStringLiteral("seoDescriptionEdit"));
    m_categories->setHeaderHidden(true);
    m_categories->setAccessibleName(Tr::tr("Categories"));
    m_tags->setPlaceholderText(Tr::tr("coffee, brewing, beginners"));
    m_cover->setPlaceholderText(Tr::tr("/media/… or https://…"));
    m_seoTitle->setPlaceholderText(Tr::tr("The title if left empty"));
    m_seoDescription->setPlaceholderText(Tr::tr("The summary if left empty"));
    m_seoTitle->setMaxLength(120);
    m_seoDescription->setMaxLength(300);

    auto *cover = new QHBoxLayout;
    cover->addWidget(m_cover, 1);
    cover->addWidget(m_chooseCover);
    auto *categories = new QVBoxLayout;
    categories->addWidget(m_categories, 1);
    categories->addWidget(m_categoriesEmpty);
    categories->addWidget(m_newCategory, 0, Qt::AlignLeft);
    auto *form = new QFormLayout(this);
    auto *categoriesLabel = new QLabel(Tr::tr("Categ&ories:"), this);
    categoriesLabel->setBuddy(m_categories);
    form->addRow(categoriesLabel, categories);
    form->addRow(Tr::tr("Ta&gs:"), m_tags);
    // A row of two widgets gets no buddy from the form: name the field.
    auto *coverLabel = new QLabel(Tr::tr("Co&ver image:"), this);
    coverLabel->setBuddy(m_cover);
    form->addRow(coverLabel, cover);
    form->addRow(Tr::tr("SEO t&itle:"), m_seoTitle);
    form->addRow(Tr::tr("SEO d&escription:"), m_seoDescription);

    for (QLineEdit *edit : { m_tags, m_cover, m_seoTitle, m_seoDescription })
        connect(edit, &QLineEdit::textEdited, this, &MetadataPanel::edited);
    connect(m_categories, &QTreeWidget::itemChanged, this, [this] {
        if (!m_loading)
            Q_EMIT edited();
    });
    connect(m_chooseCover, &QPushButton::clicked, this, &MetadataPanel::chooseCover);
    connect(m_newCategory, &QPushButton::clicked, this, &MetadataPanel::askNewCategory);
    connect(&m_workspace.session(), &desktop::AuthSession::signedInChanged, this, &MetadataPanel::updateNewCategory);
    updateNewCategory();
    load(nlohmann::json::object());
}

QStringList MetadataPanel::parseTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString tag = part.simplified();
        if (!tag.isEmpty() && !tags.contains(tag, Qt::CaseInsensitive))
            tags << tag;
    }
    return tags;
}

void MetadataPanel::load(const nlohmann::json &row)
{
    m_loading = true;
    const bool has = row.is_object() && !row.empty();
    reloadCategories(shared::listItems(shared::textOf(row, "categories")));
    m_tags->setText(shared::listItems(shared::textOf(row, "tags")).join(QStringLiteral(", ")));
    m_cover->setText(shared::textOf(row, "cover"));
    m_seoTitle->setText(shared::textOf(row, "seo_title"));
    m_seoDescription->setText(shared::textOf(row, "seo_description"));
    setEnabled(has);
    m_loading = false;
}

void MetadataPanel::reloadCategories(const QStringList &checked)
{
    m_categories->clear();
    shared::Result<QList<nlohmann::json>> rows
        = m_workspace.content().list(*shared::SyncSchema::find(QStringLiteral("categories")),
                                     { QStringLiteral("name"), QStringLiteral("slug"), QStringLiteral("parent_id") });
    if (!rows)
        return; // the tree stays empty (not said to be: it may have some); fields() keeps the article's own list
    QHash<QString, QTreeWidgetItem *> items;
    QList<QPair<QString, QTreeWidgetItem *>> pending;
    for (const nlohmann::json &c : *rows) {
        auto *item = new QTreeWidgetItem({ shared::textOf(c, "name") });
        const QString id = shared::textOf(c, "id");
        item->setData(0, Qt::UserRole, id);
        item->setCheckState(0, checked.contains(id) ? Qt::Checked : Qt::Unchecked);
        items.insert(id, item);
        pending.append({ shared::textOf(c, "parent_id"), item });
    }
    // Parents may come after their children in the list: place them after.
    for (const auto &[parent, item] : pending) {
        if (QTreeWidgetItem *p = items.value(parent); p && p != item)
            p->addChild(item);
        else
            m_categories->addTopLevelItem(item);
    }
    m_categories->sortItems(0, Qt::AscendingOrder);
    const bool none = items.isEmpty() && checked.isEmpty();
    m_categories->setHidden(none);
    m_categoriesEmpty->setHidden(!none);
    m_categories->expandAll();
    // Categories this replica does not know yet (not synced) are kept.
    for (const QString &id : checked) {
        if (!items.contains(id)) {
            auto *unknown = new QTreeWidgetItem({ Tr::tr("(not synced yet)") });
            unknown->setData(0, Qt::UserRole, id);
            unknown->setCheckState(0, Qt::Checked);
            m_categories->addTopLevelItem(unknown);
        }
    }
}

QStringList MetadataPanel::checkedCategories() const
{
    QStringList categories;
    for (QTreeWidgetItemIterator it(m_categories); *it; ++it) {
        if ((*it)->checkState(0) == Qt::Checked)
            categories << (*it)->data(0, Qt::UserRole).toString();
    }
    return categories;
}

void MetadataPanel::updateNewCategory()
{
    const std::optional<shared::Role> role = shared::roleFromName(m_workspace.session().role());
    const bool may = role && shared::hasPermission(*role, shared::Permission::ManageCategories);
    m_newCategory->setVisible(may);
    m_categoriesEmpty->setText(may ? Tr::tr("No categories yet. Click New Category… to add the first; every article "
                                            "can use it.")
                                   : Tr::tr("No categories yet. Editors and administrators create them: ask one for "
                                            "the categories you need."));
}

void MetadataPanel::askNewCategory()
{
    auto *ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("newCategoryDialog"));
    ask->setWindowTitle(Tr::tr("New Category"));
    ask->setLabelText(Tr::tr("Name of the new category (every article can use it):"));
    ask->setOkButtonText(Tr::tr("&Create"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QInputDialog::textValueSelected, this, &MetadataPanel::createCategory);
    ask->open();
}

void MetadataPanel::createCategory(const QString &name)
{
    const QString label = name.simplified();
    if (label.isEmpty())
        return;
    const shared::SyncTable &table = *shared::SyncSchema::find(QStringLiteral("categories"));
    // The server refuses a second category at the same address: pick a free one.
    QStringList slugs;
    if (shared::Result<QList<nlohmann::json>> rows = m_workspace.content().list(table, { QStringLiteral("slug") }))
        for (const nlohmann::json &c : *rows)
            slugs << shared::textOf(c, "slug");
    QString base = shared::slugFromText(label, 72);
    if (base.isEmpty()) // a name with no Latin spelling
        base = QStringLiteral("category");
    QString slug = base;
    for (int n = 2; slugs.contains(slug); ++n)
        slug = QStringLiteral("%1-%2").arg(base).arg(n);
    shared::Result<QString> id = m_workspace.content().create(
        table, { { "name", label.toStdString() }, { "slug", slug.toStdString() } }, m_workspace.accountId());
    if (!id) {
        QMessageBox::warning(this, Tr::tr("New Category"), id.error().message);
        return;
    }
    m_loading = true;
    reloadCategories(checkedCategories() << *id);
    m_loading = false;
    Q_EMIT edited();
}

nlohmann::json MetadataPanel::fields() const
{
    const QStringList categories = checkedCategories();
    return { { "categories", shared::listText(categories).toStdString() },
             { "tags", shared::listText(parseTags(m_tags->text())).toStdString() },
             { "cover", m_cover->text().trimmed().toStdString() },
             { "seo_title", m_seoTitle->text().toStdString() },
             { "seo_description", m_seoDescription->text().toStdString() } };
}

void MetadataPanel::chooseCover()
{
    if (!m_importer)
        return;
    const QString path = QFileDialog::getOpenFileName(this, Tr::tr("Cover Image"), QString(),
                                                      Tr::tr("Images (*.png *.jpg *.jpeg *.webp *.gif)"));
    if (path.isEmpty())
        return;
    QString error;
    const QString url = m_importer(path, error);
    if (url.isEmpty()) {
        QMessageBox::warning(this, Tr::tr("Cover Image"), error);
        return;
    }
    m_cover->setText(url);
    Q_EMIT edited();
}

} // namespace quire::gui
