// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shared/promptnames.h"
#include "shared/promptrenderer.h"

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
class PromptFillPanel final : public QWidget
{
    Q_OBJECT
public:
    PromptFillPanel(desktop::Workspace &workspace, desktop::PromptStore &store, QWidget *parent = nullptr);

    // The prompt `id` with its fields as on screen (a changed template
    // rebuilds the form, keeping the values typed for the same names).
    void showPrompt(const QString &id, const nlohmann::json &fields);
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
    // The user's preference: keep the values with each use.
    QCheckBox *keepValuesCheck() const { return m_keepValues; }

    // Makes `label` say what is wrong in a red that reads on the light and
    // the dark palette (BrightText is white on light themes).
    static void styleAsError(QLabel *label);

    // Copies the rendered text and records it as copied.
    void copy();
    // Records it as rendered.
    void render();

Q_SIGNALS:
    void used(const QString &usageId);

private:
    void rebuildForm(const QList<shared::TemplateVariable> &variables);
    void update();
    QHash<QString, QString> values() const;
    bool recordUse(shared::PromptUse use);
    void setMessage(const QString &text);

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
    QCheckBox *m_keepValues;
    QString m_rendered;
    bool m_ok = false;
    std::function<bool()> m_beforeUse;
};

} // namespace quire::gui
