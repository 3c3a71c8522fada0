// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/promptfillpanel.h"

#include "desktop/core/workspace.h"
#include "desktop/prompts/core/promptrunner.h"
#include "desktop/prompts/core/promptstore.h"
#include "desktop/prompts/widgets/providerdialog.h"
#include "desktop/widgets/apptheme.h"
#include "desktop/widgets/tr.h"
#include "shared/jsonqt.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace quire::gui {

using shared::PromptVariableType;

namespace {

// A number field's reach and precision: far beyond what prompts count.
constexpr double kNumberRange = 1e12;
constexpr int kNumberDecimals = 4;

// Decimals a number field shows: as many as its default has, else two.
int decimalsOf(const std::optional<QString> &defaultValue)
{
    if (!defaultValue)
        return 2;
    const qsizetype dot = defaultValue->indexOf(QLatin1Char('.'));
    return dot < 0 ? 0 : int(std::min<qsizetype>(defaultValue->size() - dot - 1, kNumberDecimals));
}

QString numberText(double value)
{
    return QString::number(value, 'g', 15);
}

// Two variable lists ask for the same form.
bool sameForm(const QList<shared::TemplateVariable> &a, const QList<shared::TemplateVariable> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].type != b[i].type || a[i].defaultValue != b[i].defaultValue
            || a[i].choices != b[i].choices)
            return false;
    }
    return true;
}

} // namespace

PromptFillPanel::PromptFillPanel(desktop::Workspace &workspace, desktop::PromptStore &store, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_store(store)
    , m_form(new QWidget)
    , m_formLayout(new QFormLayout(m_form))
    , m_noVariables(new QLabel(Tr::tr("This prompt has no {{variables}}: it is used as it is."), this))
    , m_message(new QLabel(this))
    , m_result(new QPlainTextEdit(this))
    , m_copy(new QPushButton(Tr::tr("&Copy"), this))
    , m_render(new QPushButton(Tr::tr("&Render"), this))
    , m_run(new QPushButton(Tr::tr("Run"), this))
    , m_provider(new QPushButton(Tr::tr("Pro&vider…"), this))
    , m_answerLabel(new QLabel(Tr::tr("Answer:"), this))
    , m_answer(new QPlainTextEdit(this))
    , m_keepValues(new QCheckBox(Tr::tr("Keep the values in my usage history"), this))
{
    setObjectName(QStringLiteral("promptFillPanel"));
    m_form->setObjectName(QStringLiteral("variablesForm"));
    m_noVariables->setObjectName(QStringLiteral("noVariables"));
    m_noVariables->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("fillMessage"));
    m_message->setWordWrap(true);
    styleAsError(m_message);
    m_result->setObjectName(QStringLiteral("renderedText"));
    m_result->setReadOnly(true);
    m_result->setAccessibleName(Tr::tr("Result"));
    m_result->setPlaceholderText(Tr::tr("The prompt with the values filled in appears here."));
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setToolTip(Tr::tr("Copy the result to the clipboard and note the use in the usage history"));
    m_render->setObjectName(QStringLiteral("renderButton"));
    m_render->setToolTip(Tr::tr("Note this result in the usage history"));
    m_run->setObjectName(QStringLiteral("runButton"));
    // Every letter of "Run" is another field's mnemonic: a shortcut instead.
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_run->setToolTip(
        Tr::tr("Send the result to the model and show its answer; the run is noted in the usage history"));
    m_provider->setObjectName(QStringLiteral("providerButton"));
    m_provider->setToolTip(Tr::tr("Set up the model provider this profile runs prompts with"));
    m_answer->setObjectName(QStringLiteral("answerText"));
    m_answer->setReadOnly(true);
    m_answer->setAccessibleName(Tr::tr("Answer"));
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_answerLabel->setBuddy(m_answer);
    m_run->hide();
    m_provider->hide();
    m_answerLabel->hide();
    m_answer->hide();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_form);
    scroll->setFrameShape(QFrame::NoFrame);
    // The tab's own background, not a grey box around the fields.
    scroll->viewport()->setAutoFillBackground(false);
    m_form->setAutoFillBackground(false);
    m_keepValues->setObjectName(QStringLiteral("keepValuesCheck"));
    m_keepValues->setToolTip(Tr::tr("Off: the history notes only which version was used, when and how."));
    connect(m_keepValues, &QCheckBox::toggled, this, [this](bool on) {
        const QString me = m_workspace.accountId();
        if (me.isEmpty())
            return;
        if (shared::VoidResult r = m_store.setPreference(me, QStringLiteral("keep_variables"), shared::kFlags.name(on));
            !r)
            setMessage(r.error().message);
    });
    // The buttons on a row of their own: with Run they do not fit beside the check box in German.
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_provider);
    buttons->addStretch(1);
    buttons->addWidget(m_render);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_noVariables);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(Tr::tr("Result:"), this));
    layout->addWidget(m_result, 1);
    layout->addWidget(m_keepValues);
    layout->addLayout(buttons);
    layout->addWidget(m_answerLabel);
    layout->addWidget(m_answer, 1);
    connect(m_copy, &QPushButton::clicked, this, &PromptFillPanel::copy);
    connect(m_run, &QPushButton::clicked, this, &PromptFillPanel::run);
    connect(m_provider, &QPushButton::clicked, this, &PromptFillPanel::openProviderDialog);
    connect(m_render, &QPushButton::clicked, this, &PromptFillPanel::render);
    showPrompt(QString(), nlohmann::json::object());
}

