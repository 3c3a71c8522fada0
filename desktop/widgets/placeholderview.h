// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;
class QVBoxLayout;

namespace quire::gui {

// An empty place that says what belongs there and offers the next step
// ("No guides yet" and New Guide), rather than an empty list that looks
// like missing data.
class PlaceholderView final : public QWidget
{
    Q_OBJECT
public:
    PlaceholderView(const QString &title, const QString &explanation, QWidget *parent = nullptr);

    // The next step, as a button under the text (one per view).
    QPushButton *setAction(const QString &text);

private:
    QVBoxLayout *m_layout;
};

} // namespace quire::gui
