// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace quire::shared {

// Comma-separated values as RFC 4180 writes them: the reader takes what
// people import (spreadsheet exports with or without a byte-order mark, CRLF
// or LF) and names the line of the first problem; the writer quotes what
// must be quoted and, for files a spreadsheet will open, defuses cells that
// would run as formulas (= + - @ tab CR at the start) with an apostrophe.
class CsvText
{
public:
    // One record and the line (1-based, physical) it starts on: a quoted
    // field may span lines, so the record after it starts further down.
    struct Record
    {
        int line = 0;
        QStringList fields;
    };
    struct Problem
    {
        int line = 0;
        QString message;
    };
    struct Limits
    {
        qsizetype maxRecords = 100000;
        qsizetype maxFields = 64;
        qsizetype maxFieldBytes = 64 * 1024;
    };
    // The records, or the first problem and no records. Blank lines are
    // skipped; the newline after the last record is optional.
    struct Parsed
    {
        QList<Record> records;
        std::optional<Problem> problem;
    };
    static Parsed parse(QByteArrayView bytes, const Limits &limits);
    static Parsed parse(QByteArrayView bytes) { return parse(bytes, Limits {}); }

    enum class Cells { AsIs, GuardFormulas };
    // Each row as one CRLF-terminated line, UTF-8, no byte-order mark.
    static QByteArray write(const QList<QStringList> &rows, Cells cells = Cells::GuardFormulas);
    // `cell` as a spreadsheet will show it and never run it: an apostrophe
    // before what starts like a formula, unless it is a plain number.
    static QString guarded(const QString &cell);
    static bool looksLikeFormula(const QString &cell);
};

} // namespace quire::shared
