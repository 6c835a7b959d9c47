#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# errno.sh: only <ingot/posix.h> writes errno in the library OS.
#
# Usage: errno.sh LIBOS_DIR
#
# Inside the library OS functions return -errno; each POSIX entry point
# hands its result to ig_posix_ret() or ig_posix_failed() (docs/
# architecture.md, "Errors at the POSIX boundary").  An assignment to errno
# anywhere else is a second boundary.
set -u
[ $# = 1 ] || { echo "usage: errno.sh LIBOS_DIR" >&2; exit 2; }
cd "$1" || exit 2
hits=$(grep -rnE '(^|[^_a-zA-Z0-9.>])errno[[:space:]]*([-+*/|&^]?=[^=]|\+\+|--)' \
    --include='*.c' --include='*.h' --include='*.S' . |
    grep -v '^\./include/ingot/posix\.h:')
if [ -n "$hits" ]; then
    echo "$hits"
    echo "errno.sh: errno is written above outside <ingot/posix.h>:" \
        "return -errno and let ig_posix_ret()/ig_posix_failed() set it"
    exit 1
fi
echo "errno: only include/ingot/posix.h writes errno"
