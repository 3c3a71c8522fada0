// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace quire::gui {

// Stands in for a section that is not built yet and says so plainly,
// rather than showing an empty list that looks like missing data.
class PlaceholderView final : public QWidget
{
    Q_OBJECT
public:
    PlaceholderView(const QString &title, const QString &explanation, QWidget *parent = nullptr);
};

} // namespace quire::gui
