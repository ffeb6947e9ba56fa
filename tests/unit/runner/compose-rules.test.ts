import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import type {Declaration} from '../../../tools/runner/declaration';
import {checkComposeRules, isOneShot, locateComposeError} from '../../../tools/runner/static/compose';
import {parseYaml} from '../../../tools/runner/yamlpos';

function rules(
  text: string,
  opts: {isStack?: boolean; declaration?: Partial<Declaration>; files?: Record<string, string>} = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'fg-compose-'));
  for (const [rel, body] of Object.entries(opts.files ?? {})) {
    mkdirSync(join(dir, rel, '..'), {recursive: true});
    writeFileSync(join(dir, rel), body);
  }
  const {yaml, problems} = parseYaml('compose.yaml', text);
  assert.deepEqual(problems, []);
  const declaration = opts.declaration
    ? ({images: [], secrets: [], checks: [], limits: [], ...opts.declaration} as Declaration)
    : null;
  return checkComposeRules(yaml, {dir, isStack: !!opts.isStack, declaration}).map(
    (p) => `${p.line}:${p.col} ${p.rule}`,
  );
}

const HC = '    healthcheck:\n      test: ["CMD", "true"]\n';

test('no version key', () => {
  assert.deepEqual(rules(`version: "3.8"\nservices:\n  web:\n    image: a:1\n${HC}`), ['1:1 no-version']);
});

test('images pinned to a tag; built services exempt', () => {
  const text = `services:
  a:
    image: nginx
${HC}  b:
    image: nginx:latest
${HC}  c:
    image: localhost:5000/app
${HC}  d:
    image: myapp
    build: .
${HC}  e:
    image: app@sha256:0123
${HC}`;
  assert.deepEqual(rules(text, {files: {Dockerfile: 'FROM x:1\n'}}), [
    '3:5 image-unpinned',
    '7:5 image-unpinned',
    '11:5 image-unpinned',
  ]);
});

test('a healthcheck on every long-running service', () => {
  const text = `services:
  web:
    image: a:1
  off:
    image: a:1
    healthcheck:
      disable: true
  none:
    image: a:1
    healthcheck:
      test: ["NONE"]
  job:
    image: a:1
    restart: "no"
  built:
    build: ./app
  built-without:
    build:
      context: ./other
`;
  const files = {'app/Dockerfile': 'FROM a:1\nHEALTHCHECK CMD true\n', 'other/Dockerfile': 'FROM a:1\n'};
  assert.deepEqual(rules(text, {files}), [
    '2:3 healthcheck-missing',
    '4:3 healthcheck-missing',
    '8:3 healthcheck-missing',
    '17:3 healthcheck-missing',
  ]);
});

test('a stack image built from images: counts its Dockerfile HEALTHCHECK', () => {
  const text = 'services:\n  app:\n    image: fieldguide/app:1.0\n    deploy:\n      endpoint_mode: dnsrr\n';
  const declaration = {images: [{tag: 'fieldguide/app:1.0', context: 'app', dockerfile: 'Dockerfile'}]};
  assert.deepEqual(
    rules(text, {isStack: true, declaration, files: {'app/Dockerfile': 'FROM a:1\nHEALTHCHECK CMD true\n'}}),
    [],
  );
  assert.deepEqual(rules(text, {isStack: true, declaration, files: {'app/Dockerfile': 'FROM a:1\n'}}), [
    '2:3 healthcheck-missing',
  ]);
});

test('one-shot services', () => {
  assert.equal(isOneShot({restart: 'no'}, false), true);
  assert.equal(isOneShot({}, false), false);
  assert.equal(isOneShot({deploy: {mode: 'replicated-job'}}, true), true);
  assert.equal(isOneShot({deploy: {restart_policy: {condition: 'none'}}}, true), true);
  assert.equal(isOneShot({restart: 'no'}, true), false);
});

test('no inline secrets: map and list environments, *_FILE under /run/secrets', () => {
  const text = `services:
  db:
    image: mysql:8.4
${HC}    environment:
      MYSQL_ROOT_PASSWORD: hunter2
      MYSQL_PASSWORD_FILE: /run/secrets/db_password
      MYSQL_USER_PASSWORD_FILE: /etc/pw
      MYSQL_DATABASE: wordpress
      FROM_SHELL_PASSWORD: \${FROM_SHELL_PASSWORD}
      EMPTY_PASSWORD: ""
      PASSTHROUGH_TOKEN:
  app:
    image: app:1
${HC}    environment:
      - API_TOKEN=abc
      - CLIENT_SECRET
      - SESSION_SECRET=$SESSION_SECRET
`;
  assert.deepEqual(rules(text), ['7:7 inline-secret', '9:7 secret-file-path', '19:9 inline-secret']);
});

