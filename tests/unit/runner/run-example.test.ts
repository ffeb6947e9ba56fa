import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerTeardown, runAllTeardowns } from '../../../tools/runner/cleanup';
import type { Declaration } from '../../../tools/runner/declaration';
import { missingFeatures } from '../../../tools/runner/run-example';

const what = { 'zh-Hans': '说明', en: 'the VIP' };

test('limits: ipvs only when the kernel lacks it; other declared limits always', () => {
  const decl = { limits: [{ feature: 'ipvs', what }, { feature: 'multi-node', what: { 'zh-Hans': '多节点', en: 'several nodes' } }] } as Declaration;
  assert.deepEqual(missingFeatures(decl, { ipvs: false, cluster: false }).map((l) => `${l.feature}: ${l.reason}`), [
    'ipvs: swarm VIP/ingress (no IPVS in this kernel)', 'multi-node: declared limit',
  ]);
  assert.deepEqual(missingFeatures(decl, { ipvs: true, cluster: false }).map((l) => l.feature), ['multi-node']);
});

test('a registered teardown runs once however often it is called', async () => {
  let runs = 0;
  const teardown = registerTeardown('t', async () => { runs++; }, () => {});
  await Promise.all([teardown(), teardown()]);
  await teardown();
  assert.equal(runs, 1);
});

test('a failing teardown reports its error to each caller', async () => {
  const logged: string[] = [];
  const teardown = registerTeardown('broken', async () => { throw new Error('down failed'); }, (s) => logged.push(s));
  await assert.rejects(teardown(), /down failed/);
  await assert.rejects(teardown(), /down failed/);
  assert.deepEqual(logged, ['teardown of broken failed: down failed']);
});

test('runAllTeardowns runs what is still registered, newest first, each once', async () => {
  const order: string[] = [];
  const first = registerTeardown('first', async () => { order.push('first'); }, () => {});
  registerTeardown('second', async () => { order.push('second'); }, () => {});
  registerTeardown('third', async () => { throw new Error('third failed'); }, () => {});
  await runAllTeardowns(() => {});
  await first();
  assert.deepEqual(order, ['second', 'first']);
});

test('a teardown registered as last runs after newer ones (the swarm after the stack in it)', async () => {
  const order: string[] = [];
  registerTeardown('example', async () => { order.push('example'); }, () => {});
  registerTeardown('swarm', async () => { order.push('swarm'); }, () => {}, { last: true });
  registerTeardown('next example', async () => { order.push('next example'); }, () => {});
  await runAllTeardowns(() => {});
  assert.deepEqual(order, ['next example', 'example', 'swarm']);
});
