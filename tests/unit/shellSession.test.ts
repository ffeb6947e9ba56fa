import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandsOf, copyableText} from '../../src/lib/shellSession';

test('keeps commands without their prompt and drops output', () => {
  const session = [
    '$ docker network ls',
    'NETWORK ID   NAME      DRIVER',
    'a1b2c3d4     bridge    bridge',
    '$ docker ps -q',
  ].join('\n');
  assert.equal(commandsOf(session), 'docker network ls\ndocker ps -q');
});

test('keeps the continuation lines of a command ending in a backslash', () => {
  const session = ['$ docker run -d \\', '    --name web \\', '    nginx:1.27', 'f00dfeed', '$ echo done', 'done'].join(
    '\n',
  );
  assert.equal(commandsOf(session), 'docker run -d \\\n    --name web \\\n    nginx:1.27\necho done');
});

test('only shell sessions are filtered; other languages copy as shown', () => {
  const text = '$ not a prompt in bash\nsecond line';
  assert.equal(copyableText(text, 'bash'), text);
  assert.equal(copyableText(text, undefined), text);
  assert.equal(copyableText(text, 'shell-session'), 'not a prompt in bash');
  assert.equal(copyableText(text, 'console'), 'not a prompt in bash');
});