void PromptFillPanel::styleAsError(QLabel *label)
{
    QPalette palette = label->palette();
    const bool dark = AppTheme::isDark(palette);
    palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
}

void PromptFillPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void PromptFillPanel::showPrompt(const QString &id, const nlohmann::json &fields)
{
    if (id != m_id) {
        m_id = id;
        rebuildForm({}); // another prompt: no values carried over
        m_answer->clear(); // another prompt's answer is not this one's
        m_answer->hide();
        m_answerLabel->hide();
    }
    m_fieldsShown = fields;
    // The preference as it is now (it syncs, so another replica may have changed it).
    if (auto prefs = m_store.preferencesOf(m_workspace.accountId())) {
        const QSignalBlocker blocker(m_keepValues);
        m_keepValues->setChecked(shared::textOf(*prefs, "keep_variables") == shared::kFlags.name(true));
    }
    const QString me = m_workspace.accountId();
    const shared::IncludeResolver resolve
        = [this, me](const QString &name, const QString &ref) { return m_store.includeText(name, ref, me); };
    shared::RenderOptions options;
    options.name = shared::textOf(fields, "name");
    shared::TemplateVariables found;
    if (shared::textOf(fields, "kind") == shared::kPromptKinds.name(shared::PromptKind::Chat)) {
        const nlohmann::json json
            = nlohmann::json::parse(shared::textOf(fields, "messages").toStdString(), nullptr, false);
        const auto messages = shared::PromptRenderer::chatFromJson(json);
        if (messages)
            found = shared::PromptRenderer::variablesOfChat(*messages, resolve, options);
    } else {
        found = shared::PromptRenderer::variablesOf(shared::textOf(fields, "content"), resolve, options);
    }
    if (!sameForm(found.variables, m_variables))
        rebuildForm(found.variables);
    update();
}

