# SPDX-License-Identifier: GPL-3.0-or-later
# Server feature code speaks no SQL that only SQLite understands: what an
# engine spells its own way (JSON functions, full-text search, upserts,
# pragmas, case-insensitive collation, row keys, attached files) goes
# through shared/sqldialect.h or shared/database.h, so a second engine is one
# more dialect and touches no feature. Fails naming each file and token.
# The migrations (server/servermigrations.cpp) are one engine's schema
# history and are not scanned. First proves, on a scratch file, that every
# token is caught. Runs as cmake -DROOT=<source dir> -DWORK=<scratch> -P this.

set(tokens
    "json_each" "json_group_array" "json_extract" "json_valid" "json_array" "json_object"
    "strftime[(]" "datetime[(]" "julianday[(]" "unixepoch[(]" "GLOB" "IFNULL" "ifnull[(]"
    "INSERT OR" "REPLACE INTO" "rowid" "NOCASE" "last_insert_rowid" "PRAGMA" "pragma_"
    "randomblob" "ATTACH DATABASE" "DETACH DATABASE" "instr[(]" "bm25[(]" "snippet[(]" " MATCH "
    "sqlite_master" "sqlite_schema" "WITHOUT ROWID")

# Sets `out` in the caller to "<file>: <token>" lines for `files`.
function(scan out)
    set(hits "")
    foreach(file IN LISTS ARGN)
        file(READ "${file}" text)
        foreach(token IN LISTS tokens)
            if(text MATCHES "${token}")
                list(APPEND hits "${file}: ${CMAKE_MATCH_0}")
            endif()
        endforeach()
    endforeach()
    set(${out} "${hits}" PARENT_SCOPE)
endfunction()

# The check fires: a file with every token is named once per token.
file(REMOVE_RECURSE "${WORK}")
set(sample "")
foreach(token IN LISTS tokens)
    string(REPLACE "[(]" "(" plain "${token}")
    string(APPEND sample "    db.run(QStringLiteral(\"${plain} x\"));\n")
endforeach()
file(WRITE "${WORK}/sample.cpp" "${sample}")
file(WRITE "${WORK}/clean.cpp" "QString rowId; // globalMatch, ON CONFLICT (key) DO NOTHING, RETURNING id\n")
scan(hits "${WORK}/sample.cpp" "${WORK}/clean.cpp")
list(LENGTH hits found)
list(LENGTH tokens expected)
if(NOT found EQUAL expected)
    message(FATAL_ERROR "the check caught ${found} of ${expected} tokens:\n${hits}")
endif()

file(GLOB_RECURSE sources
    "${ROOT}/server/accounts/*.cpp" "${ROOT}/server/accounts/*.h"
    "${ROOT}/server/articles/*.cpp" "${ROOT}/server/articles/*.h"
    "${ROOT}/server/media/*.cpp" "${ROOT}/server/media/*.h"
    "${ROOT}/server/prompts/*.cpp" "${ROOT}/server/prompts/*.h"
    "${ROOT}/server/collections/*.cpp" "${ROOT}/server/collections/*.h"
    "${ROOT}/server/sync/*.cpp" "${ROOT}/server/sync/*.h"
    "${ROOT}/server/site/*.cpp" "${ROOT}/server/site/*.h"
    "${ROOT}/server/*.cpp" "${ROOT}/server/*.h")
list(FILTER sources EXCLUDE REGEX "/server/servermigrations[.](cpp|h)$")
list(LENGTH sources count)
if(count LESS 20)
    message(FATAL_ERROR "only ${count} server sources found under ${ROOT}")
endif()
scan(hits ${sources})
if(hits)
    string(REPLACE ";" "\n" lines "${hits}")
    message(FATAL_ERROR "SQL only SQLite speaks, outside the dialect:\n${lines}")
endif()
message(STATUS "${count} server sources speak portable SQL")
