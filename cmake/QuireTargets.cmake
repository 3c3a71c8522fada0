# SPDX-License-Identifier: GPL-3.0-or-later
# Settings every Quire target shares: strict warnings on our own code only
# (Qt and the other imported targets come in as system headers).
function(quire_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wno-error=deprecated-declarations)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_NO_FOREACH)
    target_include_directories(${target} PUBLIC
        $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
        $<BUILD_INTERFACE:${CMAKE_BINARY_DIR}/generated>)
endfunction()

# One-way dependencies, checked when CMake configures. A project header is a
# quoted include whose first folder is one of the project's (shared/...,
# server/..., desktop/...). quire_check_includes() fails configuration,
# naming each file and include, when one of `FILES` includes a project
# header outside the ALLOW entries (a folder, which allows everything under
# it, or one file), or any header matching a FORBID regular expression (Qt's
# <QSqlQuery>, say). It works in script mode too (cmake -P), which is how
# tests/cmake/tst_allowedincludes.cmake proves it fires.
function(quire_check_includes)
    cmake_parse_arguments(C "" "ROOT;WHAT" "FILES;ALLOW;FORBID" ${ARGN})
    set(problems "")
    foreach(file IN LISTS C_FILES)
        file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
        foreach(line IN LISTS lines)
            if(NOT line MATCHES "#[ \t]*include[ \t]*([<\"])([^>\"]+)[>\"]")
                continue()
            endif()
            set(quoted "${CMAKE_MATCH_1}")
            set(header "${CMAKE_MATCH_2}")
            cmake_path(RELATIVE_PATH file BASE_DIRECTORY "${C_ROOT}" OUTPUT_VARIABLE shown)
            foreach(pattern IN LISTS C_FORBID)
                if(header MATCHES "${pattern}")
                    list(APPEND problems "  ${shown}: includes <${header}> (forbidden: ${pattern})")
                endif()
            endforeach()
            if(NOT quoted STREQUAL "\"" OR NOT header MATCHES "^([^/]+)/")
                continue()
            endif()
            if(NOT IS_DIRECTORY "${C_ROOT}/${CMAKE_MATCH_1}")
                continue() # not one of ours
            endif()
            set(allowed FALSE)
            foreach(entry IN LISTS C_ALLOW)
                string(LENGTH "${entry}/" length)
                string(SUBSTRING "${header}" 0 ${length} head)
                if(header STREQUAL entry OR head STREQUAL "${entry}/")
                    set(allowed TRUE)
                    break()
                endif()
            endforeach()
            if(NOT allowed)
                list(APPEND problems "  ${shown}: includes \"${header}\"")
            endif()
        endforeach()
    endforeach()
    if(problems)
        list(JOIN problems "\n" text)
        list(JOIN C_ALLOW ", " allow)
        message(FATAL_ERROR "${C_WHAT} may include only project headers from ${allow}; these break that rule:\n${text}")
    endif()
endfunction()

# quire_allowed_includes(<target> ALLOW <folder or file>... [FORBID <regex>...])
# checks every listed source of <target> (paths relative to the project
# root). Call it after the target's source list is complete.
function(quire_allowed_includes target)
    cmake_parse_arguments(A "" "" "ALLOW;FORBID" ${ARGN})
    get_target_property(sources ${target} SOURCES)
    get_target_property(dir ${target} SOURCE_DIR)
    set(files "")
    foreach(source IN LISTS sources)
        if(source MATCHES "\\$<" OR NOT source MATCHES "\\.(h|hpp|cpp|cc|cxx)$")
            continue()
        endif()
        cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${dir}" NORMALIZE OUTPUT_VARIABLE path)
        cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${path}" generated)
        if(NOT generated AND EXISTS "${path}")
            list(APPEND files "${path}")
        endif()
    endforeach()
    quire_check_includes(ROOT "${PROJECT_SOURCE_DIR}" WHAT ${target} FILES ${files} ALLOW ${A_ALLOW} FORBID ${A_FORBID})
endfunction()
