# SPDX-License-Identifier: Apache-2.0
# newlib.cmake: build newlib from Debian's newlib-source tarball, pinned by
# SHA-256, once per build tree, for the freestanding x86_64 target.
include(ExternalProject)

set(INGOT_NEWLIB_TARBALL "/usr/src/newlib/newlib-3.3.0.tar.xz" CACHE FILEPATH
    "newlib source tarball (from Debian's newlib-source package)")
# Pinned: Debian 12 newlib-source 3.3.0-1.3+deb12u1.
set(INGOT_NEWLIB_SHA256
    "c6f3a88b9d93420904241b231ca8647303be3bfb3cfef6adc8d1ea9207291033")

if(NOT EXISTS "${INGOT_NEWLIB_TARBALL}")
  message(FATAL_ERROR "newlib tarball not found: ${INGOT_NEWLIB_TARBALL}: "
          "run scripts/deps.sh (installs newlib-source) or pass "
          "-DINGOT_NEWLIB_TARBALL=/path/to/newlib-3.3.0.tar.xz")
endif()

set(INGOT_NEWLIB_PREFIX ${INGOT_LIBDIR}/newlib)
set(INGOT_NEWLIB_INCLUDE ${INGOT_NEWLIB_PREFIX}/x86_64-elf/include)
set(INGOT_NEWLIB_LIB ${INGOT_NEWLIB_PREFIX}/x86_64-elf/lib)
# IG_NEWLIB_BUILD: the few names only newlib's own sources use
# (libos/libc/include/sys/errno.h).
string(JOIN " " _nl_cflags ${INGOT_TARGET_CFLAGS} -O2 -g -DIG_NEWLIB_BUILD)
# Syscalls are ours (libos/libc); locks are retargetable so the scheduler can
# provide real ones; long long and C99 formats for printf.  Not
# --enable-newlib-io-long-double: it sends every floating conversion,
# doubles too, through newlib's ldtoa, which stops at 42 significant
# digits (printf("%f", 1e300) would no longer be exact, as glibc's is);
# without it newlib converts long doubles through double, and the step
# replace-ldouble below converts them exactly instead.
set(_nl_options --disable-multilib --disable-nls
    --disable-newlib-supplied-syscalls
    --enable-newlib-retargetable-locking
    --enable-newlib-io-long-long --enable-newlib-io-c99-formats)
# libos/libc implements signals with Linux's numbers (newlib's generic ones
# differ), so newlib's own signal objects leave its archive: otherwise the
# linker could pull both definitions of abort, raise or signal into an image.
# clock() goes too: it counts in CLOCKS_PER_SEC, times() in _SC_CLK_TCK;
# and the mkstemp() family (libos/libc/mktemp.c: random names, Linux's
# checks, a mkdtemp() that works); assert()'s report (libos/libc/assert.c:
# newlib's prints with fiprintf, the integer printf, which newlib's dtoa
# would then link into every image that prints a number); getopt() and
# friends (libos/libc/getopt.c: GNU's rules; newlib's took a lone "-" for
# an option and cut a leading '=' off an attached optional argument).
set(INGOT_NEWLIB_REPLACED lib_a-abort.o lib_a-psignal.o lib_a-signal.o
    lib_a-strsignal.o lib_a-system.o lib_a-clock.o lib_a-mktemp.o
    lib_a-assert.o lib_a-getopt.o)
# The error numbers are Linux's: libos/libc/include/sys/errno.h takes the
# place of newlib's <sys/errno.h> in the unpacked source before configure,
# so newlib is compiled with, and installs, the numbers programs see.
set(INGOT_NEWLIB_ERRNO_H ${PROJECT_SOURCE_DIR}/libos/libc/include/sys/errno.h)
file(SHA256 ${INGOT_NEWLIB_ERRNO_H} _nl_errno_sha)
# Edits to newlib's headers that wrappers cannot make (the script says
# which and why), applied to the unpacked source too.
set(INGOT_NEWLIB_HEADERS ${CMAKE_CURRENT_LIST_DIR}/newlib_headers.cmake)
file(SHA256 ${INGOT_NEWLIB_HEADERS} _nl_headers_sha)
# newlib's configure refuses to rerun with other flags over its old cache,
# so each set of flags, options, replaced objects and replaced headers gets
# its own build directory.
string(SHA256 _nl_key "${INGOT_NEWLIB_SHA256} ${INGOT_TARGET_CC} \
${_nl_cflags} ${_nl_options} ${INGOT_NEWLIB_REPLACED} ${_nl_errno_sha} \
${_nl_headers_sha}")
string(SUBSTRING "${_nl_key}" 0 12 _nl_key)

