<?php
/* WordPress settings from the container's environment, read on every request like the
 * official image does. Each WORDPRESS_X may instead come from the file named by
 * WORDPRESS_X_FILE (Docker secrets). Debian's /usr/share/wordpress/wp-config.php loads
 * this file, fills in anything left undefined and starts WordPress. */

function fieldguide_env(string $name, string $default): string
{
    $file = getenv($name . '_FILE');
    if ($file !== false && $file !== '') {
        return rtrim(file_get_contents($file), "\r\n");
    }
    $value = getenv($name);
    return $value === false ? $default : $value;
}

define('DB_NAME', fieldguide_env('WORDPRESS_DB_NAME', 'wordpress'));
define('DB_USER', fieldguide_env('WORDPRESS_DB_USER', 'example username'));
define('DB_PASSWORD', fieldguide_env('WORDPRESS_DB_PASSWORD', 'example password'));
define('DB_HOST', fieldguide_env('WORDPRESS_DB_HOST', 'mysql')); /* host or host:port */
define('DB_CHARSET', fieldguide_env('WORDPRESS_DB_CHARSET', 'utf8'));
define('DB_COLLATE', fieldguide_env('WORDPRESS_DB_COLLATE', ''));

/* Authentication keys and salts: from WORDPRESS_AUTH_KEY etc. when set, otherwise the
 * random ones the entrypoint wrote when the container started for the first time. */
$fieldguide_keys = is_readable('/etc/wordpress/keys.php') ? include '/etc/wordpress/keys.php' : [];
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY',
          'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, fieldguide_env('WORDPRESS_' . $key, $fieldguide_keys[$key] ?? 'put your unique phrase here'));
}

$table_prefix = fieldguide_env('WORDPRESS_TABLE_PREFIX', 'wp_');
define('WP_DEBUG', (bool) fieldguide_env('WORDPRESS_DEBUG', ''));

$fieldguide_extra = fieldguide_env('WORDPRESS_CONFIG_EXTRA', '');
if ($fieldguide_extra !== '') {
    eval($fieldguide_extra);
}
