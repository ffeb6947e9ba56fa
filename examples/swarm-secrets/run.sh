#!/usr/bin/env bash
# Two Swarm secrets, one created from a file and one from stdin, handed to a MySQL service that
# reads them through MYSQL_ROOT_PASSWORD_FILE and MYSQL_PASSWORD_FILE; then a login with each.
# Needs a Swarm manager (docker swarm init). Everything it creates is removed on exit.
set -euo pipefail

prefix=${FG_PREFIX:-secrets-demo-}
service=${prefix}db
root_secret=${prefix}db-root-password   # created from a file
app_secret=${prefix}db-app-password     # created from stdin
workdir=$(mktemp -d)

if [[ $(docker info --format '{{.Swarm.ControlAvailable}}') != true ]]; then
  echo "run.sh: this engine is not a Swarm manager; run 'docker swarm init' first" >&2
  exit 1
fi

# A secret cannot be removed while a service uses it: remove the service, wait for its task to go.
cleanup() {
  docker service rm "$service" >/dev/null 2>&1 || true
  for _ in $(seq 60); do
    [[ -z $(docker ps -aq --filter "label=com.docker.swarm.service.name=$service") ]] && break
    sleep 1
  done
  docker secret rm "$root_secret" "$app_secret" >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

echo "== 1. a secret from a file; the file can go once Swarm has it"
openssl rand -hex 16 > "$workdir/root_password.txt"
docker secret create "$root_secret" "$workdir/root_password.txt"
rm "$workdir/root_password.txt"

echo "== 2. a secret from stdin ('-' instead of a file name)"
app_password=$(openssl rand -hex 16)
printf '%s' "$app_password" | docker secret create "$app_secret" -

echo "== 3. Swarm lists the secrets and shows their metadata, never their value"
docker secret ls --filter "name=$prefix" --format 'table {{.Name}}\t{{.CreatedAt}}'
docker secret inspect "$app_secret" --format '{{.Spec.Name}}: {{json .Spec.Data}}'

echo "== 4. a MySQL service that reads both secrets through *_FILE variables"
# The app secret is mounted under another name (target=), read-only for its owner (mode=0400).
docker service create --detach --quiet --name "$service" \
  --secret "$root_secret" \
  --secret "source=$app_secret,target=db_app_password,mode=0400" \
  -e "MYSQL_ROOT_PASSWORD_FILE=/run/secrets/$root_secret" \
  -e MYSQL_DATABASE=shop -e MYSQL_USER=shop \
  -e MYSQL_PASSWORD_FILE=/run/secrets/db_app_password \
  --health-cmd 'mysqladmin ping -h 127.0.0.1 --silent' --health-interval 3s --health-retries 40 \
  mysql:8.4 >/dev/null

echo "   waiting for the task to be healthy…"
for _ in $(seq 90); do
  task=$(docker ps -q --filter "label=com.docker.swarm.service.name=$service" --filter health=healthy)
  [[ -n $task ]] && break
  sleep 2
done
if [[ -z $task ]]; then
  echo "run.sh: the database task did not become healthy; its last log lines:" >&2
  docker service logs --tail 20 "$service" >&2 || true
  exit 1
fi

echo "== 5. inside the task the secrets are files on a tmpfs under /run/secrets"
docker exec "$task" ls -l /run/secrets
docker exec "$task" sh -c 'grep " /run/secrets/" /proc/mounts | cut -d" " -f2,3 | sort'

echo "== 6. the service definition holds only the file paths, not the passwords"
docker service inspect "$service" --format '{{range .Spec.TaskTemplate.ContainerSpec.Env}}{{println .}}{{end}}' | grep PASSWORD

echo "== 7. log in as root with the password read from the secret file"
docker exec "$task" sh -c \
  "MYSQL_PWD=\$(cat /run/secrets/$root_secret) mysql -uroot -N -e 'SELECT CURRENT_USER()'"

echo "== 8. log in as the application user with the password we piped in at step 2"
docker exec -e "MYSQL_PWD=$app_password" "$task" mysql -ushop -N -e 'SELECT CURRENT_USER(), DATABASE()' shop

echo "== 9. a wrong password is refused (so the logins above really used the secrets)"
if docker exec -e MYSQL_PWD=wrong "$task" mysql -uroot -N -e 'SELECT 1' 2>/dev/null; then
  echo "run.sh: root logged in with a wrong password" >&2
  exit 1
fi
echo "refused"

echo "== 10. a secret in use cannot be removed"
if docker secret rm "$app_secret" 2>&1; then
  echo "run.sh: removed a secret a service still uses" >&2
  exit 1
fi

echo "OK: both secrets reached the database through *_FILE; removing the service and the secrets"
