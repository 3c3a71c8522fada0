// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

// An article's metadata beside its text: categories (the admins' tree, as
// checkboxes; those who may manage categories add one here), free tags, the cover image and what search engines show
// (SEO title and description). Values are the synced row's: lists as JSON
// text, so the editor saves them like any other field.
class MetadataPanel final : public QWidget
{
    Q_OBJECT
public:
    // Stores an image the user chose and returns its address (/media/<sha256>).
    using ImageImporter = std::function<QString(const QString &filePath, QString &error)>;

    explicit MetadataPanel(desktop::Workspace &workspace, QWidget *parent = nullptr);

    void setImageImporter(ImageImporter importer) { m_importer = std::move(importer); }
    // Shows the row's values (an empty object: nothing) and reloads the category tree.
    void load(const nlohmann::json &row);
    // The fields as the panel shows them.
    nlohmann::json fields() const;

    static QStringList parseTags(const QString &text);

Q_SIGNALS:
    void edited();

private:
    void reloadCategories(const QStringList &checked);
    // The ids of the ticked categories, in tree order.
    QStringList checkedCategories() const;
    // Offered only to roles that may manage categories (the server checks too);
    // an empty tree says so, and what the next step is for this role.
    void updateNewCategory();
    void askNewCategory();
    // A synced row through the replica, ticked for this article.
    void createCategory(const QString &name);
    void chooseCover();

    desktop::Workspace &m_workspace;
    ImageImporter m_importer;
    bool m_loading = false;
    QTreeWidget *m_categories;
    QLabel *m_categoriesEmpty;
    QPushButton *m_newCategory;
    QLineEdit *m_tags;
    QLineEdit *m_cover;
    QPushButton *m_chooseCover;
    QLineEdit *m_seoTitle;
    QLineEdit *m_seoDescription;
};

} // namespace quire::gui
