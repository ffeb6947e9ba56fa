import assert from 'node:assert/strict';
import {test} from 'node:test';
import {mask, VOLATILE_KINDS, type VolatileKind} from '../../../tools/transcripts/volatile';

const PATTERNS = Object.keys(VOLATILE_KINDS) as VolatileKind[];

test('each kind masks what it names', () => {
  const cases: [VolatileKind, string, string][] = [
    ['digest', 'Deleted: sha256:' + 'ab'.repeat(32), 'Deleted: <digest>'],
    ['id', '3e7640b9c348   busybox:1.36', '<id>   busybox:1.36'],
    ['id', 'a'.repeat(64), '<id>'],
    ['time', 'Up Less than a second   x', 'Up <time>   x'],
    ['time', 'Running less than a second ago', 'Running <time> ago'],
    ['time', 'Exited (0) 38 seconds ago', 'Exited (0) <time> ago'],
    ['time', '2026/11/29 04:23:42 [notice]', '<time> [notice]'],
    ['duration', '#6 DONE 1.1s', '#6 DONE <duration>'],
    ['duration', 'real\t0m11.232s', 'real\t<duration>'],
    [
      'duration',
      '64 bytes from 10.200.1.2: icmp_seq=1 ttl=64 time=0.119 ms',
      '64 bytes from 10.200.1.2: icmp_seq=1 ttl=64 time=<duration>',
    ],
    ['duration', 'rtt min/avg/max/mdev = 0.071/0.091/0.119/0.020 ms', 'rtt min/avg/max/mdev = <duration>'],
    [
      'duration',
      '3 packets transmitted, 3 received, 0% packet loss, time 2028ms',
      '3 packets transmitted, 3 received, 0% packet loss, time <duration>',
    ],
    [
      'swarm-id',
      'Swarm initialized: current node (owxfdwrjzudt9n2k3l4m5p6q7) is now',
      'Swarm initialized: current node (<swarm-id>) is now',
    ],
    [
      'swarm-id',
      'docker swarm join --token SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx 10.0.0.2:2377',
      'docker swarm join --token <swarm-id> 10.0.0.2:2377',
    ],
    ['swarm-id', 'mej8pv4twfva   ch5-demo   replicated   1/1', '<swarm-id>   ch5-demo   replicated   1/1'],
    ['swarm-id', 'm5684hcm9v3d    \\_ ch5-demo.2   busybox:1.36', '<swarm-id>    \\_ ch5-demo.2   busybox:1.36'],
    ['swarm-id', 'ch5-demo.3.9q20cikxbjdn3wifszb2tompg', 'ch5-demo.3.<swarm-id>'],
    ['swarm-id', '    SWMKEY-1-/JTCqsd97p7h+ukEM4MeVHAJPmtkr3bORKSMzdlteC8', '    <swarm-id>'],
    [
      'time',
      '-r-------- 1 root root 32 Nov 29 04:36 db_app_password',
      '-r-------- 1 root root 32 <time> db_app_password',
    ],
    ['time', '-r--r--r-- 1 root root 33 Dec  1 19:02 x', '-r--r--r-- 1 root root 33 <time> x'],
    [
      'mac-address',
      'link/ether 02:42:ac:11:00:05 brd ff:ff:ff:ff:ff:ff',
      'link/ether <mac-address> brd ff:ff:ff:ff:ff:ff',
    ],
    [
      'mac-address',
      'veth1@if2  UP  10.200.1.1/24 fe80::ac97:4eff:fe72:895a/64',
      'veth1@if2  UP  10.200.1.1/24 <mac-address>/64',
    ],
    ['veth-name', 'veth48bcc58@if212 UP', '<veth-name>@if212 UP'],
    ['size', '204MB and 4.35kB and 0B', '<size> and <size> and <size>'],
    ['ip-address', 'running 172.17.0.2 x', 'running <ip-address> x'],
    ['port', '8000/tcp -> 0.0.0.0:32768', '8000/tcp -> 0.0.0.0:<port>'],
    ['pid', '19644               /bin/sh -c nginx', '<pid>               /bin/sh -c nginx'],
    ['pid', '14958 /usr/sbin/docker-proxy -proto tcp', '<pid> /usr/sbin/docker-proxy -proto tcp'],
    ['pid', '[notice] 1#1: start worker process 16', '[notice] 1#1: start worker process <pid>'],
    [
      'ssh-key',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHd0Y3R1c2VkIGZvciBhIHRlc3Qgb25seSwgbm8ga2V5 root@laptop',
      'ssh-ed25519 <ssh-key> root@laptop',
    ],
  ];
  for (const [kind, text, masked] of cases) assert.equal(mask(text, [kind]), masked, kind);
});

test('only declared kinds are masked', () => {
  assert.equal(mask('running 172.17.0.2', ['id']), 'running 172.17.0.2');
});

