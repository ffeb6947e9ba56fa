import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {checkWorkflow, isWorkflowPath, needsCycles, unpinnedUses} from '../../../tools/runner/static/workflow';
import {parseYaml} from '../../../tools/runner/yamlpos';

const CI_PIPELINE = 'examples/ci-pipeline/.github/workflows/docker.yml';

function rules(text: string) {
  const {yaml, problems} = parseYaml('docker.yml', text);
  assert.deepEqual(problems, []);
  return checkWorkflow(yaml).map((p) => `${p.line}:${p.col} ${p.rule}`);
}

/** A valid workflow with one job; `steps` replaces its steps (indented for a job). */
const oneJob = (steps: string) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n${steps}`;

test('the ci-pipeline example workflow passes every workflow rule', () => {
  const {yaml, problems} = parseYaml(CI_PIPELINE, readFileSync(CI_PIPELINE, 'utf8'));
  assert.deepEqual(problems, []);
  assert.deepEqual(checkWorkflow(yaml), []);
});

test('workflow files are the YAML files of .github/workflows/', () => {
  assert.ok(isWorkflowPath('.github/workflows/docker.yml'));
  assert.ok(isWorkflowPath('.github/workflows/release.yaml'));
  assert.ok(!isWorkflowPath('.github/dependabot.yml'));
  assert.ok(!isWorkflowPath('.github/workflows/nested/x.yml'));
  assert.ok(!isWorkflowPath('app/.github/workflows/x.yml'));
});

test('workflow-shape: on and jobs, a runner and steps per job, one of uses and run per step', () => {
  assert.deepEqual(rules('name: x\njobs:\n  a:\n    runs-on: u\n    steps:\n      - run: "true"\n'), [
    '1:1 workflow-shape',
  ]);
  assert.deepEqual(rules('on: push\n'), ['1:1 workflow-shape']);
  assert.deepEqual(rules('on: push\njobs: {}\n'), ['2:1 workflow-shape']);
  const jobs = `on: push
jobs:
  no-runner:
    steps:
      - run: "true"
  no-steps:
    runs-on: u
  empty-steps:
    runs-on: u
    steps: []
  reusable:
    uses: ./.github/workflows/deploy.yml
    steps:
      - run: "true"
`;
  assert.deepEqual(rules(jobs), [
    '3:3 workflow-shape',
    '6:3 workflow-shape',
    '10:5 workflow-shape',
    '13:5 workflow-shape',
  ]);
  assert.deepEqual(rules(oneJob('      - name: neither\n      - uses: actions/checkout@v4\n        run: "both"\n')), [
    '6:9 workflow-shape',
    '7:9 workflow-shape',
  ]);
});

test('workflow-unknown-key: top level, job and step keys', () => {
  const text = `on: push
permissions: { contents: read }
job:
  x: {}
jobs:
  a:
    runs-on: u
    runs_on: u
    steps:
      - run: "true"
        working-dir: app
`;
  assert.deepEqual(rules(text), ['3:1 workflow-unknown-key', '8:5 workflow-unknown-key', '11:9 workflow-unknown-key']);
});

test('workflow-needs: every need is a job of the workflow, and needs form no cycle', () => {
  const text = `on: push
jobs:
  build:
    runs-on: u
    steps: [{ run: "true" }]
  deploy:
    needs: [build, pushh]
    runs-on: u
    steps: [{ run: "true" }]
`;
  assert.deepEqual(rules(text), ['7:20 workflow-needs']);
  const cycle = `on: push
jobs:
  a:
    needs: c
    runs-on: u
    steps: [{ run: "true" }]
  b:
    needs: a
    runs-on: u
    steps: [{ run: "true" }]
  c:
    needs: [b]
    runs-on: u
    steps: [{ run: "true" }]
