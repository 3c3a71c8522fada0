// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/widgets/postcomposer.h"

#include "desktop/scheduler/core/schedulerlabels.h"
#include "desktop/scheduler/core/schedulerremote.h"
#include "desktop/scheduler/core/schedulerstore.h"
#include "desktop/scheduler/widgets/destinationeditor.h"
#include "desktop/widgets/tr.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace quire::gui {

using desktop::PostDraft;
using shared::PostStatus;

namespace {

constexpr int kAutosaveMs = 1000;

} // namespace

QString PostComposer::localZone()
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    return QTimeZone::isTimeZoneIdAvailable(id) ? QString::fromUtf8(id) : QString::fromLatin1(shared::kDefaultTimeZone);
}

QComboBox *PostComposer::makeZoneBox(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        box->addItem(QString::fromUtf8(id));
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    box->setCurrentText(localZone());
    box->setAccessibleName(Tr::tr("Time zone"));
    return box;
}

PostComposer::PostComposer(desktop::SchedulerStore &store, desktop::PostStore &posts, desktop::SchedulerRemote &remote,
                           QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_posts(posts)
    , m_remote(remote)
    , m_client(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_timed(new QCheckBox(Tr::tr("&At:"), this))
    , m_when(new QDateTimeEdit(this))
    , m_zone(makeZoneBox(this))
    , m_tabs(new QTabWidget(this))
    , m_status(new QLabel(this))
    , m_message(new QLabel(this))
    , m_saveDraft(new QPushButton(Tr::tr("Save as &Draft"), this))
    , m_schedule(new QPushButton(Tr::tr("S&chedule"), this))
    , m_cancel(new QPushButton(Tr::tr("Cancel Post"), this))
    , m_delete(new QPushButton(Tr::tr("Delete"), this))
    , m_autosave(new QTimer(this))
{
    setObjectName(QStringLiteral("postComposer"));
    m_client->setObjectName(QStringLiteral("postClient"));
    m_title->setObjectName(QStringLiteral("postTitle"));
    m_body->setObjectName(QStringLiteral("postBody"));
    m_timed->setObjectName(QStringLiteral("postTimed"));
    m_when->setObjectName(QStringLiteral("postWhen"));
    m_zone->setObjectName(QStringLiteral("postZone"));
    m_tabs->setObjectName(QStringLiteral("destinationTabs"));
    m_status->setObjectName(QStringLiteral("postStatus"));
    m_message->setObjectName(QStringLiteral("composerMessage"));
    m_saveDraft->setObjectName(QStringLiteral("saveDraft"));
    m_schedule->setObjectName(QStringLiteral("schedulePost"));
    m_cancel->setObjectName(QStringLiteral("cancelPost"));
    m_delete->setObjectName(QStringLiteral("deletePost"));
    m_client->setAccessibleName(Tr::tr("Client"));
    m_title->setPlaceholderText(Tr::tr("For you only: the networks see the text"));
    m_body->setPlaceholderText(Tr::tr("What the post says"));
    m_body->setTabChangesFocus(true);
    // The short form, with the whole year (a two-digit one reads as 19xx when typed).
    QString format = QLocale().dateTimeFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    m_when->setDisplayFormat(format);
    m_when->setCalendarPopup(true);
    m_when->setAccessibleName(Tr::tr("Date and time"));
    m_timed->setToolTip(Tr::tr("A draft may wait without a time; a scheduled post needs one."));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setDocumentMode(true);
    auto *addButton = new QToolButton(this);
    addButton->setObjectName(QStringLiteral("addDestination"));
    addButton->setText(Tr::tr("+ Platform"));
    addButton->setToolTip(Tr::tr("Post this to another of the client's platforms"));

    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(m_timed);
    whenRow->addWidget(m_when);
    whenRow->addWidget(m_zone, 1);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("C&lient:"), m_client);
    form->addRow(Tr::tr("&Title:"), m_title);
    form->addRow(Tr::tr("Te&xt:"), m_body);
    form->addRow(Tr::tr("When:"), whenRow);
    form->addRow(Tr::tr("Status:"), m_status);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_delete);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_saveDraft);
    buttons->addWidget(m_schedule);
    m_schedule->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 2);
    // Beside the heading, not in the tab bar's corner: a post without
    // destinations has no tab bar, and the corner went with it.
    auto *destinationsRow = new QHBoxLayout;
    destinationsRow->addWidget(new QLabel(Tr::tr("Where it goes, each with its own text:"), this));
    destinationsRow->addStretch(1);
    destinationsRow->addWidget(addButton);
    layout->addLayout(destinationsRow);
    layout->addWidget(m_tabs, 3);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, &PostComposer::saveNow);
    connect(m_client, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        reloadChoices();
        edited();
    });
    connect(m_title, &QLineEdit::textEdited, this, &PostComposer::edited);
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        for (DestinationEditor *d : destinationEditors())
            d->setBody(m_body->toPlainText());
        edited();
    });
    connect(m_timed, &QCheckBox::toggled, this, [this](bool on) {
        m_when->setEnabled(on);
        m_zone->setEnabled(on);
        edited();
    });
    connect(m_when, &QDateTimeEdit::dateTimeChanged, this, &PostComposer::edited);
    connect(m_zone, &QComboBox::currentTextChanged, this, &PostComposer::edited);
    connect(addButton, &QToolButton::clicked, this, &PostComposer::addDestination);
    connect(m_saveDraft, &QPushButton::clicked, this, &PostComposer::saveAsDraft);
    connect(m_schedule, &QPushButton::clicked, this, &PostComposer::schedule);
    connect(m_cancel, &QPushButton::clicked, this, &PostComposer::cancelPost);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (m_draft.id.isEmpty())
            return load({});
        if (QMessageBox::question(this, Tr::tr("Delete Post"), Tr::tr("Delete this post and its platforms' texts?"))
            != QMessageBox::Yes)
            return;
        const QString id = m_draft.id;
        if (shared::VoidResult r = m_posts.remove(id); !r) {
            m_message->setText(r.error().message);
            return;
        }
        m_dirty = false;
        load({});
        Q_EMIT removed(id);
    });
    load({});
}

