// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/widgets/richtextedit.h"
#include "shared/contentstatus.h"

#include <QWidget>

#include <nlohmann/json.hpp>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTimer;
class QUrl;

namespace quire::desktop {
class Workspace;
}

namespace quire::gui {

class ArticlePreview;
class BodyEditor;
class MetadataPanel;
class PublishActions;
class RevisionPanel;

// Writes one article: title, kind, address (slug), summary, the body (in
// the WYSIWYG or Markdown BodyEditor, with an optional live preview of the
// page as readers get it) and, beside it, its metadata and revision
// history (a side panel, hidden until its Details button is pressed, the
// choice remembered with the window's layout). Saved into the replica by itself a second after typing stops,
// at the latest two seconds after the first unsaved change even while
// typing goes on, and when the focus leaves the editor or another article
// is opened (no Save button; a crash loses at most two seconds). Only the
// fields that differ from the replica are written, the body only when its
// Markdown changed. Offers the status moves the user's role allows. A
// change that the replica refuses (an invalid slug) is shown beside the
// field and kept in the editor. The address follows the title until the
// user types one, and an article is not published or scheduled without
// one; a published article offers its page on the site ("View on Site").
class ArticleEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit ArticleEditor(desktop::Workspace &workspace, QWidget *parent = nullptr);
    ~ArticleEditor() override;

    // Saves what is pending, then shows `id` (empty: nothing).
    void load(const QString &id);
    QString currentId() const { return m_id; }
    // Writes pending edits now; false when the replica refused them.
    bool saveNow();
    bool hasUnsavedChanges() const { return m_dirty; }
    // After a sync: shows the replica's version unless edits are pending.
    void reloadIfClean();

    // The readers' page of the article as saved; empty unless published
    // with an address.
    QUrl liveUrl() const;

    BodyEditor *bodyEditor() const { return m_body; }
    // Created when the preview is first turned on.
    ArticlePreview *preview() const { return m_preview; }
    // How images get into and out of the media library (for the body and
    // the preview).
    void setMediaHandlers(ImageImporter importer, MediaResolver resolver);

Q_SIGNALS:
    void saved(const QString &id);
    // After load(): `id` is on screen (empty: nothing is open).
    void loaded(const QString &id);

private:
    void edited();
    void setStatus(const QString &status, const QString &publishAt = QString());
    // False, saying so beside the field, when the article has no address.
    bool hasAddress();
    void titleEdited(const QString &title);
    void showProblem(const QString &text);
    void showSlugProblem(const QString &text);
    void updateActions();
    nlohmann::json fieldsOnScreen() const;
    void showPreview(bool on);
    void showDetails(bool on);
    // Gives `pane`, shown in the splitter after it was laid out, a real
    // share of the text's width: at least `share` of both, never less than
    // its own minimum.
    void shareWidthWith(QWidget *pane, double share);

    desktop::Workspace &m_workspace;
    QString m_id;
    nlohmann::json m_loaded; // the row as last read or saved
    bool m_dirty = false;
    bool m_loading = false;
    // The address is made from the title until the user types one; an
    // address that may be on the web already is never changed for them.
    bool m_slugFollowsTitle = false;
    QLineEdit *m_title;
    QComboBox *m_kind;
    QLineEdit *m_slug;
    QLineEdit *m_summary;
    BodyEditor *m_body;
    QLabel *m_problem;
    QLabel *m_slugProblem; // under the address, in a row of m_form shown only with a problem
    QFormLayout *m_form;
    QPushButton *m_details;
    QTabWidget *m_side;
    PublishActions *m_publishing;
    MetadataPanel *m_metadata;
    RevisionPanel *m_revisions;
    QTimer *m_autosave;
    QTimer *m_saveAtLatest; // caps how long continuous typing stays unsaved
    QSplitter *m_split;
    ArticlePreview *m_preview = nullptr;
    MediaResolver m_resolver;
};

} // namespace quire::gui
