// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes CsvText (shared/csvtext), the reader of imported metrics files and
// the writer of exported ones: any input is read without crashing into
// records or a problem on a line that exists; what was read, written again
// without the formula guard, reads back to the same records; and written
// with the guard, no cell starts a formula.
#include "shared/csvtext.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using quire::shared::CsvText;

[[noreturn]] void fail(const char *what, const uint8_t *data, size_t size)
{
    std::fprintf(stderr, "fuzz_csv: %s\n--- input ---\n%.*s\n", what, int(size), reinterpret_cast<const char *>(data));
    std::abort();
}

QList<QStringList> fieldsOf(const CsvText::Parsed &parsed)
{
    QList<QStringList> out;
    for (const CsvText::Record &r : parsed.records)
        out << r.fields;
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    CsvText::Limits limits;
    limits.maxRecords = 1000;
    limits.maxFields = 64;
    limits.maxFieldBytes = 4096;
    const CsvText::Parsed parsed = CsvText::parse(bytes, limits);
    const int lines = int(bytes.count('\n')) + 1;
    if (parsed.problem) {
        if (!parsed.records.isEmpty())
            fail("records came with a problem", data, size);
        if (parsed.problem->line < 1 || parsed.problem->line > lines)
            fail("the problem names a line the input does not have", data, size);
        return 0;
    }
    int previous = 0;
    for (const CsvText::Record &r : parsed.records) {
        if (r.line <= previous || r.line > lines || r.fields.isEmpty())
            fail("records out of order, beyond the input or without fields", data, size);
        previous = r.line;
    }
    const QList<QStringList> rows = fieldsOf(parsed);
    const CsvText::Parsed again = CsvText::parse(CsvText::write(rows, CsvText::Cells::AsIs), limits);
    if (again.problem || fieldsOf(again) != rows)
        fail("what was read does not read back the same once written", data, size);
    // The guard's apostrophe makes a cell one byte longer.
    CsvText::Limits guardedLimits = limits;
    guardedLimits.maxFieldBytes += 1;
    const CsvText::Parsed guarded = CsvText::parse(CsvText::write(rows), guardedLimits);
    if (guarded.problem || guarded.records.size() != rows.size())
        fail("the guarded file does not read back", data, size);
    for (const CsvText::Record &r : guarded.records) {
        for (const QString &cell : r.fields) {
            if (CsvText::looksLikeFormula(cell))
                fail("a guarded cell still starts a formula", data, size);
        }
    }
    return 0;
}
