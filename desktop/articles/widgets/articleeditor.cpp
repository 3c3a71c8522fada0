// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/articles/widgets/articleeditor.h"

#include "desktop/articles/core/articlelistmodel.h"
#include "desktop/articles/core/articlepagedata.h"
#include "desktop/articles/widgets/articlepreview.h"
#include "desktop/articles/widgets/metadatapanel.h"
#include "desktop/articles/widgets/publishactions.h"
#include "desktop/core/authsession.h"
#include "desktop/core/contentstore.h"
#include "desktop/core/workspace.h"
#include "desktop/media/core/medialibrary.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/layoutmemory.h"
#include "desktop/widgets/revisionpanel.h"
#include "desktop/widgets/tr.h"
#include "shared/articlekind.h"
#include "shared/contentstatus.h"
#include "shared/jsonqt.h"
#include "shared/permissions.h"
#include "shared/role.h"
#include "shared/synctable.h"
#include "shared/utf8.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace quire::gui {

using shared::ContentStatus;

using desktop::ContentStore;

namespace {

constexpr int kAutosaveMs = 1000;
constexpr int kSaveAtLatestMs = 2000;
// The longest address the server takes (the slug column's maxLength).
constexpr int kMaxSlugLength = 120;
// The details panel's share of the editor's width when it is opened.
constexpr double kDetailsShare = 0.3;
// The preview's share beside the text.
constexpr double kPreviewShare = 0.5;

} // namespace

ArticleEditor::ArticleEditor(desktop::Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_title(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_slug(new QLineEdit(this))
    , m_summary(new QLineEdit(this))
    , m_body(new BodyEditor(this))
    , m_problem(new QLabel(this))
    , m_slugProblem(new QLabel(this))
    , m_autosave(new QTimer(this))
    , m_saveAtLatest(new QTimer(this))
    , m_split(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("articleEditor"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_slug->setObjectName(QStringLiteral("slugEdit"));
    m_summary->setObjectName(QStringLiteral("summaryEdit"));
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_slugProblem->setObjectName(QStringLiteral("slugProblemLabel"));
    m_slugProblem->setWordWrap(true);
    m_slugProblem->setForegroundRole(QPalette::BrightText);
    m_title->setPlaceholderText(Tr::tr("Title"));
    m_slug->setPlaceholderText(Tr::tr("address-on-the-web"));
    m_summary->setPlaceholderText(Tr::tr("One or two sentences for lists and search engines"));
    m_body->setPlaceholderText(
        Tr::tr("Write here; format with the toolbar or in Markdown: # heading, **bold**, - list…"));
    for (shared::ArticleKind kind : shared::articleKinds())
        m_kind->addItem(shared::articleKindLabel(kind), shared::articleKindName(kind));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::BrightText);
    m_title->setAccessibleName(Tr::tr("Title"));

    m_publishing = new PublishActions(workspace, this);
    m_publishing->setBeforePublishing([this] { return hasAddress(); });
    connect(m_publishing, &PublishActions::statusRequested, this, &ArticleEditor::setStatus);
    m_metadata = new MetadataPanel(workspace, this);
    m_revisions = new RevisionPanel(workspace, this);
    m_revisions->setBeforeSaveVersion([this] { return saveNow(); });
    connect(m_metadata, &MetadataPanel::edited, this, &ArticleEditor::edited);

    m_form = new QFormLayout;
    m_form->addRow(Tr::tr("&Title:"), m_title);
    m_form->addRow(Tr::tr("&Kind:"), m_kind);
    m_form->addRow(Tr::tr("&Address:"), m_slug);
    m_form->addRow(QString(), m_slugProblem);
    m_form->addRow(Tr::tr("S&ummary:"), m_summary);
    // Details and History are a side panel, hidden until asked for: the text gets the room.
    m_details = new QPushButton(Tr::tr("Details"), this);
    m_details->setObjectName(QStringLiteral("detailsButton"));
    m_details->setCheckable(true);
    m_details->setToolTip(Tr::tr("Show or hide the categories, tags, cover image and history"));
    LayoutMemory::remember(*m_details);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_publishing, 1);
    actions->addWidget(m_details);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addLayout(actions);
    layout->addWidget(m_problem);
    m_side = new QTabWidget(this);
    m_side->setObjectName(QStringLiteral("articleSideTabs"));
    m_side->addTab(m_metadata, Tr::tr("Details"));
    m_side->addTab(m_revisions, Tr::tr("History"));
    m_side->hide();
    m_split->setObjectName(QStringLiteral("editorSplitter"));
    m_split->addWidget(m_body);
    m_split->addWidget(m_side);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    m_split->setCollapsible(1, false);
    connect(m_details, &QPushButton::toggled, this, &ArticleEditor::showDetails);
    layout->addWidget(m_split, 1);

    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, &ArticleEditor::saveNow);
    m_saveAtLatest->setSingleShot(true);
    m_saveAtLatest->setInterval(kSaveAtLatestMs);
    connect(m_saveAtLatest, &QTimer::timeout, this, &ArticleEditor::saveNow);
    connect(m_title, &QLineEdit::textEdited, this, &ArticleEditor::titleEdited);
    connect(m_slug, &QLineEdit::textEdited, this, [this](const QString &slug) {
        // Emptied, it follows the title again from the next change.
        m_slugFollowsTitle = slug.trimmed().isEmpty();
        showSlugProblem(QString());
    });
    for (QLineEdit *edit : { m_title, m_slug, m_summary })
        connect(edit, &QLineEdit::textEdited, this, &ArticleEditor::edited);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ArticleEditor::edited);
    connect(m_body, &BodyEditor::changed, this, &ArticleEditor::edited);
    connect(m_body->previewAction(), &QAction::toggled, this, &ArticleEditor::showPreview);
    // Leaving the editor (another widget, another window) saves at once.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *old, QWidget *now) {
        if (m_dirty && old && isAncestorOf(old) && !(now && isAncestorOf(now)))
            saveNow();
    });
    // Images go to the profile's media library and are uploaded on sync.
    desktop::MediaLibrary &media = workspace.media();
    setMediaHandlers(
        [&media](const QByteArray &bytes) -> shared::Result<QString> {
            shared::Result<QString> sha = media.import(bytes);
            if (!sha)
                return sha.error();
            return desktop::MediaLibrary::urlOf(*sha);
        },
        [&media](const QString &url) { return media.resolve(url); });
    m_metadata->setImageImporter([&media](const QString &path, QString &error) {
        shared::Result<QString> sha = media.importFile(path);
        if (!sha) {
            error = sha.error().message;
            return QString();
        }
        return desktop::MediaLibrary::urlOf(*sha);
    });
    load(QString());
}

