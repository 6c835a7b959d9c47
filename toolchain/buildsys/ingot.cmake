# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# ingot.cmake: CMake toolchain file: build with ingot-cc into Ingot images.
#
#   cmake -DCMAKE_TOOLCHAIN_FILE=<libdir>/cmake/ingot.cmake
#         [-DINGOT_PLATFORM=pico] ...
#
# Images are executables CMake can run (try_run, ctest): through
# `ingot exec` as the emulator (executing them directly works too).
# find_library, find_path, find_package and pkg-config look only in the
# sysroot (ingot-cc -print-sysroot), never at the host's libraries.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

get_filename_component(_ingot_bin "${CMAKE_CURRENT_LIST_DIR}/../../../bin"
                       ABSOLUTE)
set(CMAKE_C_COMPILER "${_ingot_bin}/ingot-cc")
set(INGOT_PLATFORM "kvm" CACHE STRING "Ingot platform to link for (kvm, pico)")
# try_compile projects read this file again: hand them the platform.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES INGOT_PLATFORM)
set(CMAKE_C_FLAGS_INIT "--platform=${INGOT_PLATFORM}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "--platform=${INGOT_PLATFORM}")
set(CMAKE_CROSSCOMPILING_EMULATOR "${_ingot_bin}/ingot;exec")

execute_process(COMMAND "${CMAKE_C_COMPILER}" -print-sysroot
                OUTPUT_VARIABLE _ingot_sysroot
                OUTPUT_STRIP_TRAILING_WHITESPACE)
set(CMAKE_FIND_ROOT_PATH "${_ingot_sysroot}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(PKG_CONFIG_EXECUTABLE "${_ingot_bin}/ingot-pkg-config" CACHE FILEPATH
    "pkg-config for Ingot images")
