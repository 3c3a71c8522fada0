// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/prompteditor.h"

#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/chatmessageseditor.h"
#include "desktop/prompts/widgets/promptfillpanel.h"
#include "desktop/prompts/widgets/prompthistorypanel.h"
#include "desktop/prompts/widgets/promptversionspanel.h"
#include "desktop/prompts/widgets/variablecompleter.h"
#include "desktop/prompts/widgets/variablehighlighter.h"
#include "desktop/widgets/bodyeditor.h"
#include "desktop/widgets/tr.h"
#include "shared/jsonqt.h"
#include "shared/promptnames.h"
#include "shared/synctable.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace quire::gui {

using shared::PromptKind;

namespace {

constexpr int kAutosaveMs = 1000;
constexpr int kSaveAtLatestMs = 2000;
constexpr int kRefillMs = 150;
// Below the lowest temperature: "not set" (the model's default).
constexpr double kNoTemperature = -0.1;
constexpr double kMaxTemperature = 2.0;
constexpr int kMaxTokens = 999999999; // the column's nine digits

QStringList tagsFromText(const QString &text)
{
    QStringList tags;
    for (const QString &t : text.split(QLatin1Char(','))) {
        const QString tag = t.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags << tag;
    }
    return tags;
}

nlohmann::json parsed(const QString &text)
{
    return nlohmann::json::parse(text.toStdString(), nullptr, false);
}

} // namespace

