// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace quire::test {

// Registers the test-only synced type "test_notes": a table that uses every
// column type and merge rule, private to each owner. It exists to prove
// that a type is one declaration plus its access rules: it is declared
// here, in its own folder, and nothing outside it names it. Call before
// any server or replica opens a database.
void registerTestNotes();

} // namespace quire::test
