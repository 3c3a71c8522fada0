// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/prompts/widgets/chatmessageseditor.h"

#include "desktop/widgets/tr.h"
#include "shared/jsonqt.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace quire::gui {

namespace {

// The roles of OpenAI-compatible chat messages (wire names, not translated).
const QStringList &roles()
{
    static const QStringList r { QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("assistant") };
    return r;
}

QString roleLabel(const QString &role)
{
    if (role == QLatin1String("system"))
        return Tr::tr("System");
    if (role == QLatin1String("user"))
        return Tr::tr("User");
    if (role == QLatin1String("assistant"))
        return Tr::tr("Assistant");
    return role;
}

constexpr int kMessageLines = 4;

} // namespace

ChatMessagesEditor::ChatMessagesEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chatMessagesEditor"));
    auto *inner = new QWidget;
    m_rows = new QVBoxLayout(inner);
    m_rows->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(inner);
    auto *add = new QPushButton(Tr::tr("Add &Message"), this);
    add->setObjectName(QStringLiteral("addMessageButton"));
    connect(add, &QPushButton::clicked, this, [this] {
        addMessage();
        Q_EMIT changed();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(add, 0, Qt::AlignLeft);
}

void ChatMessagesEditor::addMessage(const QString &role, const QString &content)
{
    auto *row = new QWidget;
    row->setObjectName(QStringLiteral("messageRow"));
    auto *roleBox = new QComboBox(row);
    roleBox->setObjectName(QStringLiteral("roleCombo"));
    roleBox->setAccessibleName(Tr::tr("Role"));
    for (const QString &r : roles())
        roleBox->addItem(roleLabel(r), r);
    // A role this version does not know stays as it is.
    if (!role.isEmpty() && roleBox->findData(role) < 0)
        roleBox->addItem(role, role);
    // A new message answers the last one: user after system, and so on.
    const QString wanted = role.isEmpty() ? (count() == 0 ? roles()[0] : roles()[1]) : role;
    roleBox->setCurrentIndex(roleBox->findData(wanted));
    auto *text = new QPlainTextEdit(row);
    text->setObjectName(QStringLiteral("messageEdit"));
    text->setAccessibleName(Tr::tr("Message"));
    text->setPlaceholderText(Tr::tr("The message; {{variables}} are filled in when used"));
    text->setPlainText(content);
    text->setTabChangesFocus(true);
    text->setFixedHeight(text->fontMetrics().lineSpacing() * kMessageLines + 2 * text->frameWidth() + 8);
    auto *remove = new QToolButton(row);
    remove->setObjectName(QStringLiteral("removeMessageButton"));
    remove->setText(Tr::tr("Remove"));
    remove->setToolTip(Tr::tr("Remove this message"));
    auto *top = new QHBoxLayout;
    top->addWidget(roleBox);
    top->addStretch(1);
    top->addWidget(remove);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(text);
    m_rows->insertWidget(m_rows->count() - 1, row);
    connect(roleBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            Q_EMIT changed();
    });
    connect(text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            Q_EMIT changed();
    });
    connect(remove, &QToolButton::clicked, this, [this, row] { removeRow(row); });
    Q_EMIT textEditAdded(text);
}

void ChatMessagesEditor::removeRow(QWidget *row)
{
    m_rows->removeWidget(row);
    row->deleteLater();
    row->hide();
    row->setParent(nullptr); // gone from count() and messagesJson() at once
    Q_EMIT changed();
}

void ChatMessagesEditor::setMessagesJson(const QString &json)
{
    m_loading = true;
    while (m_rows->count() > 1) {
        QWidget *row = m_rows->itemAt(0)->widget();
        m_rows->removeWidget(row);
        delete row;
    }
    const nlohmann::json parsed = nlohmann::json::parse(json.toStdString(), nullptr, false);
    if (parsed.is_array()) {
        for (const nlohmann::json &m : parsed)
            addMessage(shared::textOf(m, "role"), shared::textOf(m, "content"));
    }
    m_loading = false;
}

QString ChatMessagesEditor::messagesJson() const
{
    nlohmann::json list = nlohmann::json::array();
    for (int i = 0; i < count(); ++i) {
        QWidget *row = m_rows->itemAt(i)->widget();
        const auto *role = row->findChild<QComboBox *>(QStringLiteral("roleCombo"));
        list.push_back({ { "role", role->currentData().toString().toStdString() },
                         { "content", textEdit(i)->toPlainText().toStdString() } });
    }
    return QString::fromStdString(list.dump());
}

int ChatMessagesEditor::count() const
{
    return m_rows->count() - 1; // the stretch at the end
}

QPlainTextEdit *ChatMessagesEditor::textEdit(int index) const
{
    if (index < 0 || index >= count())
        return nullptr;
    return m_rows->itemAt(index)->widget()->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
}

} // namespace quire::gui
