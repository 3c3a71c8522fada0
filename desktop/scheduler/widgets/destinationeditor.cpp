// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/scheduler/widgets/destinationeditor.h"

#include "desktop/scheduler/core/schedulerlabels.h"
#include "desktop/widgets/tr.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

#include <algorithm>

namespace quire::gui {

using desktop::SchedulerLabels::destinationStatus;

DestinationEditor::DestinationEditor(desktop::PostStore &posts, QWidget *parent)
    : QWidget(parent)
    , m_posts(posts)
    , m_platform(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
    , m_state(new QLabel(this))
    , m_followBody(new QPushButton(Tr::tr("Use the Post's Text"), this))
    , m_retry(new QPushButton(Tr::tr("Retry"), this))
{
    m_platform->setObjectName(QStringLiteral("destinationPlatform"));
    m_text->setObjectName(QStringLiteral("destinationText"));
    m_counter->setObjectName(QStringLiteral("destinationCounter"));
    m_state->setObjectName(QStringLiteral("destinationState"));
    m_followBody->setObjectName(QStringLiteral("followBody"));
    m_retry->setObjectName(QStringLiteral("retryDestination"));
    m_platform->setAccessibleName(Tr::tr("Platform"));
    m_text->setAccessibleName(Tr::tr("Text for this platform"));
    m_text->setTabChangesFocus(true);
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *remove = new QPushButton(Tr::tr("Remove Platform"), this);
    remove->setObjectName(QStringLiteral("removeDestination"));
    m_retry->setToolTip(Tr::tr("Ask the server to publish to this platform again"));
    m_retry->setVisible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(Tr::tr("Post to:"), this));
    top->addWidget(m_platform, 1);
    top->addWidget(remove);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_followBody);
    bottom->addStretch(1);
    bottom->addWidget(m_counter);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_retry);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
    layout->addLayout(bottom);
    layout->addLayout(stateRow);

    connect(m_platform, &QComboBox::currentIndexChanged, this, [this] {
        recount();
        if (!m_loading)
            Q_EMIT edited();
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading) {
            m_followsBody = false;
            m_followBody->setEnabled(true);
            Q_EMIT edited();
        }
        recount();
    });
    connect(m_followBody, &QPushButton::clicked, this, [this] {
        m_followsBody = true;
        m_followBody->setEnabled(false);
        Q_EMIT edited(); // the composer calls setBody() with the post's text
    });
    connect(remove, &QPushButton::clicked, this, &DestinationEditor::removeRequested);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_retry->setEnabled(false); // once; the next round shows how it went
        Q_EMIT retryRequested(m_loaded.id);
    });
}

void DestinationEditor::setPlatforms(const QList<desktop::PlatformRecord> &platforms)
{
    const QString current = platformId();
    m_loading = true;
    m_platform->clear();
    for (const desktop::PlatformRecord &p : platforms)
        m_platform->addItem(desktop::SchedulerLabels::platformName(p.displayName, p.kind), p.id);
    m_platform->setCurrentIndex(std::max(0, m_platform->findData(current)));
    m_loading = false;
    recount();
}

void DestinationEditor::load(const desktop::DestinationDraft &destination, const QString &body)
{
    m_loading = true;
    m_loaded = destination;
    m_platform->setCurrentIndex(std::max(0, m_platform->findData(destination.platformId)));
    m_followsBody = destination.text.isEmpty();
    m_followBody->setEnabled(!m_followsBody);
    m_text->setPlainText(m_followsBody ? body : destination.text);
    m_loading = false;
    showProgress(destination);
    recount();
}

void DestinationEditor::showProgress(const desktop::DestinationDraft &destination)
{
    m_loaded.status = destination.status;
    m_loaded.lastError = destination.lastError;
    m_loaded.publishedUrl = destination.publishedUrl;
    m_loaded.preflight = destination.preflight;
    QString state;
    if (!destination.id.isEmpty()) {
        state = Tr::tr("Status: %1").arg(destinationStatus(destination.status));
        if (!destination.publishedUrl.isEmpty())
            state += QStringLiteral(" — ") + destination.publishedUrl;
        if (!destination.lastError.isEmpty())
            state += QStringLiteral(" — ") + destination.lastError;
        if (destination.status == shared::DestinationStatus::Pending && !destination.preflight.isEmpty())
            state += QLatin1Char('\n')
                + Tr::tr("⚠ The server found this before publishing; mend it in time:\n%1").arg(destination.preflight);
    }
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    const bool failed = destination.status == shared::DestinationStatus::Failed;
    m_retry->setVisible(failed);
    m_retry->setEnabled(failed);
}

desktop::DestinationDraft DestinationEditor::draft() const
{
    desktop::DestinationDraft d = m_loaded;
    d.platformId = platformId();
    d.text = m_followsBody ? QString() : m_text->toPlainText();
    return d;
}

void DestinationEditor::setBody(const QString &body)
{
    if (!m_followsBody || m_text->toPlainText() == body)
        return;
    m_loading = true;
    m_text->setPlainText(body);
    m_loading = false;
    recount();
}

QString DestinationEditor::platformId() const
{
    return m_platform->currentData().toString();
}

QString DestinationEditor::platformName() const
{
    return m_platform->currentText();
}

void DestinationEditor::recount()
{
    m_count = m_posts.countFor(platformId(), m_text->toPlainText());
    if (m_count.limit)
        m_counter->setText(Tr::tr("%1 / %2").arg(m_count.used).arg(*m_count.limit));
    else
        m_counter->setText(Tr::tr("%n character(s)", nullptr, m_count.used));
    m_counter->setToolTip(
        m_count.isOver() ? Tr::tr("%n character(s) over this network's limit", nullptr, -m_count.left()) : QString());
    // Red over the limit, in whatever palette the theme has.
    QPalette palette = m_counter->palette();
    palette.setColor(QPalette::WindowText,
                     m_count.isOver() ? QColor(Qt::red) : this->palette().color(QPalette::WindowText));
    m_counter->setPalette(palette);
    m_counter->setProperty("over", m_count.isOver());
    Q_EMIT countChanged();
}

} // namespace quire::gui
