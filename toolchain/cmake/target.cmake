# SPDX-License-Identifier: Apache-2.0
# target.cmake: the one set of flags every guest object is compiled with,
# whatever the platform (DESIGN decision 2).  ingot-cc uses the same list; it
# is written into lib/ingot/target-flags so the driver and the build agree.
set(INGOT_TARGET_CC "${CMAKE_C_COMPILER}")
execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
                OUTPUT_VARIABLE INGOT_CC_INCLUDE OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${CMAKE_C_COMPILER} -print-libgcc-file-name
                OUTPUT_VARIABLE INGOT_LIBGCC OUTPUT_STRIP_TRAILING_WHITESPACE)

# No red zone: interrupts push onto the running stack.  No PIC: images are
# linked at a fixed address.  SSE stays on (the platform enables it).  Frame
# pointers are kept, and neither tail calls nor shrink-wrapping may hide a
# frame, so crash reports can walk the whole stack.
#
# newlib's generic target leaves out the POSIX option macros, which hides
# CLOCK_MONOTONIC and friends, and declares read()/write() as returning int;
# the defines below make it the POSIX system the library OS implements
# (threads, timeouts, rwlocks, semaphores, barriers, spinlocks, stack
# attributes, mutex types and priority protocols: libos/sched (the
# protocols change pthread_mutexattr_t's layout, which is why newlib must
# be built with the same macros); clock_nanosleep; XSI's
# CLOCKS_PER_SEC of 1,000,000).  They
# apply to newlib's own build too, so headers and archive agree.
set(INGOT_TARGET_CFLAGS
  -m64 -mno-red-zone -mcmodel=small -fno-pic -fno-pie
  -fno-stack-protector -fno-omit-frame-pointer -fno-optimize-sibling-calls
  -fno-asynchronous-unwind-tables
  -ffunction-sections -fdata-sections -fno-plt
  -D_READ_WRITE_RETURN_TYPE=_ssize_t
  -D_POSIX_TIMERS=200809L -D_POSIX_MONOTONIC_CLOCK=200809L
  -D_POSIX_CPUTIME=200809L -D_POSIX_THREAD_CPUTIME=200809L
  -D_POSIX_THREADS=200809L -D_POSIX_TIMEOUTS=200809L
  -D_POSIX_READER_WRITER_LOCKS=200809L -D_POSIX_SEMAPHORES=200809L
  -D_POSIX_BARRIERS=200809L -D_POSIX_SPIN_LOCKS=200809L
  -D_POSIX_THREAD_PROCESS_SHARED=200809L
  -D_POSIX_CLOCK_SELECTION=200809L
  -D_POSIX_THREAD_ATTR_STACKSIZE=200809L -D_POSIX_THREAD_ATTR_STACKADDR=200809L
  -D_POSIX_THREAD_PRIO_INHERIT=200809L -D_POSIX_THREAD_PRIO_PROTECT=200809L
  -D_UNIX98_THREAD_MUTEX_ATTRIBUTES=1 -D_CLOCKS_PER_SEC_=1000000)

# gcc only; clang does not shrink-wrap past the frame setup this way.
include(CheckCCompilerFlag)
check_c_compiler_flag(-fno-shrink-wrap INGOT_HAVE_NO_SHRINK_WRAP)
if(INGOT_HAVE_NO_SHRINK_WRAP)
  list(APPEND INGOT_TARGET_CFLAGS -fno-shrink-wrap)
endif()

# Applies the target flags and newlib's headers to a guest library target.
function(ingot_guest_library tgt)
  # -isystem as plain options: CMake drops include directories it considers
  # the compiler's implicit ones, and gcc's own include dir is one of them;
  # SHELL: keeps each pair together through CMake's option de-duplication.
  target_compile_options(${tgt} PRIVATE ${INGOT_TARGET_CFLAGS}
    -nostdinc "SHELL:-isystem ${INGOT_NEWLIB_INCLUDE}"
    "SHELL:-isystem ${INGOT_CC_INCLUDE}"
    -Wall -Wextra -D__ingot__)
  target_include_directories(${tgt} PRIVATE ${PROJECT_SOURCE_DIR}/libos/include)
  add_dependencies(${tgt} newlib)
  # Images (image.cmake) depend on every guest library, so a new component
  # or platform needs no line there.
  set_property(GLOBAL APPEND PROPERTY INGOT_GUEST_LIBRARIES ${tgt})
  set_target_properties(${tgt} PROPERTIES
    ARCHIVE_OUTPUT_DIRECTORY ${INGOT_LIBDIR}
    POSITION_INDEPENDENT_CODE OFF)
endfunction()

# Builds platform (name) the way ingot-cc finds it: the guest archive
# lib/ingot/<name>/libingot-<name>.a from SOURCES (with the platform's
# include/ and own folder on the include path) and lib/ingot/<name>/<name>.ld
# copied from <name>.ld beside them (or from LDSCRIPT, for a platform that
# shares another's layout).  FILES lists further outputs the platform's own
# rules produce into that folder, built with it.
function(ingot_platform name)
  cmake_parse_arguments(P "" "LDSCRIPT" "SOURCES;FILES" ${ARGN})
  set(dir ${INGOT_LIBDIR}/${name})
  if(NOT P_LDSCRIPT)
    set(P_LDSCRIPT ${CMAKE_CURRENT_SOURCE_DIR}/${name}.ld)
  endif()
  add_library(ingot-${name} STATIC ${P_SOURCES})
  ingot_guest_library(ingot-${name})
  target_include_directories(ingot-${name} PRIVATE
    ${CMAKE_CURRENT_SOURCE_DIR}/include ${CMAKE_CURRENT_SOURCE_DIR})
  set_target_properties(ingot-${name} PROPERTIES ARCHIVE_OUTPUT_DIRECTORY ${dir})
  add_custom_command(
    OUTPUT ${dir}/${name}.ld
    COMMAND ${CMAKE_COMMAND} -E copy_if_different
            ${P_LDSCRIPT} ${dir}/${name}.ld
    DEPENDS ${P_LDSCRIPT}
    COMMENT "Copying ${name}.ld")
  add_custom_target(ingot-${name}-files ALL
    DEPENDS ${dir}/${name}.ld ${P_FILES})
  add_dependencies(ingot-${name} ingot-${name}-files)
endfunction()
