import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  check,
  definitionLines,
  describe,
  exampleLines,
  exampleProse,
  figureLines,
  figureProse,
  mdxProse,
  pageLines,
  readGlossary,
  rulesOf,
} from './glossary';

// glossary/terms.yaml fixes one term per concept; the pages, figures and example comments
// must not use a variant it lists under `avoid`. Commands, output and code are not checked.
const glossary = readGlossary();
const rules = rulesOf(glossary);

const report = (findings: ReturnType<typeof check>) => findings.map(describe).join('\n');

test('every term has an id, both terms, both definitions and avoid lists; ids are unique', () => {
  const ids = glossary.terms.map((t) => t.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'duplicate ids',
  );
  for (const t of glossary.terms) {
    assert.match(t.id, /^[a-z][a-z-]*$/, `${t.id}: id`);
    for (const lang of ['zh', 'en'] as const) {
      assert.ok(t[lang]?.trim(), `${t.id}: ${lang} term`);
      assert.ok(t.definition?.[lang]?.trim(), `${t.id}: ${lang} definition`);
      assert.ok(Array.isArray(t.avoid?.[lang]), `${t.id}: avoid.${lang} is a list`);
    }
  }
});

test('no avoided variant is also the term, or an accepted form, of its own concept', () => {
  const clashes: string[] = [];
  for (const t of glossary.terms) {
    for (const lang of ['zh', 'en'] as const) {
      const own = [t[lang], ...(t.also?.[lang] ?? [])];
      const mine = rulesOf({terms: [t]}).filter((r) => r.lang === lang);
      for (const form of own)
        for (const r of mine)
          if (new RegExp(`^(?:${r.regex.source})$`, 'u').test(form)) clashes.push(`${t.id}: "${form}"`);
    }
  }
  assert.deepEqual(clashes, []);
});

test('the check flags a banned variant with file:line and the term to use', () => {
  const zh = mdxProse(
    '---\ntitle: "示例"\n---\n\n在宿主机上运行。\n\n```bash\necho 宿主机\n```\n`宿主机` 在代码里不算。\n',
    'x.mdx',
    'zh',
  );
  const found = check(zh, rules).map(describe);
  assert.deepEqual(found, ['x.mdx:5: "宿主机" → use "主机" (host)']);

  const en = mdxProse(
    'Write the compose file, then the healthcheck runs.\nThe `healthcheck:` key and HEALTHCHECK are fine; it’s not.\n',
    'y.mdx',
    'en',
  );
  assert.deepEqual(check(en, rules).map(describe), [
    'y.mdx:1: "compose file" → use "Compose file" (compose-file)',
    'y.mdx:1: "healthcheck" → use "health check" (health-check)',
    'y.mdx:2: "’" → use "\'" (style)',
  ]);
});

test('a variant that is right in another sense is not flagged there', () => {
  const zh = mdxProse(
    [
      '镜像要写上标签（`nginx:1.27`），框里按标签页列出文件。', // tag, and tabs
      'Swarm 用 Raft 日志的密钥加密，解锁密钥另存。', // an encryption key, not a secret
      '用 `--label` 给卷加上 label，按 label 选择器筛选。',
      'Docker Hub 上的私有仓库要先登录；仓库名是 library/nginx。', // repositories
      '把 80 端口发布到主机；用来放非机密的配置文件。',
      '守护进程（daemon）读取 `daemon.json`。',
    ].join('\n'),
    'z.mdx',
    'zh',
  );
  assert.equal(report(check(zh, rules)), '');
  const en = mdxProse(
    'A Swarm secret in a single-node swarm; Swarm mode. The engine bind-mounts a file.\n',
    'e.mdx',
    'en',
  );
  assert.equal(report(check(en, rules)), '');
});

test('figures: only the zh-Hans and en texts are read, each with its own language', () => {
  const source = [
    'const text = {',
    "  'zh-Hans': {",
    "    title: '宿主机上的 compose file',",
    '  },',
    '  en: {',
    "    title: 'the host’s compose file',",
    '  },',
    '};',
    "const x = '宿主机';",
  ].join('\n');
  assert.deepEqual(check(figureProse(source, 'F.tsx'), rules).map(describe), [
    'F.tsx:3: "宿主机" → use "主机" (host)',
    'F.tsx:6: "’" → use "\'" (style)',
    'F.tsx:6: "compose file" → use "Compose file" (compose-file)',
  ]);
});

test('example files: comments are read, code is not', () => {
  const sh = '#!/usr/bin/env bash\n# Needs a data volume.\necho "data volume" # the healthcheck here\n';
  assert.deepEqual(check(exampleProse(sh, 'run.sh'), rules).map(describe), [
    'run.sh:2: "data volume" → use "volume" (volume)',
    'run.sh:3: "healthcheck" → use "health check" (health-check)',
  ]);
});

test('pages use the glossary terms', () => {
  assert.equal(report(check(pageLines(), rules)), '');
});

test('figures use the glossary terms', () => {
  assert.equal(report(check(figureLines(), rules)), '');
});

test('the glossary definitions use the glossary terms', () => {
  assert.equal(report(check(definitionLines(glossary), rules)), '');
});

test('example comments, READMEs and titles use the glossary terms', () => {
  assert.equal(report(check(exampleLines(), rules)), '');
});
