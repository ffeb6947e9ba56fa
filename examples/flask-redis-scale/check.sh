#!/usr/bin/env bash
# Asks the load balancer twelve times: the answers must come from at least two replicas of web,
# and the visit count shared in Redis must rise with every answer.
set -euo pipefail

url=${URL:-http://127.0.0.1:8083/}
declare -A hosts=()
last=0
for i in $(seq 12); do
  answer=$(curl -fsS "$url")        # "Hello from <hostname>: visit <n>"
  echo "$answer"
  host=${answer#Hello from }; host=${host%%:*}
  count=${answer##* }
  hosts[$host]=1
  if [ "$count" -le "$last" ]; then
    echo "the count did not rise: $last then $count" >&2
    exit 1
  fi
  last=$count
done
echo "answers came from ${#hosts[@]} replicas: ${!hosts[*]}"
[ "${#hosts[@]}" -ge 2 ]
