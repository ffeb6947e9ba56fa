#!/usr/bin/env bash
# A named volume outlives its container: write a row, remove the MySQL container,
# start a new one on the same volume, read the row back.
set -euo pipefail
cd "$(dirname "$0")"

prefix=${FG_PREFIX:-fg-volume-}   # every name starts with it
volume=${prefix}mysql-data
db=${prefix}db

cleanup() {
  docker container rm --force "$db" >/dev/null 2>&1 || true
  docker volume rm "$volume" >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_db() {
  # The password comes from a file mounted into the container, never from the command line.
  docker run -d --name "$db" \
    -v "$volume:/var/lib/mysql" \
    -v "$PWD/db_root_password.txt:/run/secrets/db_root_password:ro" \
    -e MYSQL_ROOT_PASSWORD_FILE=/run/secrets/db_root_password \
    -e MYSQL_DATABASE=fieldguide \
    --health-cmd 'mysqladmin ping -h 127.0.0.1 --silent' \
    --health-interval 3s --health-retries 60 \
    mysql:8.4
  for _ in $(seq 120); do
    [ "$(docker inspect -f '{{.State.Health.Status}}' "$db")" = healthy ] && return 0
    sleep 1
  done
  echo "$db did not become healthy" >&2
  docker logs --tail 20 "$db" >&2
  return 1
}

sql() {
  docker exec "$db" sh -c 'MYSQL_PWD="$(cat /run/secrets/db_root_password)" mysql -uroot -N fieldguide -e "$1"' sh "$1"
}

echo "== create the volume and start MySQL on it"
docker volume create "$volume"
start_db

echo "== write a row"
sql "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));
     INSERT INTO notes VALUES (1, 'written before the container was removed');
     SELECT * FROM notes;"

echo "== remove the container (the volume stays)"
docker container rm --force "$db"
docker volume ls --filter "name=$volume"
docker volume inspect -f 'its data is in {{.Mountpoint}} on the host' "$volume"

echo "== start a new container on the same volume and read the row"
start_db
row=$(sql "SELECT body FROM notes WHERE id = 1;")
echo "$row"
[ "$row" = "written before the container was removed" ]
echo "OK: the data survived the container"
