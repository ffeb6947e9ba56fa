"""Polls the web service without pause during a rolling update; fails on any failed request.

Each round resolves "web" again (one address per healthy task, dnsrr) and asks every address once,
with no retry. Once /tmp/rollout-done appears it goes on until 20 rounds in a row answer v2 only
(at most 30 s more).
It also counts how many tasks answered in each round: with start-first that never drops below the
number of replicas (argument 1), because a new task answers before an old one is stopped; the
first rounds below that are printed with the addresses DNS gave.
A request may take up to 10 s: on a busy machine an answer can be slow without being lost.
"""
import collections
import os
import socket
import sys
import time
import urllib.request

REPLICAS = int(sys.argv[1])
DONE = "/tmp/rollout-done"
deadline = time.monotonic() + 300
answers = collections.Counter()
failures = []
rounds = 0
fewest = None      # fewest tasks that answered in one round
thin_rounds = []   # rounds in which fewer tasks than replicas answered
done = False       # the update has finished
v2_streak = 0      # rounds in a row, after it, that only v2 answered

while v2_streak < 20:
    if time.monotonic() > deadline:
        failures.append("gave up: " + ("still answering other than v2 30 s after the update" if done
                                       else "no word that the update finished within 300 s"))
        break
    if not done and os.path.exists(DONE):
        done = True
        deadline = time.monotonic() + 30
    rounds += 1
    answered = 0
    versions = set()
    try:
        addresses = sorted(socket.gethostbyname_ex("web")[2])
    except OSError as err:
        addresses = []
        failures.append(f"round {rounds}: resolving web failed: {err}")
    for ip in addresses:
        try:
            answer = urllib.request.urlopen(f"http://{ip}:8000/", timeout=10).read().decode().strip()
        except OSError as err:
            failures.append(f"round {rounds}: {ip}: {err}")
            continue
        answered += 1
        version = answer.split()[0]
        answers[version] += 1
        versions.add(version)
    if answered < REPLICAS:
        thin_rounds.append(f"round {rounds} ({time.strftime('%H:%M:%S')}): {answered} answered, DNS gave {addresses}")
    fewest = answered if fewest is None else min(fewest, answered)
    v2_streak = v2_streak + 1 if done and versions == {"v2.0"} else 0
    time.sleep(0.05)

print(f"rounds: {rounds}, answers: {sum(answers.values())} "
      f"({', '.join(f'{v}: {n}' for v, n in sorted(answers.items()))}), failed: {len(failures)}")
for failure in failures[:5]:
    print("FAILED", failure)
print(f"fewest tasks answering in one round: {fewest} (replicas: {REPLICAS})")
for thin in thin_rounds[:5]:
    print("FEWER", thin)
print(f"rounds in a row answering v2 only at the end: {v2_streak}")
ok = not failures and fewest >= REPLICAS and {"v1.0", "v2.0"} <= answers.keys() and v2_streak >= 20
print("OK: no failed request, never fewer than "
      f"{REPLICAS} tasks answering; v1 and v2 during the update, v2 only after it" if ok else "NOT OK")
sys.exit(0 if ok else 1)
