// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/revisionpanel.h"

#include "desktop/core/datetext.h"
#include "desktop/core/revisionhistory.h"
#include "desktop/core/syncengine.h"
#include "desktop/core/workspace.h"
#include "desktop/widgets/tr.h"
#include "shared/htmlescape.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <memory>

namespace quire::gui {

namespace {

QString escaped(const QString &text)
{
    return QString::fromUtf8(shared::HtmlEscape::escape(text));
}

} // namespace

RevisionPanel::RevisionPanel(desktop::Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_history(new desktop::RevisionHistory(workspace.session(), this))
    , m_message(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_view(new QTextBrowser(this))
    , m_show(new QPushButton(Tr::tr("&Show"), this))
    , m_compare(new QPushButton(Tr::tr("&Compare"), this))
    , m_restore(new QPushButton(Tr::tr("&Restore…"), this))
    , m_saveVersion(new QPushButton(Tr::tr("Save &Version"), this))
{
    setObjectName(QStringLiteral("revisionPanel"));
    m_list->setObjectName(QStringLiteral("revisionList"));
    m_view->setObjectName(QStringLiteral("revisionView"));
    m_show->setObjectName(QStringLiteral("showRevisionButton"));
    m_compare->setObjectName(QStringLiteral("compareRevisionsButton"));
    m_restore->setObjectName(QStringLiteral("restoreRevisionButton"));
    m_saveVersion->setObjectName(QStringLiteral("saveVersionButton"));
    m_saveVersion->setToolTip(
        Tr::tr("Keep the text as it is now as a version of its own; the next edit starts a new one."));
    m_message->setObjectName(QStringLiteral("revisionMessage"));
    m_message->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAccessibleName(Tr::tr("Revisions"));
    m_compare->setToolTip(Tr::tr("Select two revisions, or one to compare it with the latest."));
    m_view->setOpenLinks(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_show);
    buttons->addWidget(m_compare);
    buttons->addWidget(m_restore);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_saveVersion, 0, Qt::AlignLeft);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 2);

    connect(m_show, &QPushButton::clicked, this, &RevisionPanel::showSelected);
    connect(m_compare, &QPushButton::clicked, this, &RevisionPanel::compareSelected);
    connect(m_restore, &QPushButton::clicked, this, &RevisionPanel::restoreSelected);
    connect(m_saveVersion, &QPushButton::clicked, this, &RevisionPanel::saveVersion);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &RevisionPanel::showSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, [this] {
        const int n = int(selectedRevs().size());
        m_show->setEnabled(n == 1);
        m_restore->setEnabled(n == 1);
        m_compare->setEnabled(n == 1 || n == 2);
    });
    showArticle(QString(), QString());
}

RevisionPanel::~RevisionPanel() = default;

void RevisionPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void RevisionPanel::showArticle(const QString &kind, const QString &id)
{
    m_kind = kind;
    m_id = id;
    reload();
}

void RevisionPanel::reload()
{
    m_list->clear();
    m_view->clear();
    for (QPushButton *b : { m_show, m_compare, m_restore })
        b->setEnabled(false);
    m_saveVersion->setEnabled(!m_id.isEmpty());
    if (m_id.isEmpty()) {
        setMessage(Tr::tr("Choose an article to see its revisions."));
        return;
    }
    setMessage(Tr::tr("Loading the history…"));
    const QString id = m_id;
    QPointer<RevisionPanel> self(this);
    m_history->list(m_kind, id, [self, id](shared::Result<QList<desktop::RevisionInfo>> revisions) {
        if (!self || self->m_id != id)
            return; // another article was chosen meanwhile
        if (!revisions) {
            self->setMessage(revisions.error().message);
            return;
        }
        self->setMessage(revisions->isEmpty() ? Tr::tr("No revisions yet.") : QString());
        for (const desktop::RevisionInfo &r : *revisions) {
            // Who, when and how much: one line per editing session.
            QStringList parts {
                desktop::DateText::full(r.createdAt), r.authorName.isEmpty() ? Tr::tr("someone") : r.authorName,
                Tr::tr("+%1 −%2 words", "words added and removed in a session").arg(r.wordsAdded).arg(r.wordsRemoved),
                Tr::tr("%n save(s)", nullptr, r.revisions)
            };
            if (r.published)
                parts << Tr::tr("published");
            if (r.saved)
                parts << Tr::tr("saved version");
            auto *item = new QListWidgetItem(parts.join(QStringLiteral(" · ")));
            item->setToolTip(Tr::tr("%1\nStarted %2; %n word(s) at the end.", nullptr, r.words)
                                 .arg(r.title, desktop::DateText::full(r.startedAt)));
            item->setData(Qt::UserRole, r.rev);
            self->m_list->addItem(item);
        }
    });
}

QList<qint64> RevisionPanel::selectedRevs() const
{
    QList<qint64> revs;
    for (const QListWidgetItem *item : m_list->selectedItems())
        revs << item->data(Qt::UserRole).toLongLong();
    std::sort(revs.begin(), revs.end());
    return revs;
}