`;
  assert.deepEqual(rules(cycle), ['4:5 workflow-needs']);
  assert.deepEqual(
    needsCycles(
      new Map([
        ['a', ['c']],
        ['b', ['a']],
        ['c', ['b']],
      ]),
    ),
    [['a', 'c', 'b', 'a']],
  );
  assert.deepEqual(
    needsCycles(
      new Map([
        ['a', ['a']],
        ['b', ['a']],
      ]),
    ),
    [['a', 'a']],
  );
  assert.deepEqual(
    needsCycles(
      new Map([
        ['a', []],
        ['b', ['a']],
        ['c', ['a', 'b']],
      ]),
    ),
    [],
  );
});

test('action-unpinned: a release tag or a full SHA; never a branch, a short SHA or nothing', () => {
  for (const pinned of [
    'actions/checkout@v4',
    'docker/build-push-action@v6.9.0',
    'owner/repo/path@1.2.3-rc.1',
    `actions/checkout@${'0123456789abcdef'.repeat(2)}01234567`,
    './.github/actions/local',
    'docker://alpine:3.20',
  ]) {
    assert.equal(unpinnedUses(pinned), null, pinned);
  }
  for (const unpinned of [
    'actions/checkout',
    'actions/checkout@main',
    'actions/checkout@master',
    'actions/checkout@abc1234',
    'docker://alpine',
    'docker://alpine:latest',
  ]) {
    assert.notEqual(unpinnedUses(unpinned), null, unpinned);
  }
  assert.deepEqual(rules(oneJob('      - uses: actions/checkout@main\n      - uses: actions/setup-node\n')), [
    '6:15 action-unpinned',
    '7:15 action-unpinned',
  ]);
  const reusable = 'on: push\njobs:\n  call:\n    uses: octo/workflows/.github/workflows/ci.yml@main\n';
  assert.deepEqual(rules(reusable), ['4:11 action-unpinned']);
});

test('workflow-step-id: step ids are unique within a job', () => {
  const steps = '      - id: build\n        run: "true"\n      - id: build\n        run: "true"\n';
  assert.deepEqual(rules(oneJob(steps)), ['8:13 workflow-step-id']);
  const twoJobs = `on: push
jobs:
  a:
    runs-on: u
    steps: [{ id: build, run: "true" }]
  b:
    runs-on: u
    steps: [{ id: build, run: "true" }]
`;
  assert.deepEqual(rules(twoJobs), []);
});

test('workflow-ref: steps.X names an earlier step of the job, needs.X a job in needs', () => {
  const text = `on: push
jobs:
  build:
    runs-on: u
    outputs:
      digest: \${{ steps.push.outputs.digest }}
      missing: \${{ steps.nope.outputs.x }}
    steps:
      - id: tag
        run: echo "tag=\${{ steps.push.outputs.digest }}" >> "$GITHUB_OUTPUT"
      - id: push
        if: steps.tag.outputs.tag != '' && steps.later.outcome == 'success'
        run: |
          echo "\${{ steps.tag.outputs.tag }}"
          echo "\${{ steps.push.outputs.digest }}"
      - id: later
        run: echo "\${{ github.steps.x }} \${{ needs.build.outputs.digest }}"
  deploy:
    needs: build
    runs-on: u
    env:
      IMAGE: \${{ needs.build.outputs.digest }}@\${{ needs.test.outputs.x }}
    steps:
      - run: echo "\${{ steps.push.outputs.digest }}"
`;
  assert.deepEqual(rules(text), [
    '7:20 workflow-ref', // no step nope
    '10:28 workflow-ref', // push runs after this step
    '12:44 workflow-ref', // a later step, in an if: without ${{ }}
    '15:21 workflow-ref', // a step's own outputs, in a block scalar
    '17:46 workflow-ref', // build does not need itself
    '22:52 workflow-ref', // deploy does not need test
    '24:24 workflow-ref', // push is a step of another job
  ]);
});

/** Each problem as `line:col rule message`: these branches are told apart by their messages. */
function problems(text: string) {
  const {yaml, problems} = parseYaml('docker.yml', text);
  assert.deepEqual(problems, []);
  return checkWorkflow(yaml).map((p) => `${p.line}:${p.col} ${p.rule} ${p.message}`);
}

test('workflow-shape: the workflow, its jobs and its steps are mappings; needs: and uses: have their types', () => {
  assert.deepEqual(problems('- on: push\n'), ['1:1 workflow-shape a workflow must be a mapping with on: and jobs:']);
  const text = `on: push
jobs:
  text: just text
  odd-needs:
    needs: { text: true }
    runs-on: u
    steps:
      - just text
      - uses: 3
  call:
    uses: [octo/ci]
    runs-on: u
`;
  assert.deepEqual(problems(text), [
    '3:3 workflow-shape job "text" must be a mapping',
    '5:5 workflow-shape needs: is a job id or a list of job ids',
    '8:9 workflow-shape step 1 of job "odd-needs" must be a mapping',
    '9:15 workflow-shape uses: must be a string naming an action or a reusable workflow',
    '11:11 workflow-shape uses: must be a string naming an action or a reusable workflow',
    '12:5 workflow-shape job "call" calls a reusable workflow (uses:): it has no runs-on:',
  ]);
});
