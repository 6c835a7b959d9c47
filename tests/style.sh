#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# style.sh: every C source and header in the repository follows
# .clang-format, and every one opens with the SPDX line.
set -u
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.c' '*.h' 2>/dev/null ||
    find libos platforms toolchain apps tests -name '*.[ch]')
[ ${#files[@]} -gt 0 ] || { echo "style.sh: no C files found"; exit 1; }
fail=0
if ! clang-format --dry-run --Werror "${files[@]}"; then
    fail=1
fi
for f in "${files[@]}"; do
    head -1 "$f" | grep -q 'SPDX-License-Identifier' ||
        { echo "$f: first line is not an SPDX-License-Identifier"; fail=1; }
done
[ $fail = 0 ] && echo "style: ${#files[@]} files clean"
exit $fail
