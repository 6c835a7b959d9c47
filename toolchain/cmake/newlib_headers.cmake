# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# newlib_headers.cmake: the few edits to newlib's own headers that the
# wrappers in libos/libc/include cannot make, applied to the unpacked
# source before configure (cmake -P, SRC=<newlib source dir>), so newlib
# is compiled with, and installs, what programs see.  Each edit must find
# its text exactly once, or the build stops: a newlib update that moves
# it needs a look, not a silent skip.

# ig_edit(FILE OLD NEW WHY): replace the one occurrence of OLD in FILE.
function(ig_edit file old new why)
  file(READ ${SRC}/${file} text)
  string(FIND "${text}" "${old}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "newlib_headers: ${file}: text not found (${why})")
  endif()
  string(REPLACE "${old}" "${new}" text "${text}")
  file(WRITE ${SRC}/${file} "${text}")
endfunction()

set(types newlib/libc/include/sys/types.h)
# <sys/types.h> includes <sys/select.h> at the end, after every type, as
# glibc's does, instead of before pid_t, uid_t, u_int and the pthread
# types.  A <sys/select.h> found first on the include path (gnulib's
# replacement, which includes <sys/time.h> and <signal.h>) is then entered
# from a complete <sys/types.h>, not from the middle of one.
ig_edit(${types} "#include <machine/endian.h>\n#include <sys/select.h>\n"
  "#include <machine/endian.h>\n"
  "sys/select.h moves to the end of sys/types.h")
ig_edit(${types} "#include <machine/types.h>\n"
  "#include <machine/types.h>\n\n#if __BSD_VISIBLE\n#include <sys/select.h>\n#endif\n"
  "sys/select.h moves to the end of sys/types.h")