ExternalProject_Add(newlib
  URL "${INGOT_NEWLIB_TARBALL}"
  URL_HASH SHA256=${INGOT_NEWLIB_SHA256}
  DOWNLOAD_EXTRACT_TIMESTAMP TRUE
  PREFIX ${CMAKE_BINARY_DIR}/third_party/newlib-${_nl_key}
  PATCH_COMMAND ${CMAKE_COMMAND} -E copy ${INGOT_NEWLIB_ERRNO_H}
    <SOURCE_DIR>/newlib/libc/include/sys/errno.h
  COMMAND ${CMAKE_COMMAND} -DSRC=<SOURCE_DIR> -P ${INGOT_NEWLIB_HEADERS}
  CONFIGURE_COMMAND <SOURCE_DIR>/configure
    --target=x86_64-elf --prefix=${INGOT_NEWLIB_PREFIX} ${_nl_options}
    CC_FOR_TARGET=${INGOT_TARGET_CC} AR_FOR_TARGET=ar AS_FOR_TARGET=as
    LD_FOR_TARGET=ld RANLIB_FOR_TARGET=ranlib NM_FOR_TARGET=nm
    "CFLAGS_FOR_TARGET=${_nl_cflags}"
  BUILD_COMMAND make -j all-target-newlib
  INSTALL_COMMAND make install-target-newlib
  BUILD_BYPRODUCTS ${INGOT_NEWLIB_LIB}/libc.a ${INGOT_NEWLIB_LIB}/libm.a
  LOG_CONFIGURE ON LOG_BUILD ON LOG_INSTALL ON LOG_OUTPUT_ON_FAILURE ON
)

ExternalProject_Add_Step(newlib replace-signals
  COMMAND ar d ${INGOT_NEWLIB_LIB}/libc.a ${INGOT_NEWLIB_REPLACED}
  COMMENT "Removing newlib's signal objects (libos/libc replaces them)"
  DEPENDEES install)
# newlib's memcpy, memmove, memset, memcmp, strlen, strspn, strcspn and
# strpbrk are generic C; libos/libc/memops.c and strops.c (SSE2) replace
# them inside newlib's archive, compiled with the target flags, so they sit
# where newlib's did: below every library OS component.  GCC must not turn
# their loops back into calls to themselves.  After replace-signals: two
# ar runs at once on libc.a (make -j) lose one's members.
set(INGOT_NEWLIB_STRING lib_a-memcpy.o lib_a-memmove.o lib_a-memset.o
    lib_a-memcmp.o lib_a-strlen.o lib_a-strspn.o lib_a-strcspn.o
    lib_a-strpbrk.o)
set(_nl_str_dir ${PROJECT_SOURCE_DIR}/libos/libc)
set(_nl_str_cc ${INGOT_TARGET_CC} ${INGOT_TARGET_CFLAGS} -O2 -g -Wall -Wextra
    -fno-tree-loop-distribute-patterns -nostdinc
    -isystem ${INGOT_NEWLIB_INCLUDE} -isystem ${INGOT_CC_INCLUDE} -c)
ExternalProject_Add_Step(newlib replace-string
  COMMAND ${_nl_str_cc} ${_nl_str_dir}/memops.c -o <BINARY_DIR>/ig_memops.o
  COMMAND ${_nl_str_cc} ${_nl_str_dir}/strops.c -o <BINARY_DIR>/ig_strops.o
  COMMAND ar d ${INGOT_NEWLIB_LIB}/libc.a ${INGOT_NEWLIB_STRING}
  COMMAND ar rs ${INGOT_NEWLIB_LIB}/libc.a <BINARY_DIR>/ig_memops.o
          <BINARY_DIR>/ig_strops.o
  COMMENT "Replacing newlib's string routines with libos/libc's"
  DEPENDEES install replace-signals
  DEPENDS ${_nl_str_dir}/memops.c ${_nl_str_dir}/strops.c
          ${_nl_str_dir}/memops_internal.h)
# printf's and scanf's long double conversions: newlib converts them
# through double (above), so libos/libc/ldprintf.c and ldscanf.c take the
# place of the four core routines every function of the two families
# calls (_vfprintf_r, _svfprintf_r, _vfscanf_r with __svfscanf_r, and
# __ssvfscanf_r) and convert %L themselves (ldfmt.c), exactly; newlib's
# own stay in the archive under __ig_nl_* names (objcopy, nothing in its
# sources changes), and convert everything else as before.  After the two
# steps above: one ar at a time on libc.a.
# <ingot/posix.h>: errno is set the library OS's one way (libos.errno_boundary)
set(_nl_ld_inc -I${PROJECT_SOURCE_DIR}/libos/include)
set(_nl_ld_members lib_a-vfprintf.o lib_a-svfprintf.o lib_a-vfscanf.o
    lib_a-svfscanf.o)