ArticleEditor::~ArticleEditor()
{
    // Closing the window must not lose the last second of typing.
    if (m_dirty)
        saveNow();
}

void ArticleEditor::load(const QString &id)
{
    if (m_dirty)
        saveNow();
    m_loading = true;
    m_id = id;
    m_loaded = nlohmann::json();
    if (!id.isEmpty()) {
        shared::Result<std::optional<nlohmann::json>> row = m_workspace.content().get(ContentStore::articles(), id);
        if (row && *row)
            m_loaded = **row;
    }
    const bool has = m_loaded.is_object();
    m_title->setText(shared::textOf(m_loaded, "title"));
    m_slug->setText(shared::textOf(m_loaded, "slug"));
    m_summary->setText(shared::textOf(m_loaded, "summary"));
    const QString kind = shared::textOf(m_loaded, "kind");
    // A kind this version does not know is shown as it is, never taken for the first one.
    if (has && m_kind->findData(kind) < 0)
        m_kind->addItem(kind, kind);
    m_kind->setCurrentIndex(has ? m_kind->findData(kind) : 0);
    m_body->setMarkdown(shared::textOf(m_loaded, "body"));
    for (QWidget *w : std::initializer_list<QWidget *> { m_title, m_kind, m_slug, m_summary, m_body })
        w->setEnabled(has);
    m_metadata->load(has ? m_loaded : nlohmann::json::object());
    m_revisions->showArticle(shared::textOf(m_loaded, "kind"), has ? id : QString());
    showProblem(QString());
    // An address made from the title (never one the user typed, or one
    // that was on the site) keeps following it.
    const QString slug = m_slug->text();
    const std::optional<ContentStatus> status = shared::contentStatusFromName(shared::textOf(m_loaded, "status"));
    const bool neverPublic = (status == ContentStatus::Draft || status == ContentStatus::InReview)
        && shared::textOf(m_loaded, "published_at").isEmpty();
    m_slugFollowsTitle
        = has && (slug.isEmpty() || (neverPublic && slug == shared::slugFromText(m_title->text(), kMaxSlugLength)));
    // Older data may be public without an address: readers do not see it.
    showSlugProblem(has && slug.isEmpty() && (status == ContentStatus::Published || status == ContentStatus::Scheduled)
                        ? Tr::tr("Readers cannot see this article: it has no address. Give it one.")
                        : QString());
    m_dirty = false;
    m_loading = false;
    updateActions();
    if (m_preview && m_preview->isVisible())
        m_preview->updateNow();
    Q_EMIT loaded(m_id);
}