QList<DestinationEditor *> PostComposer::destinationEditors() const
{
    QList<DestinationEditor *> editors;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *d = qobject_cast<DestinationEditor *>(m_tabs->widget(i)))
            editors << d;
    }
    return editors;
}

void PostComposer::load(const QString &id)
{
    if (m_dirty)
        saveNow();
    m_draft = {};
    m_message->clear();
    if (!id.isEmpty()) {
        auto loaded = m_posts.load(id);
        if (!loaded || !*loaded) {
            m_message->setText(loaded ? Tr::tr("This post is no longer here.") : loaded.error().message);
        } else {
            m_draft = **loaded;
        }
    }
    if (m_draft.id.isEmpty()) {
        m_draft.timeZone = localZone();
        // A new post starts with the next full hour as its time.
        const QDateTime next = QDateTime::currentDateTimeUtc().addSecs(3600);
        m_draft.scheduledAt = QDateTime(next.date(), QTime(next.time().hour(), 0), QTimeZone::utc());
    }
    fillFromDraft();
    m_dirty = false;
}

void PostComposer::fillFromDraft()
{
    m_loading = true;
    const QSignalBlocker blockers[] = { QSignalBlocker(m_client), QSignalBlocker(m_body), QSignalBlocker(m_timed),
                                        QSignalBlocker(m_when), QSignalBlocker(m_zone) };
    m_client->clear();
    auto clients = m_store.listClients();
    for (const desktop::ClientRecord &c : clients ? *clients : QList<desktop::ClientRecord>())
        m_client->addItem(c.name, c.id);
    m_client->setCurrentIndex(std::max(0, m_client->findData(m_draft.clientId)));
    // A post stays with the client it was made for (the server keeps it so).
    m_client->setEnabled(m_draft.id.isEmpty());
    m_client->setToolTip(m_draft.id.isEmpty() ? QString()
                                              : Tr::tr("A post stays with its client; make a new one for another."));
    m_title->setText(m_draft.title);
    m_body->setPlainText(m_draft.body);
    m_zone->setCurrentText(m_draft.timeZone.isEmpty() ? localZone() : m_draft.timeZone);
    const bool timed = m_draft.scheduledAt.isValid();
    m_timed->setChecked(timed || m_draft.id.isEmpty());
    const QTimeZone zone(m_zone->currentText().toUtf8());
    const QDateTime there = timed ? m_draft.scheduledAt.toTimeZone(zone.isValid() ? zone : QTimeZone::utc())
                                  : QDateTime::currentDateTime();
    m_when->setDate(there.date());
    m_when->setTime(there.time());
    m_when->setEnabled(m_timed->isChecked());
    m_zone->setEnabled(m_timed->isChecked());
    while (m_tabs->count() > 0) {
        QWidget *w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete w;
    }
    for (const desktop::DestinationDraft &d : m_draft.destinations)
        makeDestinationEditor(d);
    m_loading = false;
    reloadChoices();
    updateState();
}

