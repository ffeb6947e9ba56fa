import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Declaration} from '../../../tools/runner/declaration';
import {missingFeatures} from '../../../tools/runner/run-example';

const what = {'zh-Hans': '说明', en: 'the VIP'};

test('limits: ipvs only when the kernel lacks it; other declared limits always', () => {
  const decl = {
    limits: [
      {feature: 'ipvs', what},
      {feature: 'multi-node', what: {'zh-Hans': '多节点', en: 'several nodes'}},
    ],
  } as Declaration;
  assert.deepEqual(
    missingFeatures(decl, {ipvs: false, cluster: false}).map((l) => `${l.feature}: ${l.reason}`),
    ['ipvs: swarm VIP/ingress (no IPVS in this kernel)', 'multi-node: declared limit'],
  );
  assert.deepEqual(
    missingFeatures(decl, {ipvs: true, cluster: false}).map((l) => l.feature),
    ['multi-node'],
  );
});
