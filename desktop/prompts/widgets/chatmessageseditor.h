// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPlainTextEdit;
class QVBoxLayout;

namespace quire::gui {

// A chat prompt's messages: one row per message, its role (system, user,
// assistant) and its text, in order; messages are added at the end and
// removed one by one. Read and written as the prompts table's `messages`
// column (a JSON list of {role, content}).
class ChatMessagesEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit ChatMessagesEditor(QWidget *parent = nullptr);

    // Shows `json` (not an edit: changed() is not emitted).
    void setMessagesJson(const QString &json);
    QString messagesJson() const;
    int count() const;
    // The text editor of message `index`, for plugging in highlighters and tests.
    QPlainTextEdit *textEdit(int index) const;

public Q_SLOTS:
    void addMessage(const QString &role = QString(), const QString &content = QString());

Q_SIGNALS:
    void changed();
    // A message's editor was made (to attach a highlighter or completer).
    void textEditAdded(QPlainTextEdit *edit);

private:
    void removeRow(QWidget *row);

    QVBoxLayout *m_rows;
    bool m_loading = false;
};

} // namespace quire::gui