PromptEditor::PromptEditor(desktop::Workspace &workspace, desktop::PromptStore &store, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_store(store)
    , m_title(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_category(new QLineEdit(this))
    , m_tags(new QLineEdit(this))
    , m_template(new QCheckBox(Tr::tr("Templat&e with {{variables}}"), this))
    , m_approval(new QCheckBox(Tr::tr("Require approval for production"), this))
    , m_kind(new QComboBox(this))
    , m_model(new QLineEdit(this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_maxTokens(new QSpinBox(this))
    , m_textStack(new QStackedWidget(this))
    , m_body(new BodyEditor(this))
    , m_chat(new ChatMessagesEditor(this))
    , m_side(new QTabWidget(this))
    , m_versions(new PromptVersionsPanel(workspace, store, this))
    , m_fill(new PromptFillPanel(workspace, store, this))
    , m_history(new PromptHistoryPanel(store, this))
    , m_refill(new QTimer(this))
    , m_problem(new QLabel(this))
    , m_autosave(new QTimer(this))
    , m_saveAtLatest(new QTimer(this))
    , m_saveVersion(new QAction(Tr::tr("Save Version"), this))
{
    setObjectName(QStringLiteral("promptEditor"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_category->setObjectName(QStringLiteral("categoryEdit"));
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_template->setObjectName(QStringLiteral("templateCheck"));
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_model->setObjectName(QStringLiteral("modelEdit"));
    m_temperature->setObjectName(QStringLiteral("temperatureSpin"));
    m_maxTokens->setObjectName(QStringLiteral("maxTokensSpin"));
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    PromptFillPanel::styleAsError(m_problem);
    m_title->setPlaceholderText(Tr::tr("Title"));
    m_title->setAccessibleName(Tr::tr("Title"));
    m_name->setPlaceholderText(Tr::tr("name-for-programs (made from the title when empty)"));
    m_description->setPlaceholderText(Tr::tr("What it is for"));
    m_category->setPlaceholderText(Tr::tr("e.g. Writing"));
    m_tags->setPlaceholderText(Tr::tr("tags, separated by commas"));
    m_kind->addItem(Tr::tr("Text"), shared::kPromptKinds.name(PromptKind::Text));
    m_kind->addItem(Tr::tr("Chat"), shared::kPromptKinds.name(PromptKind::Chat));
    m_kind->setAccessibleName(Tr::tr("Kind"));
    m_model->setPlaceholderText(Tr::tr("model"));
    m_model->setAccessibleName(Tr::tr("Model"));
    m_temperature->setRange(kNoTemperature, kMaxTemperature);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_temperature->setSpecialValueText(Tr::tr("default"));
    m_temperature->setAccessibleName(Tr::tr("Temperature"));
    m_maxTokens->setRange(0, kMaxTokens);
    m_maxTokens->setSpecialValueText(Tr::tr("default"));
    m_maxTokens->setAccessibleName(Tr::tr("Max tokens"));
    // Plain template text: the source view, no formatting toolbar (see the class comment).
    m_body->setViewMode(BodyEditor::ViewMode::Markdown);
    m_body->toolBar()->hide();
    m_body->setPlaceholderText(Tr::tr("Write the prompt; {{variable}} marks what is filled in when it is used."));
    assistTemplate(m_body->sourceEdit());
    connect(m_chat, &ChatMessagesEditor::textEditAdded, this, &PromptEditor::assistTemplate);
    m_textStack->addWidget(m_body);
    m_textStack->addWidget(m_chat);

    auto *form = new QFormLayout;
    form->addRow(Tr::tr("&Title:"), m_title);
    form->addRow(Tr::tr("&Name:"), m_name);
    form->addRow(Tr::tr("&Description:"), m_description);
    auto *sorting = new QHBoxLayout;
    sorting->addWidget(m_category, 1);
    auto *tagsLabel = new QLabel(Tr::tr("T&ags:"), this);
    tagsLabel->setBuddy(m_tags);
    sorting->addWidget(tagsLabel);
    sorting->addWidget(m_tags, 2);
    // A row that holds several fields names its first: the label's
    // shortcut then reaches it (and the "&" is not shown).
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    form->addRow(label(Tr::tr("Cate&gory:"), m_category), sorting);
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_kind);
    kindRow->addWidget(m_template);
    kindRow->addStretch(1);
    form->addRow(label(Tr::tr("&Kind:"), m_kind), kindRow);
    auto *settings = new QHBoxLayout;
    settings->addWidget(m_model, 2);
    auto *temperatureLabel = new QLabel(Tr::tr("Temperat&ure:"), this);
    temperatureLabel->setBuddy(m_temperature);
    settings->addWidget(temperatureLabel);
    settings->addWidget(m_temperature);
    auto *tokensLabel = new QLabel(Tr::tr("Ma&x tokens:"), this);
    tokensLabel->setBuddy(m_maxTokens);
    settings->addWidget(tokensLabel);
    settings->addWidget(m_maxTokens);
    form->addRow(label(Tr::tr("M&odel:"), m_model), settings);
    // A row of its own: beside the others it widens the window in German.
    form->addRow(QString(), m_approval);

    m_side->setObjectName(QStringLiteral("promptSideTabs"));
    m_side->addTab(m_fill, Tr::tr("Fill In"));
    m_side->addTab(m_versions, Tr::tr("Versions"));
    m_side->addTab(m_history, Tr::tr("History"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("editorSplitter"));
    split->addWidget(m_textStack);
    split->addWidget(m_side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setCollapsible(0, false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(split, 1);

    m_versions->setBeforeSaveVersion([this] { return saveNow(); });
    m_fill->setBeforeUse([this] { return saveNow(); });
    // A use of a changed prompt kept a version first.
    connect(m_fill, &PromptFillPanel::used, m_versions, &PromptVersionsPanel::reload);
    connect(m_fill, &PromptFillPanel::used, m_history, &PromptHistoryPanel::reload);
    m_refill->setSingleShot(true);
    m_refill->setInterval(kRefillMs);
    connect(m_refill, &QTimer::timeout, this, [this] {
        m_fill->showPrompt(m_id, fieldsOnScreen());
        updateCompletions();
    });
    connect(m_versions, &PromptVersionsPanel::restored, this, [this](const QString &id) {
        if (id == m_id) {
            m_dirty = false; // saved before the restore
            const QString open = m_id;
            m_id.clear(); // no session to end: the restore made its version
            load(open);
        }
    });
    m_saveVersion->setObjectName(QStringLiteral("saveVersionAction"));
    m_saveVersion->setShortcut(QKeySequence::Save);
    m_saveVersion->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_saveVersion, &QAction::triggered, m_versions, &PromptVersionsPanel::saveVersion);
    addAction(m_saveVersion);

    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, &PromptEditor::saveNow);
    m_saveAtLatest->setSingleShot(true);
    m_saveAtLatest->setInterval(kSaveAtLatestMs);
    connect(m_saveAtLatest, &QTimer::timeout, this, &PromptEditor::saveNow);
    for (QLineEdit *edit : { m_title, m_name, m_description, m_category, m_tags, m_model })
        connect(edit, &QLineEdit::textEdited, this, &PromptEditor::edited);
    connect(m_template, &QCheckBox::toggled, this, &PromptEditor::edited);
    m_approval->setObjectName(QStringLiteral("approvalCheck"));
    connect(m_approval, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading || m_id.isEmpty())
            return;
        // Its own write: it is the owner's setting, not part of the text's save.
        if (shared::VoidResult r = m_store.setApprovalRequired(m_id, on); !r) {
            showProblem(r.error().message);
            return;
        }
        m_loaded["approval_required"] = shared::kFlags.name(on).toStdString();
        m_versions->reload();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        showKind();
        edited();
    });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &PromptEditor::edited);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &PromptEditor::edited);
    connect(m_body, &BodyEditor::changed, this, &PromptEditor::edited);
    connect(m_chat, &ChatMessagesEditor::changed, this, &PromptEditor::edited);
    // Leaving the editor (another widget, another window) saves at once.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *old, QWidget *now) {
        if (m_dirty && old && isAncestorOf(old) && !(now && isAncestorOf(now)))
            saveNow();
    });
    load(QString());
}

