# SPDX-License-Identifier: Apache-2.0
# host.cmake: how host code (tools, tenders, host unit tests) is compiled,
# usable from every folder.
#
#   ingot_host_target(tgt [SANITIZE | NO_SANITIZE])
#       warnings and feature macros for a host target; ASan and UBSan when
#       INGOT_SANITIZE is on or SANITIZE is given, never with NO_SANITIZE
#       (a program whose address space must stay its own, like a tender).
#   ingot_host_library(name SOURCES ... [INCLUDES dir...]
#                      [SYSTEM_INCLUDES dir...] [LINK lib...])
#       a static host library; INCLUDES are public, SYSTEM_INCLUDES private,
#       LINK public.  With the tests built, also <name>-san: the same sources
#       and settings under sanitizers, linking the -san twin of each library
#       in LINK that has one, for the host unit tests and fuzz targets to
#       link (with INGOT_FUZZ, also built for libFuzzer's coverage).
#   ingot_host_test(NAME name SOURCES ... [TARGET tgt] [INCLUDES dir...]
#                   [LINK lib...] [ARGS arg...] [UBSAN_ONLY])
#       a host unit test under sanitizers (UBSan alone with UBSAN_ONLY, for
#       code ASan cannot follow, like hand-made stack switches), built
#       into INGOT_UNIT_DIR
#       (target tgt, default test_<name>) and registered with ctest as
#       unit.<name>, run with ARGS.  Tests include "unit.h" (tests/unit)
#       and may include <ingot/...> headers of the library OS.
#
# INGOT_UNIT_DIR (<build>/tests/unit) holds the test programs and the
# fixture images tests/unit/CMakeLists.txt builds (target
# ingot-unit-fixtures).
set(INGOT_UNIT_DIR ${CMAKE_BINARY_DIR}/tests/unit)

set(INGOT_SANITIZE_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all -g)

function(ingot_host_target tgt)
  cmake_parse_arguments(arg "SANITIZE;NO_SANITIZE" "" "" ${ARGN})
  target_compile_options(${tgt} PRIVATE -Wall -Wextra)
  target_compile_definitions(${tgt} PRIVATE _GNU_SOURCE)
  if((INGOT_SANITIZE OR arg_SANITIZE) AND NOT arg_NO_SANITIZE)
    target_compile_options(${tgt} PRIVATE ${INGOT_SANITIZE_FLAGS})
    target_link_options(${tgt} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

function(ingot_host_library name)
  cmake_parse_arguments(arg "" "" "SOURCES;INCLUDES;SYSTEM_INCLUDES;LINK"
    ${ARGN})
  set(variants ${name})
  if(INGOT_BUILD_TESTS)
    list(APPEND variants ${name}-san)
  endif()
  foreach(t ${variants})
    add_library(${t} STATIC ${arg_SOURCES})
    target_include_directories(${t} PUBLIC ${arg_INCLUDES})
    if(arg_SYSTEM_INCLUDES)
      target_include_directories(${t} SYSTEM PRIVATE ${arg_SYSTEM_INCLUDES})
    endif()
    foreach(l ${arg_LINK})
      if(t STREQUAL name OR NOT l MATCHES "^ingot-")
        target_link_libraries(${t} PUBLIC ${l})
      else()
        target_link_libraries(${t} PUBLIC ${l}-san)
      endif()
    endforeach()
  endforeach()
  ingot_host_target(${name})
  if(INGOT_BUILD_TESTS)
    ingot_host_target(${name}-san SANITIZE)
    if(INGOT_FUZZ) # coverage for the fuzz targets (tests/fuzz) that link it
      target_compile_options(${name}-san PRIVATE -fsanitize=fuzzer-no-link)
    endif()
  endif()
endfunction()

function(ingot_host_test)
  cmake_parse_arguments(arg "UBSAN_ONLY" "NAME;TARGET"
    "SOURCES;INCLUDES;LINK;ARGS" ${ARGN})
  set(t test_${arg_NAME})
  if(arg_TARGET)
    set(t ${arg_TARGET})
  endif()
  add_executable(${t} ${arg_SOURCES})
  target_include_directories(${t} PRIVATE ${arg_INCLUDES}
    ${PROJECT_SOURCE_DIR}/libos/include ${PROJECT_SOURCE_DIR}/tests/unit)
  target_link_libraries(${t} PRIVATE ${arg_LINK})
  if(arg_UBSAN_ONLY)
    ingot_host_target(${t} NO_SANITIZE)
    target_compile_options(${t} PRIVATE -fsanitize=undefined
      -fno-sanitize-recover=all -g)
    target_link_options(${t} PRIVATE -fsanitize=undefined)
  else()
    ingot_host_target(${t} SANITIZE)
  endif()
  set_target_properties(${t} PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${INGOT_UNIT_DIR})
  add_test(NAME unit.${arg_NAME} COMMAND ${t} ${arg_ARGS})
endfunction()