ExternalProject_Add_Step(newlib replace-ldouble
  COMMAND ${CMAKE_COMMAND} -E chdir <BINARY_DIR>
          ar x ${INGOT_NEWLIB_LIB}/libc.a ${_nl_ld_members}
  COMMAND objcopy --redefine-sym _vfprintf_r=__ig_nl_vfprintf_r
          --redefine-sym vfprintf=__ig_nl_vfprintf
          <BINARY_DIR>/lib_a-vfprintf.o
  COMMAND objcopy --redefine-sym _svfprintf_r=__ig_nl_svfprintf_r
          <BINARY_DIR>/lib_a-svfprintf.o
  COMMAND objcopy --redefine-sym _vfscanf_r=__ig_nl_vfscanf_r
          --redefine-sym vfscanf=__ig_nl_vfscanf
          --redefine-sym __svfscanf_r=__ig_nl_svfscanf_r
          --redefine-sym __svfscanf=__ig_nl_svfscanf
          <BINARY_DIR>/lib_a-vfscanf.o
  COMMAND objcopy --redefine-sym __ssvfscanf_r=__ig_nl_ssvfscanf_r
          <BINARY_DIR>/lib_a-svfscanf.o
  COMMAND ${_nl_str_cc} -Os ${_nl_ld_inc} ${_nl_str_dir}/ldfmt.c -o <BINARY_DIR>/ig_ldfmt.o
  COMMAND ${_nl_str_cc} -Os ${_nl_ld_inc} ${_nl_str_dir}/ldprintf.c
          -o <BINARY_DIR>/ig_ldprintf.o
  COMMAND ${_nl_str_cc} -Os ${_nl_ld_inc} ${_nl_str_dir}/ldscanf.c
          -o <BINARY_DIR>/ig_ldscanf.o
  COMMAND ${CMAKE_COMMAND} -E chdir <BINARY_DIR>
          ar rs ${INGOT_NEWLIB_LIB}/libc.a ${_nl_ld_members}
          ig_ldfmt.o ig_ldprintf.o ig_ldscanf.o
  COMMENT "Taking newlib's printf and scanf cores for libos/libc's (long double)"
  DEPENDEES install replace-signals replace-string
  DEPENDS ${_nl_str_dir}/ldfmt.c ${_nl_str_dir}/ldfmt.h
          ${_nl_str_dir}/ldprintf.c ${_nl_str_dir}/ldscanf.c
          ${PROJECT_SOURCE_DIR}/libos/include/ingot/posix.h)
# Functions of newlib's that are wrong in one case, wrapped: newlib's own
# stays in the archive under an __ig_nl_* name (objcopy) and a function of
# libos/libc takes its name, handles that case and calls it.  calloc.c:
# _calloc_r did not check that n * size fits in a size_t; sflags.c:
# fopen() ignored mode 'e' (O_CLOEXEC).  After replace-ldouble: one ar at
# a time on libc.a.
ExternalProject_Add_Step(newlib replace-wrapped
  COMMAND ${CMAKE_COMMAND} -E chdir <BINARY_DIR>
          ar x ${INGOT_NEWLIB_LIB}/libc.a lib_a-callocr.o lib_a-flags.o
  COMMAND objcopy --redefine-sym _calloc_r=__ig_nl_calloc_r
          <BINARY_DIR>/lib_a-callocr.o
  COMMAND objcopy --redefine-sym __sflags=__ig_nl_sflags
          <BINARY_DIR>/lib_a-flags.o
  COMMAND ${_nl_str_cc} -Os ${_nl_ld_inc} ${_nl_str_dir}/calloc.c
          -o <BINARY_DIR>/ig_calloc.o
  COMMAND ${_nl_str_cc} -Os ${_nl_str_dir}/sflags.c -o <BINARY_DIR>/ig_sflags.o
  COMMAND ${CMAKE_COMMAND} -E chdir <BINARY_DIR>
          ar rs ${INGOT_NEWLIB_LIB}/libc.a lib_a-callocr.o ig_calloc.o
          lib_a-flags.o ig_sflags.o
  COMMENT "Wrapping newlib's calloc and fopen flags (libos/libc/calloc.c, sflags.c)"
  DEPENDEES install replace-signals replace-string replace-ldouble
  DEPENDS ${_nl_str_dir}/calloc.c ${_nl_str_dir}/sflags.c
          ${PROJECT_SOURCE_DIR}/libos/include/ingot/posix.h)
# newlib's <stdatomic.h> (FreeBSD's) needs clang's __has_extension: under
# GCC it makes _Atomic types structures its own functions then reject, so
# a program's atomic_fetch_add() does not compile.  It leaves the installed
# headers, and <stdatomic.h> is the compiler's own (freestanding).
ExternalProject_Add_Step(newlib drop-stdatomic
  COMMAND ${CMAKE_COMMAND} -E rm -f ${INGOT_NEWLIB_INCLUDE}/stdatomic.h
  COMMENT "Removing newlib's stdatomic.h (the compiler's serves)"
  DEPENDEES install)
# (libc.a is already the build step's byproduct; naming it again here makes
# Ninja refuse the build: "multiple rules generate libc.a".)