PromptEditor::~PromptEditor()
{
    // Closing the window ends the session: nothing typed is lost, and a
    // change is a version.
    disconnect(qApp, nullptr, this, nullptr);
    endSession();
}

void PromptEditor::endSession()
{
    if (m_id.isEmpty())
        return;
    if (!saveNow())
        return; // refused: the text stays on screen, no version of what is not saved
    if (!std::exchange(m_sessionChanged, false))
        return;
    shared::Result<std::optional<QString>> version = m_store.saveVersionIfChanged(m_id, m_workspace.accountId());
    if (!version)
        showProblem(version.error().message);
}

void PromptEditor::load(const QString &id)
{
    endSession();
    m_sessionChanged = false;
    m_loading = true;
    m_id = id;
    m_loaded = nlohmann::json();
    if (!id.isEmpty()) {
        shared::Result<std::optional<nlohmann::json>> row = m_store.get(id);
        if (row && *row)
            m_loaded = **row;
    }
    const bool has = m_loaded.is_object();
    if (!has)
        m_id.clear();
    m_title->setText(shared::textOf(m_loaded, "title"));
    m_name->setText(shared::textOf(m_loaded, "name"));
    m_description->setText(shared::textOf(m_loaded, "description"));
    m_category->setText(shared::textOf(m_loaded, "category"));
    m_tags->setText(shared::listItems(shared::textOf(m_loaded, "tags")).join(QStringLiteral(", ")));
    m_template->setChecked(shared::textOf(m_loaded, "is_template") == shared::kFlags.name(true));
    showApproval(m_loaded);
    const QString kind = shared::textOf(m_loaded, "kind");
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
    m_body->setMarkdown(shared::textOf(m_loaded, "content"));
    m_chat->setMessagesJson(shared::textOf(m_loaded, "messages"));
    showSettings(m_loaded);
    showKind();
    for (QWidget *w : std::initializer_list<QWidget *> { m_title, m_name, m_description, m_category, m_tags, m_template,
                                                         m_kind, m_model, m_temperature, m_maxTokens, m_textStack })
        w->setEnabled(has);
    m_versions->showPrompt(m_id);
    m_history->showPrompt(m_id);
    m_refill->stop();
    m_fill->showPrompt(m_id, has ? fieldsOnScreen() : nlohmann::json::object());
    updateCompletions();
    showProblem(QString());
    m_dirty = false;
    m_loading = false;
    Q_EMIT loaded(m_id);
}

