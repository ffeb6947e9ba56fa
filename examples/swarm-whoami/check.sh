#!/usr/bin/env bash
# From inside the client task: "whoami" is one virtual IP, "tasks.whoami" one address per task,
# and every task answers with its own hostname.
set -euo pipefail

stack=${FG_PROJECT:-whoami}
replicas=$(docker service inspect -f '{{.Spec.Mode.Replicated.Replicas}}' "${stack}_whoami")
client=$(docker ps -q -f "label=com.docker.swarm.service.name=${stack}_client" | head -n1)

docker exec -i "$client" python - "$replicas" <<'PY'
import socket, sys, urllib.request

replicas = int(sys.argv[1])
vips = socket.gethostbyname_ex("whoami")[2]
tasks = sorted(socket.gethostbyname_ex("tasks.whoami")[2])
print(f"whoami       -> {', '.join(vips)}")
print(f"tasks.whoami -> {', '.join(tasks)}")
names = set()
for ip in tasks:
    answer = urllib.request.urlopen(f"http://{ip}:8000/", timeout=3).read().decode().strip()
    print(f"  {ip}: {answer}")
    names.add(answer)
assert len(vips) == 1, "the service name should resolve to one virtual IP"
assert vips[0] not in tasks, "the virtual IP is not a task address"
assert len(tasks) == replicas, f"expected {replicas} task addresses"
assert len(names) == replicas, "every task should answer with its own hostname"
print(f"OK: 1 virtual IP, {len(tasks)} tasks, {len(names)} different hostnames")
PY
