// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktop/widgets/bodyeditor.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>
#include <memory>

namespace quire::test {

// A BodyEditor in a real window under offscreen, with a media library in a
// temporary folder behind its importer and resolver, and what GUI tests of
// it need: toolbar clicks, typing, and answering the dialogs it opens.
class EditorHarness
{
public:
    using Id = gui::FormatActions::Id;

    EditorHarness()
        : m_window(std::make_unique<QWidget>())
    {
        auto *layout = new QVBoxLayout(m_window.get());
        m_editor = new gui::BodyEditor(m_window.get());
        layout->addWidget(m_editor);
        m_editor->setImageImporter([this](const QByteArray &bytes) -> shared::Result<QString> {
            if (m_refuseImports)
                return shared::Error::make(QStringLiteral("too_large"), QStringLiteral("The image is too large."));
            const QString sha
                = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            QFile file(m_media.filePath(sha));
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                return shared::Error::make(QStringLiteral("io"), file.errorString());
            return QStringLiteral("/media/") + sha;
        });
        m_editor->setMediaResolver([this](const QString &url) {
            const QString path = m_media.filePath(url.section(QLatin1Char('/'), -1));
            return QFile::exists(path) ? path : QString();
        });
        // Wide enough that the toolbar needs no overflow menu.
        m_window->resize(1800, 800);
        m_window->show();
        m_window->activateWindow();
    }

    bool ready() { return QTest::qWaitForWindowActive(m_window.get()); }

    gui::BodyEditor *editor() const { return m_editor; }
    gui::RichTextEdit *rich() const { return m_editor->richEdit(); }
    QPlainTextEdit *source() const { return m_editor->sourceEdit(); }
    QString mediaFile(const QString &url) const { return m_media.filePath(url.section(QLatin1Char('/'), -1)); }
    void refuseImports(bool refuse) { m_refuseImports = refuse; }

    // A fresh text in the rich view, the cursor at its end.
    void start(const QString &markdown = QString())
    {
        // Dialogs closing can leave no window active; shortcuts need one.
        if (QApplication::activeWindow() != m_window.get()) {
            m_window->activateWindow();
            if (!QTest::qWaitForWindowActive(m_window.get()))
                qWarning("the editor's window is not active");
        }
        m_editor->setViewMode(gui::BodyEditor::ViewMode::Rich);
        m_editor->setMarkdown(markdown);
        rich()->setFocus();
        rich()->moveCursor(QTextCursor::End);
    }

    // Types like QTest::keyClicks, with Return for each line break.
    static void type(QWidget *widget, const QString &text)
    {
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(widget, Qt::Key_Return);
            QTest::keyClicks(widget, lines[i]);
        }
    }

    // Clicks the action's toolbar button, like a user.
    bool click(Id id)
    {
        QAction *action = m_editor->action(id);
        auto *button = qobject_cast<QToolButton *>(m_editor->toolBar()->widgetForAction(action));
        if (!button || !button->isVisible() || !button->isEnabled())
            return false;
        m_clicked.insert(id);
        if (const QMenu *menu = button->menu()) {
            // A choice (the view modes): the button's menu offers the
            // command; choosing it there triggers it (a popup's modal loop
            // is left out: offscreen does not give the focus back after it).
            if (!menu->actions().contains(action))
                return false;
            action->trigger();
            return action->isChecked();
        }
        QTest::mouseClick(button, Qt::LeftButton);
        return true;
    }
    const QSet<int> &clicked() const { return m_clicked; }

    // Runs `handle` on the next modal dialog of type T once it is shown;
    // the dialog is opened by what the test does next.
    template<typename T> void onDialog(std::function<void(T *)> handle)
    {
        auto *timer = new QTimer(m_window.get());
        timer->setInterval(20);
        QObject::connect(timer, &QTimer::timeout, timer, [timer, handle] {
            auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible())
                return;
            timer->stop();
            timer->deleteLater();
            handle(dialog);
        });
        timer->start();
    }

private:
    QTemporaryDir m_media;
    std::unique_ptr<QWidget> m_window;
    gui::BodyEditor *m_editor;
    QSet<int> m_clicked;
    bool m_refuseImports = false;
};

} // namespace quire::test