test('stack rules: ignored keys, ingress and VIP need the ipvs limit, external secrets declared', () => {
  const text = `services:
  web:
    image: web:1
    build: .
    container_name: web
    restart: always
    depends_on: [db]
    ports:
      - "8080:80"
${HC}  db:
    image: db:1
${HC}    deploy:
      endpoint_mode: dnsrr
secrets:
  pw:
    external: true
  from_file:
    file: ./pw.txt
`;
  const declaration = {limits: [], secrets: []};
  assert.deepEqual(rules(text, {isStack: true, declaration, files: {Dockerfile: 'FROM a:1\n'}}), [
    '4:5 stack-build',
    '5:5 stack-container-name',
    '6:5 stack-restart',
    '7:5 stack-depends-on',
    '9:9 limit-undeclared',
    '19:3 stack-secret-undeclared',
  ]);
  const declared = {limits: [{feature: 'ipvs', what: {'zh-Hans': 'x', en: 'x'}}], secrets: [{name: 'pw', stdin: 'x'}]};
  assert.deepEqual(
    rules(text, {isStack: true, declaration: declared, files: {Dockerfile: 'FROM a:1\n'}}).filter(
      (l) => !/stack-(build|container|restart|depends)/.test(l),
    ),
    [],
  );
});

test('a VIP service without published ports also relies on IPVS', () => {
  const text = `services:\n  web:\n    image: web:1\n${HC}    ports:\n      - { target: 80, published: 8080, mode: host }\n`;
  assert.deepEqual(rules(text, {isStack: true, declaration: {}}), ['2:3 limit-undeclared']);
  const dnsrr = text + '    deploy:\n      endpoint_mode: dnsrr\n';
  assert.deepEqual(rules(dnsrr, {isStack: true, declaration: {}}), []);
});

test('a script example declares the images of the files its script deploys', () => {
  const text = `services:\n  web:\n    image: nginx:1.27\n${HC}  app:\n    image: app:1\n    build: .\n${HC}`;
  const files = {Dockerfile: 'FROM a:1\n'};
  assert.deepEqual(rules(text, {declaration: {kind: 'script', uses: []}, files}), ['3:5 image-undeclared']);
  assert.deepEqual(rules(text, {declaration: {kind: 'script', uses: ['nginx:1.27']}, files}), []);
  // Other kinds have their images read from the file itself.
  assert.deepEqual(rules(text, {declaration: {kind: 'compose'}, files}), []);
});

test('exec checks must name a service of the file', () => {
  const text = `services:\n  web:\n    image: web:1\n${HC}`;
  const declaration = {checks: [{name: {'zh-Hans': 'x', en: 'x'}, exec: {service: 'db', command: ['true']}}]};
  assert.deepEqual(rules(text, {declaration}), ['1:1 check-service']);
});

test('errors of docker compose config and docker stack config are located', () => {
  const {yaml} = parseYaml(
    'compose.yaml',
    `services:
  web:
    image: a:1
    port:
      - "80:80"
  db:
    image: b:1
    mem_limit: 1g
`,
  );
  const at = (message: string, rule = 'compose-config') => {
    const p = locateComposeError(yaml, rule, message);
    return `${p.line}:${p.col} ${p.message}`;
  };
  assert.equal(
    at('validating /x/compose.yaml: services.web Additional property port is not allowed'),
    '4:5 services.web Additional property port is not allowed',
  );
  assert.equal(at('yaml: line 7: did not find expected key'), '7:1 yaml: line 7: did not find expected key');
  assert.equal(
    at('service "db" refers to undefined network back: invalid compose project'),
    '6:3 service "db" refers to undefined network back: invalid compose project',
  );
  assert.equal(
    at('mem_limit: Set resource limits using deploy.resources', 'stack-config'),
    '8:5 mem_limit: Set resource limits using deploy.resources',
  );
  assert.equal(
    at('Configuration contains forbidden properties', 'stack-config'),
    '8:5 Configuration contains forbidden properties: mem_limit is not allowed in a stack file',
  );
  assert.equal(at('something unexpected'), '1:1 something unexpected');
});
