#!/bin/sh
# Like the official image's entrypoint: before nginx starts, render
# /etc/nginx/templates/*.template into /etc/nginx/conf.d/ (substituting only variables
# that are set) and run the scripts in /docker-entrypoint.d/.
set -e

if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
    template_dir=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
    suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
    output_dir=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}
    if [ -d "$template_dir" ]; then
        defined=$(printf '${%s} ' $(env | cut -d= -f1))
        find "$template_dir" -follow -type f -name "*$suffix" | while read -r template; do
            relative=${template#"$template_dir/"}
            output="$output_dir/${relative%"$suffix"}"
            mkdir -p "$(dirname "$output")"
            echo "$0: rendering $template to $output"
            envsubst "$defined" <"$template" >"$output"
        done
    fi
    # a for loop, not a pipe, so that *.envsh scripts can export variables to nginx
    for script in $(find /docker-entrypoint.d -follow -type f 2>/dev/null | sort -V); do
        [ -x "$script" ] || continue
        case "$script" in
            *.sh) echo "$0: running $script"; "$script" ;;
            *.envsh) echo "$0: sourcing $script"; . "$script" ;;
        esac
    done
fi

exec "$@"
