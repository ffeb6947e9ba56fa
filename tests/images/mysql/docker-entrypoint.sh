#!/bin/bash
# Entrypoint of the mysql stand-in. Like the official image: on the first start with an
# empty /var/lib/mysql it creates the system tables, sets the root password, creates
# MYSQL_DATABASE and MYSQL_USER, runs /docker-entrypoint-initdb.d/*, then starts the
# server in the foreground. Later starts (a reused volume) skip all of that.
set -eo pipefail
shopt -s nullglob

log()   { printf '%s [Note] [Entrypoint]: %s\n' "$(date --rfc-3339=seconds)" "$*"; }
error() { printf '%s [ERROR] [Entrypoint]: %s\n' "$(date --rfc-3339=seconds)" "$*" >&2; exit 1; }

# file_env VAR [DEFAULT]: VAR may come from the file named by VAR_FILE (Docker secrets).
file_env() {
    local var=$1 file_var="${1}_FILE" value=${2:-}
    if [[ -n ${!var:-} && -n ${!file_var:-} ]]; then
        error "both $var and $file_var are set (but are exclusive)"
    fi
    if [[ -n ${!var:-} ]]; then
        value=${!var}
    elif [[ -n ${!file_var:-} ]]; then
        [[ -r ${!file_var} ]] || error "$file_var names ${!file_var}, which cannot be read"
        value=$(<"${!file_var}")
    fi
    export "$var=$value"
    unset "$file_var"
}