void ArticleEditor::setMediaHandlers(ImageImporter importer, MediaResolver resolver)
{
    m_body->setImageImporter(std::move(importer));
    m_body->setMediaResolver(resolver);
    if (m_preview)
        m_preview->setMediaResolver(resolver);
    m_resolver = std::move(resolver);
}

void ArticleEditor::showPreview(bool on)
{
    if (!on) {
        if (m_preview)
            m_preview->hide();
        return;
    }
    // Made on first use: a web engine costs time and memory that opening
    // an article should not pay.
    if (!m_preview) {
        m_preview = new ArticlePreview(this);
        m_preview->setMediaResolver(m_resolver);
        // The page as readers will get it: categories by name from the
        // replica, the site's name as the server gave it.
        const desktop::ArticlePageData data(m_workspace.content(), m_workspace.profile());
        m_preview->setSource([this, data] {
            nlohmann::json fields = m_loaded.is_object() ? m_loaded : nlohmann::json::object();
            fields.update(fieldsOnScreen());
            return data.article(fields);
        });
        m_preview->setSiteSource([data] { return data.site(); });
        m_split->insertWidget(1, m_preview);
        m_split->setStretchFactor(1, 3);
        m_split->setCollapsible(1, false);
    }
    m_preview->show();
    shareWidthWith(m_preview, kPreviewShare);
    m_preview->updateNow();
}

void ArticleEditor::showDetails(bool on)
{
    m_side->setVisible(on);
    if (on)
        shareWidthWith(m_side, kDetailsShare);
}

void ArticleEditor::shareWidthWith(QWidget *pane, double share)
{
    // A splitter laid out already gives a widget added (or shown) later
    // only its minimum, which left the preview a sliver beside the text:
    // the text gives it its share.
    QList<int> sizes = m_split->sizes();
    const int text = m_split->indexOf(m_body);
    const int other = m_split->indexOf(pane);
    if (text < 0 || other < 0 || sizes.value(text) <= 0)
        return;
    const int both = sizes[text] + sizes[other];
    const int wanted = std::max(int(both * share), pane->minimumSizeHint().width());
    if (sizes[other] >= wanted)
        return;
    sizes[other] = wanted;
    sizes[text] = both - wanted;
    m_split->setSizes(sizes);
}

void ArticleEditor::reloadIfClean()
{
    if (m_dirty || m_id.isEmpty())
        return;
    shared::Result<std::optional<nlohmann::json>> row = m_workspace.content().get(ContentStore::articles(), m_id);
    if (!row || !*row || !m_loaded.is_object()) {
        load(m_id); // gone, or not there before: nothing on screen to keep
        return;
    }
    // The sync's echo of our own save changes nothing on screen; another
    // replica's change replaces only the fields (and body blocks) it
    // changed, so the cursor, selection, scroll and undo stay.
    const nlohmann::json &now = **row;
    const auto changed
        = [&](const char *key) { return now.value(key, nlohmann::json()) != m_loaded.value(key, nlohmann::json()); };
    m_loading = true;
    for (auto [key, edit] : { std::pair { "title", m_title }, { "slug", m_slug }, { "summary", m_summary } }) {
        if (changed(key) && edit->text() != shared::textOf(now, key)) {
            const int position = edit->cursorPosition();
            edit->setText(shared::textOf(now, key));
            edit->setCursorPosition(position);
        }
    }
    if (changed("kind") && m_kind->findData(shared::textOf(now, "kind")) >= 0)
        m_kind->setCurrentIndex(m_kind->findData(shared::textOf(now, "kind")));
    if (changed("body"))
        m_body->mergeMarkdown(shared::textOf(now, "body"));
    const nlohmann::json details = m_metadata->fields();
    for (auto it = details.begin(); it != details.end(); ++it) {
        if (changed(it.key().c_str())) {
            m_metadata->load(now);
            break;
        }
    }
    // A new server revision is a new row in the history.
    if (changed("rev"))
        m_revisions->showArticle(shared::textOf(now, "kind"), m_id);
    m_loaded = now;
    m_loading = false;
    updateActions();
    if (m_preview && m_preview->isVisible())
        m_preview->scheduleUpdate();
}

