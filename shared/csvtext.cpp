// SPDX-License-Identifier: GPL-3.0-or-later
#include "shared/csvtext.h"

#include "shared/tr.h"
#include "shared/utf8.h"

namespace quire::shared {

namespace {

// The line of the first byte that is no UTF-8, or 0 when all of it is.
int firstBadUtf8Line(QByteArrayView bytes)
{
    const std::optional<qsizetype> at = Utf8::firstInvalid(bytes);
    return at ? int(bytes.first(*at).count('\n')) + 1 : 0;
}

bool isPlainNumber(const QString &cell)
{
    qsizetype i = 0;
    if (i < cell.size() && (cell[i] == QLatin1Char('-') || cell[i] == QLatin1Char('+')))
        ++i;
    const qsizetype digitsFrom = i;
    while (i < cell.size() && cell[i].isDigit() && cell[i].unicode() < 128)
        ++i;
    if (i == digitsFrom)
        return false;
    if (i < cell.size() && cell[i] == QLatin1Char('.')) {
        const qsizetype fraction = ++i;
        while (i < cell.size() && cell[i].isDigit() && cell[i].unicode() < 128)
            ++i;
        if (i == fraction)
            return false;
    }
    return i == cell.size();
}

} // namespace

CsvText::Parsed CsvText::parse(QByteArrayView bytes, const Limits &limits)
{
    Parsed out;
    const auto fail = [&out](int line, const char *message) {
        out.records.clear();
        out.problem = Problem { line, Tr::tr(message) };
        return out;
    };
    if (const int bad = firstBadUtf8Line(bytes))
        return fail(bad, QT_TRANSLATE_NOOP("Quire::Shared", "This line is not UTF-8 text."));
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype n = bytes.size();
    int line = 1;
    while (i < n) {
        Record record { line, {} };
        bool endOfRecord = false;
        bool quoted = false;
        while (!endOfRecord) {
            QByteArray field;
            if (i < n && bytes[i] == '"') {
                const int opened = line;
                quoted = true;
                ++i;
                bool closed = false;
                while (i < n) {
                    const char c = bytes[i];
                    if (c == '"') {
                        if (i + 1 < n && bytes[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n')
                        ++line;
                    field += c;
                    ++i;
                    if (field.size() > limits.maxFieldBytes)
                        return fail(opened, QT_TRANSLATE_NOOP("Quire::Shared", "A field on this line is too long."));
                }
                if (!closed)
                    return fail(opened, QT_TRANSLATE_NOOP("Quire::Shared", "A quoted field here is never closed."));
                if (i < n && bytes[i] != ',' && bytes[i] != '\n'
                    && !(bytes[i] == '\r' && i + 1 < n && bytes[i + 1] == '\n'))
                    return fail(line,
                                QT_TRANSLATE_NOOP("Quire::Shared",
                                                  "Only a comma or the line's end may follow a closing quote."));
            } else {
                while (i < n && bytes[i] != ',' && bytes[i] != '\n') {
                    if (bytes[i] == '"')
                        return fail(
                            line,
                            QT_TRANSLATE_NOOP("Quire::Shared", "A quote inside a field that does not start with one."));
                    if (bytes[i] == '\r') {
                        if (i + 1 < n && bytes[i + 1] == '\n')
                            break;
                        return fail(
                            line, QT_TRANSLATE_NOOP("Quire::Shared", "A carriage return that does not end the line."));
                    }
                    field += bytes[i];
                    ++i;
                    if (field.size() > limits.maxFieldBytes)
                        return fail(line, QT_TRANSLATE_NOOP("Quire::Shared", "A field on this line is too long."));
                }
            }
            record.fields << Utf8::decode(field);
            if (record.fields.size() > limits.maxFields)
                return fail(record.line, QT_TRANSLATE_NOOP("Quire::Shared", "This line has too many fields."));
            if (i >= n) {
                endOfRecord = true;
            } else if (bytes[i] == ',') {
                ++i;
            } else {
                i += bytes[i] == '\r' ? 2 : 1; // CRLF or LF
                ++line;
                endOfRecord = true;
            }
        }
        if (!quoted && record.fields.size() == 1 && record.fields.first().isEmpty())
            continue;
        if (out.records.size() >= limits.maxRecords)
            return fail(record.line, QT_TRANSLATE_NOOP("Quire::Shared", "The file has too many lines."));
        out.records << record;
    }
    return out;
}

bool CsvText::looksLikeFormula(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    const QChar first = cell.front();
    const bool trigger = first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
        || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r');
    return trigger && !isPlainNumber(cell);
}

QString CsvText::guarded(const QString &cell)
{
    return looksLikeFormula(cell) ? QLatin1Char('\'') + cell : cell;
}

QByteArray CsvText::write(const QList<QStringList> &rows, Cells cells)
{
    QByteArray out;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                out += ',';
            const QByteArray text = (cells == Cells::GuardFormulas ? guarded(row[c]) : row[c]).toUtf8();
            // A lone empty field is quoted so the line is not read as blank,
            // and a byte-order mark opening the file so it is not dropped.
            const bool quote = text.contains(',') || text.contains('"') || text.contains('\n') || text.contains('\r')
                || (row.size() == 1 && text.isEmpty()) || (out.isEmpty() && text.startsWith("\xEF\xBB\xBF"));
            if (quote) {
                out += '"';
                out += QByteArray(text).replace('"', "\"\"");
                out += '"';
            } else {
                out += text;
            }
        }
        out += "\r\n";
    }
    return out;
}

} // namespace quire::shared
