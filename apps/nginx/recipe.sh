# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# recipe.sh: nginx 1.22 by its own configure and Makefile (sourced by
# apps/catalog/build.sh; the options and their reasons are in
# apps/nginx/README).
recipe_programs="objs/nginx"
recipe_build() {
    # Paths as Debian's package lays them out, so a rootfs with
    # /etc/nginx/nginx.conf and a volume on /var/log/nginx is all a run
    # needs; two modules need libraries not built for images, and -Os keeps
    # the image under 1 MB (README).
    ./configure --with-cc="$cc" \
        --prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf \
        --error-log-path=/var/log/nginx/error.log \
        --http-log-path=/var/log/nginx/access.log \
        --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock \
        --http-client-body-temp-path=/tmp/nginx-body \
        --http-proxy-temp-path=/tmp/nginx-proxy \
        --http-fastcgi-temp-path=/tmp/nginx-fastcgi \
        --http-uwsgi-temp-path=/tmp/nginx-uwsgi \
        --http-scgi-temp-path=/tmp/nginx-scgi \
        --without-http_rewrite_module --without-http_gzip_module \
        --with-cc-opt=-Os
    make -j"$jobs"
}