void RevisionPanel::showSelected()
{
    const QList<qint64> revs = selectedRevs();
    if (revs.size() != 1)
        return;
    QPointer<RevisionPanel> self(this);
    m_history->get(m_kind, m_id, revs.first(), [self](shared::Result<nlohmann::json> article) {
        if (!self)
            return;
        if (!article) {
            self->setMessage(article.error().message);
            return;
        }
        const QString title = QString::fromStdString(article->value("title", std::string()));
        const QString body = QString::fromStdString(article->value("body", std::string()));
        self->m_view->setHtml(QStringLiteral("<h3>%1</h3><pre>%2</pre>").arg(escaped(title), escaped(body)));
    });
}

void RevisionPanel::compareSelected()
{
    QList<qint64> revs = selectedRevs();
    if (revs.size() == 1 && m_list->count() > 0) {
        const qint64 latest = m_list->item(0)->data(Qt::UserRole).toLongLong();
        if (latest == revs.first())
            return;
        revs << latest;
    }
    if (revs.size() != 2)
        return;
    QPointer<RevisionPanel> self(this);
    m_history->compare(m_kind, m_id, revs[0], revs[1], [self](shared::Result<desktop::RevisionComparison> c) {
        if (!self)
            return;
        if (!c) {
            self->setMessage(c.error().message);
            return;
        }
        // Colour and a sign on every changed line, so the difference does
        // not rest on colour alone.
        QString html = QStringLiteral("<table>");
        for (const desktop::RevisionComparison::Field &f : c->fields) {
            html += QStringLiteral("<tr><th align=left>%1</th><td><s>%2</s> → %3</td></tr>")
                        .arg(escaped(f.name), escaped(f.from), escaped(f.to));
        }
        html += QStringLiteral("</table><pre>");
        for (const shared::TextDiff::Line &l : c->body) {
            switch (l.kind) {
            case shared::TextDiff::Kind::Same:
                html += QStringLiteral("  %1\n").arg(escaped(l.text));
                break;
            case shared::TextDiff::Kind::Removed:
                html += QStringLiteral("<span style=\"background:#ffd7d5\">- %1</span>\n").arg(escaped(l.text));
                break;
            case shared::TextDiff::Kind::Added:
                html += QStringLiteral("<span style=\"background:#ccffd8\">+ %1</span>\n").arg(escaped(l.text));
                break;
            }
        }
        self->m_view->setHtml(html + QStringLiteral("</pre>"));
    });
}

void RevisionPanel::restoreSelected()
{
    const QList<qint64> revs = selectedRevs();
    if (revs.size() != 1)
        return;
    if (QMessageBox::question(this, Tr::tr("Restore Revision"),
                              Tr::tr("Bring back the text of this revision? The current text stays in the history."))
        != QMessageBox::Yes)
        return;
    QPointer<RevisionPanel> self(this);
    const QString id = m_id;
    m_history->restore(m_kind, id, revs.first(), [self, id](shared::VoidResult r) {
        if (!self)
            return;
        if (!r) {
            self->setMessage(r.error().message);
            return;
        }
        self->m_workspace.sync().syncNow(); // bring the restored text into the replica
        Q_EMIT self->restored(id);
        self->reload();
    });
}

void RevisionPanel::saveVersion()
{
    if (m_id.isEmpty())
        return;
    if (m_beforeSaveVersion && !m_beforeSaveVersion()) {
        setMessage(Tr::tr("The text could not be saved, so no version was kept."));
        return;
    }
    // The version is the server's latest revision: the replica's edits go
    // up first, then the server is asked to keep it.
    m_saveVersion->setEnabled(false);
    setMessage(Tr::tr("Saving the version…"));
    QPointer<RevisionPanel> self(this);
    const QString id = m_id;
    const QString kind = m_kind;
    // A round under way may have started before the last edit was saved:
    // the round syncNow() adds after it is the one that carries it.
    auto roundsToWait
        = std::make_shared<int>(m_workspace.sync().state() == desktop::SyncEngine::State::Syncing ? 2 : 1);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(&m_workspace.sync(), &desktop::SyncEngine::roundFinished, this,
                          [self, id, kind, connection, roundsToWait](bool ok) {
                              if (ok && --*roundsToWait > 0)
                                  return;
                              QObject::disconnect(*connection);
                              if (!self)
                                  return;
                              if (!ok) {
                                  self->m_saveVersion->setEnabled(true);
                                  self->setMessage(Tr::tr("The server could not be reached; no version was kept."));
                                  return;
                              }
                              self->m_history->saveVersion(kind, id, [self, id](shared::VoidResult r) {
                                  if (!self || self->m_id != id)
                                      return;
                                  if (!r) {
                                      self->m_saveVersion->setEnabled(true);
                                      self->setMessage(r.error().message);
                                      return;
                                  }
                                  self->reload();
                              });
                          });
    m_workspace.sync().syncNow();
}

} // namespace quire::gui
