#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# streams.sh (in dom0): the guest's stdout and stderr arrive on `ingot run`'s
# stdout and stderr respectively (stderr comes framed on the console ring).
# Not "out": the job's own output goes to the file of that name.
ingot run /batch/img/streams </dev/null >guest.out 2>guest.err
rc=$?
echo "--- stdout"; cat guest.out; echo "--- stderr"; cat guest.err; echo ---
fail=0
[ $rc = 0 ] || { echo "FAIL: status $rc"; fail=1; }
grep -qx 'to stdout; isatty 0 0 1 0 2 0' guest.out || { echo "FAIL: stdout"; fail=1; }
grep -q 'to stderr' guest.out && { echo "FAIL: stderr on stdout"; fail=1; }
grep -qx 'to stderr' guest.err || { echo "FAIL: stderr"; fail=1; }
grep -q 'to stdout' guest.err && { echo "FAIL: stdout on stderr"; fail=1; }
[ $fail = 0 ] && echo "streams: stdout and stderr kept apart: PASS"
exit $fail