sql_string() { local s=${1//\\/\\\\}; s=${s//\'/\\\'}; printf "'%s'" "$s"; }
sql_name()   { printf '`%s`' "${1//\`/\`\`}"; }

INIT_SOCKET=/run/mysqld/init.sock

# Runs SQL from stdin on the temporary server as root.
process_sql() {
    MYSQL_PWD=${ROOT_PASSWORD_SET:-} mariadb --protocol=socket --socket="$INIT_SOCKET" -uroot --batch "$@"
}

initialise() {
    local datadir=$1; shift
    file_env MYSQL_ROOT_PASSWORD
    file_env MYSQL_ROOT_HOST '%'
    file_env MYSQL_DATABASE
    file_env MYSQL_USER
    file_env MYSQL_PASSWORD
    if [[ -z $MYSQL_ROOT_PASSWORD && -z ${MYSQL_ALLOW_EMPTY_PASSWORD:-} && -z ${MYSQL_RANDOM_ROOT_PASSWORD:-} ]]; then
        error "Database is uninitialized and password option is not specified
    You need to specify one of the following as an environment variable:
    - MYSQL_ROOT_PASSWORD
    - MYSQL_ALLOW_EMPTY_PASSWORD
    - MYSQL_RANDOM_ROOT_PASSWORD"
    fi
    if [[ $MYSQL_USER == root ]]; then
        error 'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user'
    fi
    if [[ -n $MYSQL_USER && -z $MYSQL_PASSWORD ]]; then
        error "MYSQL_USER is set but MYSQL_PASSWORD is not: the user would have no password"
    fi
    if [[ -n ${MYSQL_RANDOM_ROOT_PASSWORD:-} ]]; then
        MYSQL_ROOT_PASSWORD=$(tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 || true)
        log "GENERATED ROOT PASSWORD: $MYSQL_ROOT_PASSWORD"
    fi

    log "Initializing database files in $datadir"
    mariadb-install-db --user=mysql --datadir="$datadir" --auth-root-authentication-method=normal \
        --skip-test-db --skip-name-resolve >/dev/null
    log "Database files initialized"

    log "Starting temporary server"
    "$@" --user=mysql --datadir="$datadir" --skip-networking --socket="$INIT_SOCKET" &
    local pid=$!
    for _ in $(seq 1 60); do
        process_sql -e 'SELECT 1' >/dev/null 2>&1 && break
        kill -0 "$pid" 2>/dev/null || error "the temporary server exited during initialisation"
        sleep 1
    done
    process_sql -e 'SELECT 1' >/dev/null || error "the temporary server did not answer within 60 s"
    log "Temporary server started."

    # Leave root@localhost and the system accounts, drop the installer's other accounts.
    local drops
    drops=$(process_sql --skip-column-names -e "SELECT CONCAT('DROP USER ', QUOTE(user), '@', QUOTE(host), ';') FROM mysql.user WHERE NOT (user = 'root' AND host = 'localhost') AND user NOT IN ('mariadb.sys', 'mysql.sys')")
    {
        echo "SET @@SESSION.SQL_LOG_BIN = 0;"
        echo "$drops"
        echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_string "$MYSQL_ROOT_PASSWORD");"
        if [[ $MYSQL_ROOT_HOST != localhost ]]; then
            echo "CREATE USER 'root'@$(sql_string "$MYSQL_ROOT_HOST") IDENTIFIED BY $(sql_string "$MYSQL_ROOT_PASSWORD");"
            echo "GRANT ALL ON *.* TO 'root'@$(sql_string "$MYSQL_ROOT_HOST") WITH GRANT OPTION;"
        fi
        echo "DROP DATABASE IF EXISTS test;"
    } | process_sql
    ROOT_PASSWORD_SET=$MYSQL_ROOT_PASSWORD

    if [[ -n $MYSQL_DATABASE ]]; then
        log "Creating database $MYSQL_DATABASE"
        echo "CREATE DATABASE IF NOT EXISTS $(sql_name "$MYSQL_DATABASE");" | process_sql
    fi
    if [[ -n $MYSQL_USER ]]; then
        log "Creating user $MYSQL_USER"
        echo "CREATE USER $(sql_string "$MYSQL_USER")@'%' IDENTIFIED BY $(sql_string "$MYSQL_PASSWORD");" | process_sql
        if [[ -n $MYSQL_DATABASE ]]; then
            log "Giving user $MYSQL_USER access to schema $MYSQL_DATABASE"
            echo "GRANT ALL ON $(sql_name "$MYSQL_DATABASE").* TO $(sql_string "$MYSQL_USER")@'%';" | process_sql
        fi
    fi

    local db_args=()
    [[ -n $MYSQL_DATABASE ]] && db_args=(--database="$MYSQL_DATABASE")
    for f in /docker-entrypoint-initdb.d/*; do
        case $f in
            *.sh)
                if [[ -x $f ]]; then log "$0: running $f"; "$f"
                else log "$0: sourcing $f"; . "$f"; fi ;;
            *.sql)     log "$0: running $f"; process_sql "${db_args[@]}" <"$f" ;;
            *.sql.gz)  log "$0: running $f"; gunzip -c "$f" | process_sql "${db_args[@]}" ;;
            *.sql.xz)  log "$0: running $f"; xzcat "$f" | process_sql "${db_args[@]}" ;;
            *)         log "$0: ignoring $f" ;;
        esac
    done

    log "Stopping temporary server"
    MYSQL_PWD=$ROOT_PASSWORD_SET mariadb-admin --socket="$INIT_SOCKET" -uroot shutdown
    wait "$pid" || true
    log "Temporary server stopped"
    log "MySQL init process done. Ready for start up."
}

if [[ ${1:0:1} == - ]]; then
    set -- mysqld "$@"
fi

if [[ $1 == mysqld || $1 == mariadbd ]]; then
    datadir=$("$@" --verbose --help 2>/dev/null | awk '$1 == "datadir" { print $2; exit }')
    datadir=${datadir%/}
    datadir=${datadir:-/var/lib/mysql}
    if [[ $(id -u) == 0 ]]; then
        mkdir -p "$datadir" /run/mysqld
        chown mysql:mysql /run/mysqld
        find "$datadir" \! -user mysql -exec chown mysql:mysql '{}' +
    fi
    if [[ -d $datadir/mysql ]]; then
        log "Database directory $datadir is initialised already: skipping initialisation"
    else
        initialise "$datadir" "$@"
    fi
    [[ $(id -u) == 0 ]] && set -- "$@" --user=mysql
fi

exec "$@"
