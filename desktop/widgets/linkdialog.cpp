// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/widgets/linkdialog.h"

#include "desktop/widgets/tr.h"
#include "shared/markdownrenderer.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace quire::gui {

LinkDialog::LinkDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("linkDialog"));
    setWindowTitle(Tr::tr("Link"));
    m_text->setObjectName(QStringLiteral("linkTextField"));
    m_url->setObjectName(QStringLiteral("linkUrlField"));
    m_problem->setObjectName(QStringLiteral("linkProblem"));
    m_url->setPlaceholderText(QStringLiteral("https://"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::BrightText);
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_removeButton = buttons->addButton(Tr::tr("&Remove Link"), QDialogButtonBox::DestructiveRole);
    m_removeButton->setObjectName(QStringLiteral("removeLinkButton"));
    m_removeButton->hide();
    connect(buttons, &QDialogButtonBox::accepted, this, &LinkDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LinkDialog::reject);
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        m_remove = true;
        QDialog::accept();
    });

    auto *form = new QFormLayout(this);
    form->addRow(Tr::tr("&Text:"), m_text);
    form->addRow(Tr::tr("&Address:"), m_url);
    form->addRow(m_problem);
    form->addRow(buttons);
    m_url->setFocus();
}

void LinkDialog::setLink(const QString &text, const QString &url, bool editing)
{
    m_text->setText(text);
    m_url->setText(url);
    m_removeButton->setVisible(editing);
    setWindowTitle(editing ? Tr::tr("Edit Link") : Tr::tr("Insert Link"));
}

QString LinkDialog::text() const
{
    return m_text->text();
}

QString LinkDialog::url() const
{
    QString why;
    return checkedUrl(m_url->text(), &why);
}

QString LinkDialog::checkedUrl(const QString &input, QString *why)
{
    QString url = input.trimmed();
    if (url.isEmpty()) {
        *why = Tr::tr("Enter the address the link goes to.");
        return {};
    }
    // "example.org/page" is meant as a web address, not a page of this site.
    static const QRegularExpression bareHost(QStringLiteral("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(/|$)"));
    if (bareHost.match(url).hasMatch())
        url.prepend(QStringLiteral("https://"));
    if (!shared::MarkdownRenderer::isSafeUrl(url.toUtf8())) {
        *why = Tr::tr("Links can go to web pages (http, https), e-mail addresses (mailto) or pages of this site "
                      "(starting with /). Other kinds, such as javascript: or data:, are removed from published "
                      "pages and are not allowed.");
        return {};
    }
    return url;
}

void LinkDialog::accept()
{
    QString why;
    if (checkedUrl(m_url->text(), &why).isEmpty()) {
        m_problem->setText(why);
        m_problem->show();
        m_url->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace quire::gui