void PostComposer::reloadChoices()
{
    auto platforms = m_store.platformsOf(m_client->currentData().toString());
    const QList<desktop::PlatformRecord> list = platforms ? *platforms : QList<desktop::PlatformRecord>();
    for (DestinationEditor *d : destinationEditors())
        d->setPlatforms(list);
    updateTabs();
}

void PostComposer::showProgress()
{
    if (m_draft.id.isEmpty())
        return;
    auto stored = m_posts.load(m_draft.id);
    if (!stored || !*stored)
        return;
    // The publisher's columns only: the status (so a later save keeps it)
    // and each saved destination's progress.
    m_draft.status = (*stored)->status;
    for (const desktop::DestinationDraft &d : std::as_const((*stored)->destinations)) {
        for (DestinationEditor *editor : destinationEditors()) {
            if (editor->draft().id == d.id)
                editor->showProgress(d);
        }
    }
    updateState();
}

DestinationEditor *PostComposer::makeDestinationEditor(const desktop::DestinationDraft &d)
{
    auto *editor = new DestinationEditor(m_posts, m_tabs);
    auto platforms = m_store.platformsOf(m_client->currentData().toString());
    editor->setPlatforms(platforms ? *platforms : QList<desktop::PlatformRecord>());
    editor->load(d, m_body->toPlainText());
    m_tabs->addTab(editor, editor->platformName());
    connect(editor, &DestinationEditor::edited, this, [this, editor] {
        editor->setBody(m_body->toPlainText());
        edited();
    });
    connect(editor, &DestinationEditor::countChanged, this, &PostComposer::updateTabs);
    connect(editor, &DestinationEditor::removeRequested, this, [this, editor] { removeDestination(editor); });
    connect(editor, &DestinationEditor::retryRequested, this, [this](const QString &destinationId) {
        m_message->setText(Tr::tr("Asking the server to try again…"));
        m_remote.retry(m_draft.id, destinationId, [this](shared::VoidResult r) {
            m_message->setText(r ? Tr::tr("The server tries again now.") : r.error().message);
        });
    });
    return editor;
}

DestinationEditor *PostComposer::addDestination()
{
    auto platforms = m_store.platformsOf(m_client->currentData().toString());
    if (!platforms || platforms->isEmpty()) {
        m_message->setText(Tr::tr("This client has no platforms yet: add one under Clients and Platforms."));
        return nullptr;
    }
    QStringList used;
    for (DestinationEditor *d : destinationEditors())
        used << d->platformId();
    desktop::DestinationDraft d;
    d.platformId = platforms->first().id;
    for (const desktop::PlatformRecord &p : *platforms) {
        if (!used.contains(p.id)) {
            d.platformId = p.id;
            break;
        }
    }
    DestinationEditor *editor = makeDestinationEditor(d);
    m_tabs->setCurrentWidget(editor);
    updateTabs();
    edited();
    return editor;
}

void PostComposer::removeDestination(DestinationEditor *editor)
{
    m_tabs->removeTab(m_tabs->indexOf(editor));
    editor->deleteLater();
    updateTabs();
    edited();
}

void PostComposer::updateTabs()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *d = qobject_cast<DestinationEditor *>(m_tabs->widget(i));
        if (!d)
            continue;
        // The tab says when its text is too long, so it is found without opening each.
        m_tabs->setTabText(i, d->isOver() ? Tr::tr("%1 (too long)").arg(d->platformName()) : d->platformName());
        m_tabs->tabBar()->setTabTextColor(i, d->isOver() ? QColor(Qt::red) : palette().color(QPalette::WindowText));
    }
}

