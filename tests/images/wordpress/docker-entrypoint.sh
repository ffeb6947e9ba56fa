#!/bin/bash
# Entrypoint of the wordpress stand-in: gives the site its own random keys and salts on
# first start (unless WORDPRESS_AUTH_KEY etc. are set), then runs the command.
set -euo pipefail

if [[ ! -s /etc/wordpress/keys.php ]]; then
    php -r '
        $keys = [];
        foreach (["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
                  "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"] as $k) {
            $keys[$k] = bin2hex(random_bytes(32));
        }
        echo "<?php\nreturn " . var_export($keys, true) . ";\n";
    ' >/etc/wordpress/keys.php
    chown root:www-data /etc/wordpress/keys.php
    chmod 640 /etc/wordpress/keys.php
fi

if [[ -z ${WORDPRESS_DB_HOST:-} && -z ${WORDPRESS_DB_HOST_FILE:-} ]]; then
    echo "wordpress stand-in: WORDPRESS_DB_HOST is not set; using the default host 'mysql'" >&2
fi

exec "$@"
