#!/usr/bin/env bash
# Starts each stand-in image on this engine and checks the behaviour the examples rely on
# (see README.md). It first makes the images present through standins.ts (reusing
# up-to-date stand-ins, building the others). Everything it creates is named
# fg-verify-<pid>-* and removed on exit, pass or fail.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# the dind stand-in of the engine major the host runs (docker-versions.json)
DIND="docker:$(node -p "require('$HERE/../../docker-versions.json').engine.split('.')[0]")-dind"
IMAGES=(nginx:1.27 mysql:8.4 wordpress:6.6-apache redis:7.4 busybox:1.36 haproxy:3.0 registry:2.8
  python:3.12-slim "$DIND")
"$HERE/../../node_modules/.bin/tsx" "$HERE/ensure.ts" "${IMAGES[@]}"

P=fg-verify-$$
WORK=$(mktemp -d)
chmod 755 "$WORK"
failures=0

cleanup() {
  local ids
  ids=$(docker ps -aq --filter "name=^$P-")
  [[ -z $ids ]] || docker rm -f -v $ids >/dev/null
  docker volume ls -q --filter "name=^$P-" | xargs -r docker volume rm >/dev/null
  docker network ls -q --filter "name=^$P-" | xargs -r docker network rm >/dev/null
  docker image ls -q "localhost:5000/$P/busybox" | xargs -r docker rmi -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failures=$((failures + 1)); }