void PromptEditor::showSettings(const nlohmann::json &row)
{
    m_model->setText(shared::textOf(row, "model"));
    bool ok = false;
    const double t = shared::textOf(row, "temperature").toDouble(&ok);
    m_temperature->setValue(ok ? t : kNoTemperature);
    const int tokens = shared::textOf(row, "max_tokens").toInt(&ok);
    m_maxTokens->setValue(ok ? tokens : 0);
}

void PromptEditor::showKind()
{
    const bool chat = m_kind->currentData().toString() == shared::kPromptKinds.name(PromptKind::Chat);
    m_textStack->setCurrentWidget(chat ? static_cast<QWidget *>(m_chat) : m_body);
}

nlohmann::json PromptEditor::fieldsOnScreen() const
{
    // Lists, messages and numbers that mean what the replica holds keep its
    // spelling, so an untouched field is never written.
    const QString loadedTags = shared::textOf(m_loaded, "tags");
    const QStringList tags = tagsFromText(m_tags->text());
    const QString loadedMessages = shared::textOf(m_loaded, "messages");
    const QString messages = m_chat->messagesJson();
    const QString loadedTemperature = shared::textOf(m_loaded, "temperature");
    bool ok = false;
    const double loadedT = loadedTemperature.toDouble(&ok);
    QString temperature;
    if (m_temperature->value() > kNoTemperature / 2)
        temperature = ok && std::abs(loadedT - m_temperature->value()) < 1e-9
            ? loadedTemperature
            : QString::number(m_temperature->value(), 'g', 4);
    return { { "title", m_title->text().toStdString() },
             { "name", m_name->text().trimmed().toStdString() },
             { "description", m_description->text().toStdString() },
             { "category", m_category->text().trimmed().toStdString() },
             { "tags", (shared::listItems(loadedTags) == tags ? loadedTags : shared::listText(tags)).toStdString() },
             { "is_template", shared::kFlags.name(m_template->isChecked()).toStdString() },
             { "kind", m_kind->currentData().toString().toStdString() },
             { "content", m_body->markdown().toStdString() },
             { "messages", (parsed(loadedMessages) == parsed(messages) ? loadedMessages : messages).toStdString() },
             { "model", m_model->text().trimmed().toStdString() },
             { "temperature", temperature.toStdString() },
             { "max_tokens", m_maxTokens->value() == 0 ? std::string() : std::to_string(m_maxTokens->value()) } };
}

void PromptEditor::showApproval(const nlohmann::json &row)
{
    const QSignalBlocker blocker(m_approval);
    const bool owner = !m_id.isEmpty() && shared::textOf(row, "owner_id") == m_workspace.accountId();
    m_approval->setChecked(shared::textOf(row, "approval_required") == shared::kFlags.name(true));
    m_approval->setEnabled(owner);
    m_approval->setToolTip(owner ? Tr::tr("When on, moving the production label waits for an editor's or admin's "
                                          "approval.")
                                 : Tr::tr("Only the prompt's owner turns this on or off."));
}

void PromptEditor::edited()
{
    if (m_loading || m_id.isEmpty())
        return;
    m_dirty = true;
    m_refill->start();
    m_autosave->start();
    if (!m_saveAtLatest->isActive())
        m_saveAtLatest->start();
}