nlohmann::json ArticleEditor::fieldsOnScreen() const
{
    nlohmann::json fields { { "title", m_title->text().toStdString() },
                            { "kind", m_kind->currentData().toString().toStdString() },
                            { "slug", m_slug->text().trimmed().toStdString() },
                            { "summary", m_summary->text().toStdString() },
                            { "body", m_body->markdown().toStdString() } };
    fields.update(m_metadata->fields());
    return fields;
}

void ArticleEditor::edited()
{
    if (m_loading || m_id.isEmpty())
        return;
    const bool wasDirty = m_dirty;
    m_dirty = true;
    m_autosave->start();
    if (!m_saveAtLatest->isActive())
        m_saveAtLatest->start();
    if (m_preview && m_preview->isVisible())
        m_preview->scheduleUpdate();
    if (!wasDirty)
        updateActions(); // once per burst of typing, not per keystroke
}

bool ArticleEditor::saveNow()
{
    m_autosave->stop();
    m_saveAtLatest->stop();
    if (!m_dirty || m_id.isEmpty())
        return true;
    // Only what differs from the replica is written: an untouched body is
    // never rewritten, so what the user wrote stays byte for byte.
    nlohmann::json changed = nlohmann::json::object();
    const nlohmann::json screen = fieldsOnScreen();
    for (auto it = screen.begin(); it != screen.end(); ++it) {
        if (m_loaded.value(it.key(), nlohmann::json()) != *it)
            changed[it.key()] = *it;
    }
    if (!changed.empty()) {
        shared::VoidResult r = m_workspace.content().update(ContentStore::articles(), m_id, changed);
        if (!r) {
            QStringList lines { r.error().message };
            for (auto it = r.error().fields.cbegin(); it != r.error().fields.cend(); ++it)
                lines << QStringLiteral("%1: %2").arg(it.key(), it.value());
            showProblem(lines.join(QLatin1Char('\n')));
            return false; // the text stays on screen and is tried again on the next change
        }
        for (auto it = changed.begin(); it != changed.end(); ++it)
            m_loaded[it.key()] = *it;
    }
    showProblem(QString());
    m_dirty = false;
    updateActions();
    Q_EMIT saved(m_id);
    return true;
}

void ArticleEditor::titleEdited(const QString &title)
{
    if (m_slugFollowsTitle && !m_loading)
        m_slug->setText(shared::slugFromText(title, kMaxSlugLength));
}

void ArticleEditor::showProblem(const QString &text)
{
    // Shown only with something to say: empty, it took a line above the text.
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void ArticleEditor::showSlugProblem(const QString &text)
{
    m_slugProblem->setText(text);
    m_form->setRowVisible(m_slugProblem, !text.isEmpty());
}

bool ArticleEditor::hasAddress()
{
    if (!m_slug->text().trimmed().isEmpty())
        return true;
    // The server refuses it too; saying so here names the field at once.
    showSlugProblem(Tr::tr("Give the article an address before publishing it: readers find it there."));
    m_slug->setFocus();
    return false;
}

QUrl ArticleEditor::liveUrl() const
{
    return m_publishing->liveUrl(m_loaded);
}

void ArticleEditor::setStatus(const QString &status, const QString &publishAt)
{
    if (!saveNow())
        return;
    nlohmann::json change { { "status", status.toStdString() } };
    if (!publishAt.isEmpty())
        change["publish_at"] = publishAt.toStdString();
    shared::VoidResult r = m_workspace.content().update(ContentStore::articles(), m_id, change);
    if (!r) {
        showProblem(r.error().message);
        return;
    }
    for (auto it = change.begin(); it != change.end(); ++it)
        m_loaded[it.key()] = *it;
    showSlugProblem(QString());
    updateActions();
    Q_EMIT saved(m_id);
}

void ArticleEditor::updateActions()
{
    m_publishing->showArticle(!m_id.isEmpty() && m_loaded.is_object() ? m_loaded : nlohmann::json(), m_dirty);
}

} // namespace quire::gui
