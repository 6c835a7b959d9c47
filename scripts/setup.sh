#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# setup.sh: from a fresh Debian 12 checkout to a booted apps/hello:
# install dependencies, configure and build into build/, boot hello.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
echo
echo "+ build/bin/ingot run build/apps/hello/hello -e GREETING=hi -- one two"
build/bin/ingot run build/apps/hello/hello -e GREETING=hi -- one two