void PromptFillPanel::rebuildForm(const QList<shared::TemplateVariable> &variables)
{
    const QHash<QString, QString> typed = values();
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    m_fields.clear();
    m_errors.clear();
    m_variables = variables;
    for (const shared::TemplateVariable &v : variables) {
        QWidget *field = nullptr;
        const QString value = typed.contains(v.name) ? typed.value(v.name) : v.defaultValue.value_or(QString());
        switch (v.type) {
        case PromptVariableType::Text: {
            auto *edit = new QLineEdit(value, m_form);
            connect(edit, &QLineEdit::textChanged, this, &PromptFillPanel::update);
            field = edit;
            break;
        }
        case PromptVariableType::Number: {
            auto *spin = new QDoubleSpinBox(m_form);
            spin->setRange(-kNumberRange, kNumberRange);
            spin->setDecimals(decimalsOf(v.defaultValue));
            spin->setValue(value.toDouble());
            connect(spin, &QDoubleSpinBox::valueChanged, this, &PromptFillPanel::update);
            field = spin;
            break;
        }
        case PromptVariableType::Choice: {
            auto *box = new QComboBox(m_form);
            // Without a default, nothing is chosen until the user chooses.
            if (!v.defaultValue)
                box->addItem(Tr::tr("Choose…"), QString());
            for (const QString &c : v.choices)
                box->addItem(c, c);
            box->setCurrentIndex(std::max(0, box->findData(value)));
            connect(box, &QComboBox::currentIndexChanged, this, &PromptFillPanel::update);
            field = box;
            break;
        }
        }
        field->setObjectName(QStringLiteral("variable_") + v.name);
        field->setAccessibleName(v.name);
        auto *error = new QLabel(m_form);
        error->setObjectName(QStringLiteral("error_") + v.name);
        error->setWordWrap(true);
        styleAsError(error);
        m_formLayout->addRow(v.name + QLatin1Char(':'), field);
        m_formLayout->addRow(QString(), error);
        m_formLayout->setRowVisible(error, false);
        m_fields.insert(v.name, field);
        m_errors.insert(v.name, error);
    }
    m_noVariables->setVisible(!m_id.isEmpty() && variables.isEmpty());
}

QStringList PromptFillPanel::variableNames() const
{
    QStringList names;
    for (const shared::TemplateVariable &v : m_variables)
        names << v.name;
    return names;
}

QHash<QString, QString> PromptFillPanel::values() const
{
    QHash<QString, QString> out;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        QString value;
        if (const auto *edit = qobject_cast<QLineEdit *>(it.value()))
            value = edit->text();
        else if (const auto *spin = qobject_cast<QDoubleSpinBox *>(it.value()))
            value = numberText(spin->value());
        else if (const auto *box = qobject_cast<QComboBox *>(it.value()))
            value = box->currentData().toString();
        // Left empty: missing (or its default, for the renderer to fill in).
        if (!value.isEmpty())
            out.insert(it.key(), value);
    }
    return out;
}

void PromptFillPanel::update()
{
    const QString me = m_workspace.accountId();
    const shared::IncludeResolver resolve
        = [this, me](const QString &name, const QString &ref) { return m_store.includeText(name, ref, me); };
    shared::RenderOptions options;
    options.name = shared::textOf(m_fieldsShown, "name");
    QList<shared::TemplateProblem> problems;
    m_rendered.clear();
    m_renderedMessages.clear();
    if (shared::textOf(m_fieldsShown, "kind") == shared::kPromptKinds.name(shared::PromptKind::Chat)) {
        const nlohmann::json json
            = nlohmann::json::parse(shared::textOf(m_fieldsShown, "messages").toStdString(), nullptr, false);
        const auto messages = shared::PromptRenderer::chatFromJson(json);
        if (!messages) {
            setMessage(messages.error().message);
            m_ok = false;
        } else {
            const shared::ChatRendering chat
                = shared::PromptRenderer::renderChat(*messages, values(), resolve, options);
            problems = chat.problems;
            m_renderedMessages = chat.messages;
            QStringList blocks;
            for (const shared::ChatMessage &m : chat.messages)
                blocks << m.role + QStringLiteral(":\n") + m.content;
            m_rendered = blocks.join(QStringLiteral("\n\n"));
        }
    } else {
        const shared::TemplateRendering r
            = shared::PromptRenderer::render(shared::textOf(m_fieldsShown, "content"), values(), resolve, options);
        problems = r.problems;
        m_rendered = r.text;
        m_renderedMessages = { { QStringLiteral("user"), r.text } };
    }
    // A value's problem under its field; the others (syntax, includes) above the result.
    QHash<QString, QStringList> byField;
    QStringList general;
    for (const shared::TemplateProblem &p : problems) {
        if (m_errors.contains(p.subject))
            byField[p.subject] << p.message;
        else
            general << p.located();
    }
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        it.value()->setText(byField.value(it.key()).join(QLatin1Char('\n')));
        m_formLayout->setRowVisible(it.value(), byField.contains(it.key()));
    }
    setMessage(general.join(QLatin1Char('\n')));
    m_ok = !m_id.isEmpty() && problems.isEmpty();
    if (!m_ok)
        m_rendered.clear();
    m_result->setPlainText(m_rendered);
    m_copy->setEnabled(m_ok);
    m_render->setEnabled(m_ok);
    updateRun();
}

