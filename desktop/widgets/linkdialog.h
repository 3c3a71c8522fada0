// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace quire::gui {

// Asks for a link's text and address, for a new link or the one under the
// cursor (which it can also remove). Accepts only the addresses the site
// keeps as links (http, https, mailto and site-relative; the rule of
// shared::MarkdownRenderer), and says so instead of closing; a bare
// "example.org" becomes https://example.org.
class LinkDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit LinkDialog(QWidget *parent = nullptr);

    // Fills the fields; `editing` offers "Remove Link".
    void setLink(const QString &text, const QString &url, bool editing);
    QString text() const;
    QString url() const;
    bool removeRequested() const { return m_remove; }

    // The address as it will be stored, or empty with `why` set.
    static QString checkedUrl(const QString &input, QString *why);

    void accept() override;

private:
    QLineEdit *m_text;
    QLineEdit *m_url;
    QLabel *m_problem;
    QPushButton *m_removeButton;
    bool m_remove = false;
};

} // namespace quire::gui
