// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/chatprovider.h"
#include "shared/promptnames.h"
#include "shared/promptrenderer.h"
#include "shared/result.h"

#include <QHash>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <functional>

class QCheckBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace quire::desktop {
class PromptRunner;
class PromptStore;
class Workspace;
} // namespace quire::desktop

namespace quire::gui {

// Uses a prompt: a form built from its template's variables (a text field,
// a number spin box or a choice box each, defaults filled in, what is
// wrong with a value shown under its field), the rendered result as the
// values are typed, Copy (to the clipboard) and Render; both record the
// use in the usage history (the values only when the user's preferences
// keep them). Includes of other prompts are resolved on the replica.
// With a provider (PromptRunner), Run sends the rendered prompt and shows
// the answer below (read-only, copyable) or what went wrong; Provider…
// sets up the profile's own.
class PromptFillPanel final : public QWidget
{
    Q_OBJECT
public:
    PromptFillPanel(desktop::Workspace &workspace, desktop::PromptStore &store, QWidget *parent = nullptr);

    // The prompt `id` with its fields as on screen (a changed template
    // rebuilds the form, keeping the values typed for the same names).
    void showPrompt(const QString &id, const nlohmann::json &fields);
    // Shows Run (while the runner has a provider) and Provider….
    void setRunner(desktop::PromptRunner *runner);
    // Called before a use is recorded: writes the editor's pending edits.
    void setBeforeUse(std::function<bool()> save) { m_beforeUse = std::move(save); }

    QString renderedText() const { return m_rendered; }
    // The template's variables, in order of first use.
    QStringList variableNames() const;
    bool canUse() const { return m_ok; }
    // The field of variable `name` (a QLineEdit, QDoubleSpinBox or QComboBox).
    QWidget *field(const QString &name) const { return m_fields.value(name); }
    QLabel *fieldError(const QString &name) const { return m_errors.value(name); }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *renderButton() const { return m_render; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *providerButton() const { return m_provider; }
    QPlainTextEdit *answerView() const { return m_answer; }
    // The user's preference: keep the values with each use.
    QCheckBox *keepValuesCheck() const { return m_keepValues; }

    // Makes `label` say what is wrong in a red that reads on the light and
    // the dark palette (BrightText is white on light themes).
    static void styleAsError(QLabel *label);

    // Copies the rendered text and records it as copied.
    void copy();
    // Records it as rendered.
    void render();
    // Sends it to the provider; the answer (or the error) shows when it comes.
    void run();
    void openProviderDialog();

Q_SIGNALS:
    void used(const QString &usageId);

private:
    void rebuildForm(const QList<shared::TemplateVariable> &variables);
    void update();
    QHash<QString, QString> values() const;
    bool recordUse(shared::PromptUse use, const QString &output = {});
    void setMessage(const QString &text);
    void updateRun();
    void showAnswer(const QString &promptId, const shared::Result<QString> &answer);
    shared::ChatRequest chatRequest() const;

    desktop::Workspace &m_workspace;
    desktop::PromptStore &m_store;
    QString m_id;
    nlohmann::json m_fieldsShown;
    QList<shared::TemplateVariable> m_variables;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QLabel *> m_errors;
    QWidget *m_form;
    QFormLayout *m_formLayout;
    QLabel *m_noVariables;
    QLabel *m_message;
    QPlainTextEdit *m_result;
    QPushButton *m_copy;
    QPushButton *m_render;
    QPushButton *m_run;
    QPushButton *m_provider;
    QLabel *m_answerLabel;
    QPlainTextEdit *m_answer;
    desktop::PromptRunner *m_runner = nullptr;
    bool m_running = false;
    QCheckBox *m_keepValues;
    QString m_rendered;
    QList<shared::ChatMessage> m_renderedMessages; // what Run sends
    bool m_ok = false;
    std::function<bool()> m_beforeUse;
};

} // namespace quire::gui
