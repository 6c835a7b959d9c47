#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test.sh: build (if needed) and run the whole test suite with ctest.
# Extra arguments go to ctest, e.g. scripts/test.sh -R e2e.pico
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build -j 2 --output-on-failure "$@"