bool PromptFillPanel::recordUse(shared::PromptUse use, const QString &output)
{
    if (!m_ok)
        return false;
    if (m_beforeUse && !m_beforeUse()) {
        setMessage(Tr::tr("The prompt could not be saved, so its use was not recorded."));
        return false;
    }
    nlohmann::json variables = nlohmann::json::object();
    const QHash<QString, QString> typed = values();
    for (auto it = typed.cbegin(); it != typed.cend(); ++it)
        variables[it.key().toStdString()] = it.value().toStdString();
    shared::Result<QString> id = m_store.recordUse(m_id, use, variables, m_workspace.accountId(), output);
    if (!id) {
        setMessage(id.error().message);
        return false;
    }
    Q_EMIT used(*id);
    return true;
}

void PromptFillPanel::copy()
{
    if (!m_ok)
        return;
    QGuiApplication::clipboard()->setText(m_rendered);
    if (recordUse(shared::PromptUse::Copied))
        setMessage(Tr::tr("Copied to the clipboard."));
}

void PromptFillPanel::render()
{
    if (recordUse(shared::PromptUse::Rendered))
        setMessage(Tr::tr("Rendered and noted in the usage history."));
}

void PromptFillPanel::setRunner(desktop::PromptRunner *runner)
{
    m_runner = runner;
    m_provider->setVisible(runner != nullptr);
    if (runner)
        connect(runner, &desktop::PromptRunner::availabilityChanged, this, &PromptFillPanel::updateRun);
    updateRun();
}

void PromptFillPanel::updateRun()
{
    // Without a provider there is no Run at all (not a disabled one).
    m_run->setVisible(m_runner && m_runner->isAvailable());
    m_run->setEnabled(m_ok && !m_running);
    m_run->setText(m_running ? Tr::tr("Running…") : Tr::tr("Run"));
}

shared::ChatRequest PromptFillPanel::chatRequest() const
{
    shared::ChatRequest request;
    request.model = shared::textOf(m_fieldsShown, "model");
    request.messages = m_renderedMessages;
    bool ok = false;
    if (const double t = shared::textOf(m_fieldsShown, "temperature").toDouble(&ok); ok)
        request.temperature = t;
    if (const qint64 n = shared::textOf(m_fieldsShown, "max_tokens").toLongLong(&ok); ok && n > 0)
        request.maxTokens = n;
    return request;
}

void PromptFillPanel::run()
{
    if (!m_ok || m_running || !m_runner || !m_runner->isAvailable())
        return;
    // The server renders from the saved prompt: pending edits go first.
    if (m_beforeUse && !m_beforeUse()) {
        setMessage(Tr::tr("The prompt could not be saved, so it was not run."));
        return;
    }
    desktop::PromptRunner::Run request;
    request.promptId = m_id;
    request.values = values();
    request.rendered = chatRequest();
    m_running = true;
    setMessage(QString());
    updateRun();
    m_runner->run(request,
                  [self = QPointer<PromptFillPanel>(this), id = m_id](shared::Result<desktop::PromptRunner::Answer> a) {
                      if (!self)
                          return;
                      self->m_running = false;
                      if (!a) {
                          self->showAnswer(id, a.error());
                      } else {
                          // The server kept its own usage row (it syncs down); the own
                          // provider's run is recorded here, with its answer.
                          if (a->usageId.isEmpty())
                              self->recordUse(shared::PromptUse::Run, a->output);
                          self->showAnswer(id, a->output);
                      }
                      self->updateRun();
                  });
}

void PromptFillPanel::showAnswer(const QString &promptId, const shared::Result<QString> &answer)
{
    if (promptId != m_id)
        return; // the user moved on to another prompt meanwhile
    if (!answer) {
        setMessage(Tr::tr("Run failed: %1").arg(answer.error().message));
        return;
    }
    m_answer->setPlainText(*answer);
    m_answerLabel->show();
    m_answer->show();
}

void PromptFillPanel::openProviderDialog()
{
    if (!m_runner)
        return;
    auto *dialog = new desktop::ProviderDialog(*m_runner, this);
    dialog->setObjectName(QStringLiteral("providerDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace quire::gui