test('no pattern is a wildcard: ordinary output stays as it is under every one', () => {
  const text = 'Hello, Field Guide!\nfg-ch1-running\n["python","hello.py"] ["World"] /app hello\nfg-hello     1.0';
  assert.equal(mask(text, PATTERNS), text);
});

test('digests are masked whole, before the id kind could take their hex part', () => {
  assert.equal(mask('sha256:' + 'c'.repeat(64), PATTERNS), '<digest>');
});

test('column padding compares tables whose columns moved with a volatile cell', () => {
  const before = 'CREATED         STATUS\n<time> ago   Up <time>';
  const after = 'CREATED              STATUS\n<time> ago        Up <time>';
  assert.equal(mask(before, ['column-padding']), mask(after, ['column-padding']));
  assert.notEqual(mask('a  b', ['column-padding']), mask('a b', ['column-padding']));
});

test('BuildKit progress printed once or twice for a step compares equal, other step lines do not', () => {
  const once = [
    '#9 exporting layers 0.0s done',
    '#9 writing image sha256:' + 'a'.repeat(64) + ' done',
    '#5 transferring context: 990B done',
  ].join('\n');
  const twice = [
    '#9 exporting layers',
    '#9 exporting layers 0.3s done',
    '#9 writing image sha256:' + 'b'.repeat(64),
    '#9 writing image sha256:' + 'b'.repeat(64) + ' 0.1s done',
    '#5 transferring context: 973B 0.0s done',
  ].join('\n');
  const kinds: VolatileKind[] = ['digest', 'duration', 'size', 'buildkit-progress'];
  assert.equal(mask(once, kinds), mask(twice, kinds));
  assert.notEqual(mask('#6 CACHED', kinds), mask('#6 DONE 0.5s', kinds));
});

test('BuildKit steps that ran in parallel compare equal in either order and numbering, a changed step does not', () => {
  const kinds: VolatileKind[] = ['duration', 'size', 'buildkit-progress'];
  const a =
    '$ docker build .\n#0 building\n\n#4 [internal] load build context\n#4 DONE 0.0s\n\n#5 [1/4] FROM python\n#5 DONE 0.1s';
  const b =
    '$ docker build .\n#0 building\n\n#4 [1/4] FROM python\n#4 DONE 0.0s\n\n#5 [internal] load build context\n#5 DONE 0.0s';
  assert.equal(mask(a, kinds), mask(b, kinds));
  assert.notEqual(mask(a, kinds), mask(b.replace('FROM python', 'FROM debian'), kinds));
});

test('a BuildKit step the printer left (`#6 ...`) and came back to under its header compares as one step', () => {
  const kinds: VolatileKind[] = ['duration', 'buildkit-progress'];
  const straight =
    '#5 [1/4] FROM python\n#5 DONE 0.1s\n\n#6 [2/4] RUN useradd hello\n#6 DONE 0.6s\n\n#7 [3/4] COPY app.py .\n#7 DONE 0.1s';
  const interrupted =
    '#5 [1/4] FROM python\n#5 DONE 0.1s\n\n#6 [2/4] RUN useradd hello\n#6 ...\n\n#6 [2/4] RUN useradd hello\n#6 DONE 0.9s\n\n#7 [3/4] COPY app.py .\n#7 DONE 0.1s';
  assert.equal(mask(interrupted, kinds), mask(straight, kinds));
  assert.notEqual(
    mask(interrupted.replace('#6 DONE 0.9s', '#6 ERROR: exit code 1'), kinds),
    mask(straight, kinds),
    'what the step did still counts',
  );
});

test('a BuildKit step printed again in the same words compares as printed once; a step printed once only does not vanish', () => {
  const kinds: VolatileKind[] = ['duration', 'buildkit-progress'];
  const once = '#5 [1/4] FROM python\n#5 DONE 0.1s\n\n#6 [2/4] RUN useradd hello\n#6 DONE 0.6s';
  const again =
    '#5 [1/4] FROM python\n#5 DONE 0.1s\n\n#6 [2/4] RUN useradd hello\n#6 DONE 0.6s\n\n#5 [1/4] FROM python\n#5 DONE 0.0s';
  assert.equal(mask(again, kinds), mask(once, kinds));
  assert.notEqual(mask('#6 [2/4] RUN useradd hello\n#6 DONE 0.6s', kinds), mask(once, kinds), 'a missing step counts');
});

test('BuildKit progress right after the command line (compose build starts with a step) is normalised too', () => {
  const kinds: VolatileKind[] = ['size', 'duration', 'buildkit-progress'];
  const a =
    '$ docker compose build\n#1 [internal] load local bake definitions\n#1 reading from stdin 591B done\n#1 DONE 0.0s';
  const b =
    '$ docker compose build\n#1 [internal] load local bake definitions\n#1 reading from stdin 591B 0.0s done\n#1 DONE 0.0s';
  assert.equal(mask(a, kinds), mask(b, kinds));
  assert.notEqual(
    mask(a, kinds),
    mask(b.replace('$ docker compose build', '$ docker compose build web'), kinds),
    'the command itself still counts',
  );
});