void PostComposer::updateState()
{
    const bool open = !m_draft.id.isEmpty();
    m_status->setText(open ? desktop::SchedulerLabels::postStatus(m_draft.status) : Tr::tr("New, not saved yet"));
    m_cancel->setEnabled(open && m_draft.status == PostStatus::Scheduled);
    m_schedule->setText(m_draft.status == PostStatus::Scheduled ? Tr::tr("Re&schedule") : Tr::tr("S&chedule"));
}

PostDraft PostComposer::onScreen() const
{
    PostDraft d = m_draft;
    d.clientId = m_client->currentData().toString();
    d.title = m_title->text();
    d.body = m_body->toPlainText();
    d.timeZone = m_zone->currentText().trimmed();
    const QTimeZone zone(d.timeZone.toUtf8());
    d.scheduledAt = m_timed->isChecked()
        ? QDateTime(m_when->date(), m_when->time(), zone.isValid() ? zone : QTimeZone::utc()).toUTC()
        : QDateTime();
    d.destinations.clear();
    for (DestinationEditor *e : destinationEditors())
        d.destinations << e->draft();
    return d;
}

void PostComposer::edited()
{
    if (m_loading)
        return;
    m_dirty = true;
    m_autosave->start();
}

bool PostComposer::saveNow()
{
    m_autosave->stop();
    if (!m_dirty)
        return true;
    PostDraft draft = onScreen();
    if (draft.clientId.isEmpty()) {
        m_message->setText(Tr::tr("Add a client first: a post is made for one."));
        return false;
    }
    QString note;
    // A scheduled post whose text no longer fits goes back to draft rather
    // than out too long; the message says so.
    if (draft.status == PostStatus::Scheduled) {
        const QStringList problems = m_posts.schedulingProblems(draft);
        if (!problems.isEmpty()) {
            draft.status = PostStatus::Draft;
            note = Tr::tr("Back to draft: %1").arg(problems.join(QLatin1Char(' ')));
        }
    }
    auto id = m_posts.save(draft, m_ownerId);
    if (!id) {
        m_message->setText(Tr::tr("Not saved: %1").arg(id.error().message));
        return false;
    }
    m_draft = draft;
    m_dirty = false;
    reportSaved(note);
    return true;
}

void PostComposer::reportSaved(const QString &note)
{
    // The editors learn their destinations' ids, so the next save updates them.
    const QList<DestinationEditor *> editors = destinationEditors();
    for (qsizetype i = 0; i < editors.size() && i < m_draft.destinations.size(); ++i)
        editors[i]->setSaved(m_draft.destinations[i]);
    m_client->setEnabled(false);
    m_message->setText(note);
    updateState();
    Q_EMIT saved(m_draft.id);
}

bool PostComposer::saveAsDraft()
{
    m_dirty = true;
    m_draft.status = PostStatus::Draft;
    return saveNow();
}

bool PostComposer::schedule()
{
    m_autosave->stop();
    PostDraft draft = onScreen();
    if (draft.clientId.isEmpty()) {
        m_message->setText(Tr::tr("Add a client first: a post is made for one."));
        return false;
    }
    const QStringList problems = m_posts.schedulingProblems(draft);
    if (!problems.isEmpty()) {
        // What was typed is kept all the same (a scheduled post goes back to draft).
        if (m_dirty)
            saveNow();
        m_message->setText(Tr::tr("Not scheduled yet:\n%1").arg(problems.join(QLatin1Char('\n'))));
        return false;
    }
    auto id = m_posts.schedule(draft, m_ownerId);
    if (!id) {
        m_message->setText(Tr::tr("Not scheduled: %1").arg(id.error().message));
        return false;
    }
    m_draft = draft;
    m_dirty = false;
    reportSaved(Tr::tr("Scheduled for %1.").arg(desktop::SchedulerLabels::timeIn(draft.scheduledAt, draft.timeZone)));
    return true;
}

bool PostComposer::cancelPost()
{
    m_autosave->stop();
    PostDraft draft = onScreen();
    auto id = m_posts.cancel(draft, m_ownerId);
    if (!id) {
        m_message->setText(id.error().message);
        return false;
    }
    m_draft = draft;
    m_dirty = false;
    reportSaved(Tr::tr("Cancelled: it will not go out. Schedule it again to send it after all."));
    return true;
}

} // namespace quire::gui