bool PromptEditor::saveNow()
{
    m_autosave->stop();
    m_saveAtLatest->stop();
    if (!m_dirty || m_id.isEmpty())
        return true;
    nlohmann::json changed = nlohmann::json::object();
    const nlohmann::json screen = fieldsOnScreen();
    for (auto it = screen.begin(); it != screen.end(); ++it) {
        if (m_loaded.value(it.key(), nlohmann::json(std::string())) != *it)
            changed[it.key()] = *it;
    }
    if (!changed.empty()) {
        shared::VoidResult r = m_store.update(m_id, changed);
        if (!r) {
            QStringList lines { r.error().message };
            const shared::SyncTable &table = desktop::PromptStore::prompts();
            for (auto it = r.error().fields.cbegin(); it != r.error().fields.cend(); ++it) {
                const shared::SyncColumn *c = table.column(it.key());
                lines << QStringLiteral("%1: %2").arg(c ? c->displayLabel() : it.key(), it.value());
            }
            showProblem(lines.join(QLatin1Char('\n')));
            return false; // the text stays on screen and is tried again on the next change
        }
        for (auto it = changed.begin(); it != changed.end(); ++it)
            m_loaded[it.key()] = *it;
        m_sessionChanged = true;
    }
    showProblem(QString());
    m_dirty = false;
    Q_EMIT saved(m_id);
    return true;
}

void PromptEditor::reloadIfClean()
{
    if (m_dirty || m_id.isEmpty())
        return;
    shared::Result<std::optional<nlohmann::json>> row = m_store.get(m_id);
    if (!row || !*row || !m_loaded.is_object()) {
        const QString id = m_id;
        m_id.clear(); // gone: there is no session to end
        load(id);
        return;
    }
    // The echo of our own save changes nothing; another replica's change
    // replaces only what it changed, keeping the cursor and undo history.
    const nlohmann::json &now = **row;
    const auto changed
        = [&](const char *key) { return now.value(key, nlohmann::json()) != m_loaded.value(key, nlohmann::json()); };
    m_loading = true;
    for (auto [key, edit] : { std::pair { "title", m_title },
                              { "name", m_name },
                              { "description", m_description },
                              { "category", m_category } }) {
        if (changed(key) && edit->text() != shared::textOf(now, key)) {
            const int position = edit->cursorPosition();
            edit->setText(shared::textOf(now, key));
            edit->setCursorPosition(position);
        }
    }
    if (changed("tags"))
        m_tags->setText(shared::listItems(shared::textOf(now, "tags")).join(QStringLiteral(", ")));
    if (changed("is_template"))
        m_template->setChecked(shared::textOf(now, "is_template") == shared::kFlags.name(true));
    if (changed("approval_required") || changed("owner_id"))
        showApproval(now);
    if (changed("kind") && m_kind->findData(shared::textOf(now, "kind")) >= 0) {
        m_kind->setCurrentIndex(m_kind->findData(shared::textOf(now, "kind")));
        showKind();
    }
    if (changed("content"))
        m_body->mergeMarkdown(shared::textOf(now, "content"));
    if (changed("messages"))
        m_chat->setMessagesJson(shared::textOf(now, "messages"));
    if (changed("model") || changed("temperature") || changed("max_tokens"))
        showSettings(now);
    m_loaded = now;
    m_loading = false;
    m_versions->reload(); // the server's numbers arrive with a sync
    m_history->reload(); // and a program's fetches, the server's runs
    m_fill->showPrompt(m_id, fieldsOnScreen());
}

void PromptEditor::assistTemplate(QPlainTextEdit *edit)
{
    new VariableHighlighter(edit->document());
    m_completers.removeAll(nullptr);
    m_completers << new VariableCompleter(edit);
    updateCompletions();
}

void PromptEditor::updateCompletions()
{
    // The variables the prompt uses (the fill-in form's), and the prompts it may include.
    const QStringList variables = m_fill->variableNames();
    const shared::Result<QStringList> names = m_store.promptNames();
    for (const QPointer<VariableCompleter> &c : std::as_const(m_completers)) {
        if (!c)
            continue;
        c->setVariableNames(variables);
        if (names)
            c->setPromptNames(*names);
    }
}

void PromptEditor::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

} // namespace quire::gui
