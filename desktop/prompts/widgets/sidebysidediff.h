// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableWidget>

namespace quire::gui {

// Two texts side by side, line against line (shared::TextDiff): unchanged
// lines on both sides, a removed line on the left facing the line that
// replaced it on the right. Changed lines carry a sign and a colour, so
// the difference does not rest on colour alone.
class SideBySideDiff final : public QTableWidget
{
    Q_OBJECT
public:
    explicit SideBySideDiff(QWidget *parent = nullptr);

    void setTexts(const QString &beforeTitle, const QString &before, const QString &afterTitle, const QString &after);
    void clearTexts();
    // How many lines were removed and added in what is shown.
    int removedLines() const { return m_removed; }
    int addedLines() const { return m_added; }

private:
    int m_removed = 0;
    int m_added = 0;
};

} // namespace quire::gui
