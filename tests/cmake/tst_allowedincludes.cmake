# SPDX-License-Identifier: GPL-3.0-or-later
# Proves that quire_check_includes() (cmake/QuireTargets.cmake), which
# configuration runs on every library, fails on a forbidden include and
# names the file and the include, and passes what is allowed. Runs as
# cmake -DQUIRE_TARGETS=<QuireTargets.cmake> -DWORK=<scratch folder> -P this.
# Each case runs in a cmake -P of its own (this file with CASE set), since a
# FATAL_ERROR ends the process.

if(DEFINED CASE)
    include("${QUIRE_TARGETS}")
    string(REPLACE "," ";" files "${FILES}")
    string(REPLACE "," ";" allow "${ALLOW}")
    string(REPLACE "," ";" forbid "${FORBID}")
    list(TRANSFORM files PREPEND "${WORK}/")
    quire_check_includes(ROOT "${WORK}" WHAT ${CASE} FILES ${files} ALLOW ${allow} FORBID ${forbid})
    return()
endif()

file(REMOVE_RECURSE "${WORK}")
# A project of folders like ours; the checker tells project headers by them.
file(WRITE "${WORK}/shared/result.h" "#pragma once\n")
file(WRITE "${WORK}/server/http/door.cpp"
     "#include \"server/http/door.h\"\n#include \"shared/result.h\"\n#include <QByteArray>\n#include \"door.moc\"\n")
file(WRITE "${WORK}/server/http/bad.cpp"
     "#include \"server/http/door.h\"\n  #  include \"server/auth/accountstore.h\"\n")
file(WRITE "${WORK}/server/httpish/near.cpp" "#include \"server/httpx/near.h\"\n")
file(WRITE "${WORK}/server/context.cpp" "#include \"server/servercontext.h\"\n")
file(WRITE "${WORK}/server/wider.cpp" "#include \"server/server.h\"\n")
file(WRITE "${WORK}/desktop/widgets/view.cpp" "#include \"shared/result.h\"\n#include <QSqlQuery>\n")

# expect(<name> PASS|FAIL FILES a,b ALLOW x,y [FORBID r] [OUTPUT <regex>...])
function(expect name outcome)
    cmake_parse_arguments(E "" "FILES;ALLOW;FORBID" "OUTPUT" ${ARGN})
    execute_process(
        COMMAND "${CMAKE_COMMAND}" -DCASE=${name} "-DQUIRE_TARGETS=${QUIRE_TARGETS}" "-DWORK=${WORK}"
                "-DFILES=${E_FILES}" "-DALLOW=${E_ALLOW}" "-DFORBID=${E_FORBID}" -P "${CMAKE_CURRENT_LIST_FILE}"
        RESULT_VARIABLE result
        OUTPUT_VARIABLE out
        ERROR_VARIABLE out)
    if(outcome STREQUAL "PASS" AND NOT result EQUAL 0)
        message(FATAL_ERROR "${name}: the check refused allowed includes:\n${out}")
    endif()
    if(outcome STREQUAL "FAIL" AND result EQUAL 0)
        message(FATAL_ERROR "${name}: the check let a forbidden include through:\n${out}")
    endif()
    foreach(pattern IN LISTS E_OUTPUT)
        if(NOT out MATCHES "${pattern}")
            message(FATAL_ERROR "${name}: the message does not say '${pattern}':\n${out}")
        endif()
    endforeach()
    message(STATUS "${name}: ${outcome} as expected")
endfunction()

expect(allowed PASS FILES server/http/door.cpp ALLOW shared,server/http)
expect(feature_in_transport FAIL FILES server/http/door.cpp,server/http/bad.cpp ALLOW shared,server/http
       OUTPUT "server/http/bad.cpp: includes \"server/auth/accountstore.h\"" "quire_check_includes|may include only")
expect(folder_is_no_prefix FAIL FILES server/httpish/near.cpp ALLOW server/http
       OUTPUT "server/httpish/near.cpp: includes \"server/httpx/near.h\"")
expect(one_file_allowed PASS FILES server/context.cpp ALLOW server/servercontext.h)
expect(one_file_only FAIL FILES server/wider.cpp ALLOW server/servercontext.h
       OUTPUT "server/wider.cpp: includes \"server/server.h\"")
expect(forbidden_system_header FAIL FILES desktop/widgets/view.cpp ALLOW shared,desktop/widgets FORBID ^QSql
       OUTPUT "desktop/widgets/view.cpp: includes <QSqlQuery>")
expect(system_header_allowed PASS FILES desktop/widgets/view.cpp ALLOW shared FORBID ^QtNetwork/)
