#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# fetch.sh: download the catalog's Debian source packages and check them.
#
#   fetch.sh [APP...]     (default: every app in sources.lock)
#
# For each app whose tarball is not yet in the source cache
# ($INGOT_SRC_CACHE, default /var/cache/ingot/src), runs `apt-get source
# --download-only PACKAGE=VERSION` there (a deb-src entry must exist:
# scripts/deps.sh adds it), then checks every tarball against its pinned
# SHA-256.  Exits 1 with one line per problem.
set -eu
catalog_dir=$(cd "$(dirname "$0")" && pwd)
. "$catalog_dir/lib.sh"
apps=$*
[ -n "$apps" ] ||
    apps=$(awk '!/^#/ && NF == 4 { print $1 }' "$catalog_dir/sources.lock")
mkdir -p "$INGOT_SRC_CACHE"
bad=0
for app in $apps; do
    catalog_row "$app"
    if [ ! -f "$INGOT_SRC_CACHE/$cat_file" ]; then
        echo "fetch: $app: apt-get source --download-only $cat_pkg"
        # A security update replaces a pinned +debNuM version in the
        # archive but keeps the upstream tarball: then the package's
        # current version is fetched and the pinned SHA-256 decides.
        (cd "$INGOT_SRC_CACHE" && apt-get source -qq --download-only "$cat_pkg") ||
            (echo "fetch: $app: $cat_pkg is gone; trying ${cat_pkg%%=*}'s current version" &&
                cd "$INGOT_SRC_CACHE" &&
                apt-get source -qq --download-only "${cat_pkg%%=*}") ||
            { echo "fetch: $app: apt-get source $cat_pkg failed" >&2; bad=1; continue; }
    fi
    got=$(sha256sum "$INGOT_SRC_CACHE/$cat_file" | cut -d' ' -f1)
    if [ "$got" != "$cat_sha" ]; then
        echo "fetch: $INGOT_SRC_CACHE/$cat_file: SHA-256 $got does not match the pinned $cat_sha" >&2
        bad=1
    fi
done
exit $bad
