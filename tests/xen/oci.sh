#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# oci.sh (in dom0): boots hello from an OCI image layout made by `ingot pkg`
# on the build host (`ingot run oci:DIR:NAME:TAG`); the packaged arguments,
# environment and exit status must reach the guest and come back through xl.
ingot run oci:/batch/files/hello-oci:hello:xen >out 2>&1
rc=$?
cat out
fail=0
[ $rc = 42 ] || { echo "FAIL: status $rc, want 42"; fail=1; }
for want in '^argv\[1\]=from-oci$' '^env OCI=yes$' '^exit status 42$'; do
    grep -q "$want" out || { echo "FAIL: no line matching $want"; fail=1; }
done
[ $fail = 0 ] && echo "oci: booted from the OCI layout with its defaults: PASS"
exit $fail
