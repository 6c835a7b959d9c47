# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# lib.sh: what the tests/buildsys scripts share (sourced, not run): the
# catalog's helpers (apps/catalog/lib.sh), which are the same checks:
#
#   need CMD...        skip (77) unless every CMD is installed
#   need_platform P    skip (77) for kvm without QEMU
#   workdir NAME       sets $tmp to a fresh directory under /tmp, removed
#                      at exit (images write beneath their working
#                      directory, so it must be a real host directory)
#   fail WHY...        print FAIL and exit 1
catalog_dir=$(cd "$(dirname "$0")/../../apps/catalog" && pwd)
. "$catalog_dir/lib.sh"