check() { # check NAME COMMAND…: runs the command, passes when it exits 0
  local name=$1; shift
  if "$@" >"$WORK/out" 2>&1; then pass "$name"; else fail "$name"; sed 's/^/      /' "$WORK/out" | tail -n 15; fi
}
# wait_for SECONDS COMMAND…: retries the command once a second
wait_for() {
  local seconds=$1; shift
  for _ in $(seq 1 "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  "$@"
}
port() { docker port "$1" "$2" | head -n 1 | sed 's/.*://'; }

docker network create "$P-net" >/dev/null

# nginx: serves a bind-mounted folder, renders templates, has curl.
mkdir -p "$WORK/site" && echo "bind mount $P" >"$WORK/site/index.html"
docker run -d --name "$P-nginx" --network "$P-net" -p 127.0.0.1::80 \
  -v "$WORK/site:/usr/share/nginx/html:ro" nginx:1.27 >/dev/null
check "nginx serves a bind-mounted folder" \
  wait_for 10 sh -c "curl -fsS http://127.0.0.1:$(port "$P-nginx" 80)/ | grep -qx 'bind mount $P'"
check "nginx image has curl for healthchecks" docker exec "$P-nginx" curl -fsS -o /dev/null http://localhost/

# busybox: sh, ping, nslookup, wget by container name on a user network.
check "busybox ping, nslookup, wget and sleep work by name" docker run --rm --network "$P-net" busybox:1.36 sh -c \
  "ping -c 1 -W 2 $P-nginx && nslookup $P-nginx && wget -q -O - http://$P-nginx/ | grep -q 'bind mount' && sleep 0.1"

# mysql: MYSQL_* variables, *_FILE secrets, a named volume that survives recreation.
printf 'r00t-pw\n' >"$WORK/root_password" && printf 'wp-pw\n' >"$WORK/db_password"
chmod 644 "$WORK"/*_password
docker volume create "$P-db" >/dev/null
start_db() {
  docker run -d --name "$P-db" --network "$P-net" --network-alias db -v "$P-db:/var/lib/mysql" \
    -v "$WORK:/secrets:ro" -e MYSQL_ROOT_PASSWORD_FILE=/secrets/root_password \
    -e MYSQL_DATABASE=wordpress -e MYSQL_USER=wp -e MYSQL_PASSWORD_FILE=/secrets/db_password mysql:8.4 >/dev/null
}
start_db
check "mysql answers mysqladmin ping" wait_for 60 docker exec "$P-db" mysqladmin ping -h 127.0.0.1 -uroot -pr00t-pw --silent
check "mysql user from MYSQL_USER/MYSQL_PASSWORD_FILE can write MYSQL_DATABASE" docker exec "$P-db" \
  mysql -h 127.0.0.1 -uwp -pwp-pw wordpress -e "CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('$P')"

# wordpress: the install page answers once the database is reachable.
docker run -d --name "$P-wp" --network "$P-net" -p 127.0.0.1::80 -v "$WORK:/secrets:ro" \
  -e WORDPRESS_DB_HOST=db:3306 -e WORDPRESS_DB_USER=wp -e WORDPRESS_DB_PASSWORD_FILE=/secrets/db_password \
  -e WORDPRESS_DB_NAME=wordpress wordpress:6.6-apache >/dev/null
check "wordpress install page answers 200 (database connection works)" wait_for 30 sh -c \
  "curl -fsS http://127.0.0.1:$(port "$P-wp" 80)/wp-admin/install.php | grep -q 'WordPress'"
docker run -d --name "$P-wp-bad" --network "$P-net" -e WORDPRESS_DB_HOST=db -e WORDPRESS_DB_USER=wp \
  -e WORDPRESS_DB_PASSWORD=wrong -e WORDPRESS_DB_NAME=wordpress wordpress:6.6-apache >/dev/null
check "wordpress with a wrong password does not answer 200" wait_for 10 sh -c \
  "test \"\$(docker exec $P-wp-bad curl -s -o /dev/null -w '%{http_code}' http://localhost/wp-admin/install.php)\" = 500"

docker rm -f "$P-db" >/dev/null
start_db
check "mysql data in a named volume survives a new container" wait_for 60 sh -c \
  "docker exec $P-db mysql -h 127.0.0.1 -uwp -pwp-pw wordpress -N -e 'SELECT v FROM kept' | grep -qx $P"

# redis: reachable from another container, protected mode off.
docker run -d --name "$P-redis" --network "$P-net" redis:7.4 >/dev/null
check "redis-cli ping answers PONG" wait_for 10 sh -c "docker exec $P-redis redis-cli ping | grep -qx PONG"
check "redis accepts clients from other containers" sh -c \
  "docker run --rm --network $P-net redis:7.4 redis-cli -h $P-redis incr hits | grep -qx 1"

# haproxy: balances between two backends.
for b in a b; do
  mkdir -p "$WORK/$b" && echo "backend-$b" >"$WORK/$b/index.html"
  docker run -d --name "$P-$b" --network "$P-net" --network-alias app -v "$WORK/$b:/usr/share/nginx/html:ro" nginx:1.27 >/dev/null
done
cat >"$WORK/haproxy.cfg" <<EOF
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
frontend web
    bind :80
    default_backend app
backend app
    balance roundrobin
    server a $P-a:80 check
    server b $P-b:80 check
EOF
docker run -d --name "$P-lb" --network "$P-net" -p 127.0.0.1::80 \
  -v "$WORK/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" haproxy:3.0 >/dev/null
check "haproxy balances between two backends" wait_for 15 sh -c \
  "for i in 1 2 3 4; do curl -fsS http://127.0.0.1:$(port "$P-lb" 80)/; done | sort -u | tr '\n' ' ' | grep -qx 'backend-a backend-b '"

# registry: push and pull through localhost.
docker run -d --name "$P-registry" -p 127.0.0.1::5000 registry:2.8 >/dev/null
reg=localhost:$(port "$P-registry" 5000)
check "registry answers /v2/ (wget present for healthchecks)" wait_for 15 docker exec "$P-registry" wget -q -O - http://localhost:5000/v2/
check "push to and pull from the registry on localhost" sh -c \
  "docker tag busybox:1.36 $reg/$P/busybox:1.36 && docker push $reg/$P/busybox:1.36 && docker rmi $reg/$P/busybox:1.36 && docker pull $reg/$P/busybox:1.36 && docker rmi $reg/$P/busybox:1.36"

# python: python, pip, offline requirements already met.
printf 'flask>=2.2\nredis>=4.3\n' >"$WORK/requirements.txt"
check "python: pip install -r requirements.txt succeeds offline (flask, redis)" docker run --rm \
  -v "$WORK/requirements.txt:/requirements.txt:ro" python:3.12-slim sh -c \
  'pip install -r /requirements.txt && python -c "import flask, redis"'

# dind: an engine starts inside with the flags this VM allows.
docker run -d --name "$P-dind" --cap-add ALL --security-opt seccomp=unconfined \
  --security-opt systempaths=unconfined --cgroupns private --device-cgroup-rule 'a *:* rwm' "$DIND" >/dev/null
check "dind: docker info answers inside the container" wait_for 60 docker exec "$P-dind" docker info
check "dind: a nested container runs" sh -c \
  "docker save busybox:1.36 | docker exec -i $P-dind docker load && docker exec $P-dind docker run --rm busybox:1.36 echo nested"

if ((failures)); then
  echo "$failures stand-in check(s) failed"
  exit 1
fi
echo "all stand-in checks passed"
