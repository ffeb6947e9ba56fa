import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkManifests, isManifestPath} from '../../../tools/runner/static/kubernetes';
import {parseYaml} from '../../../tools/runner/yamlpos';

async function check(text: string) {
  const {yaml, problems} = parseYaml('k8s/app.yaml', text);
  assert.deepEqual(problems, []);
  return (await checkManifests(yaml)).sort((a, b) => a.line - b.line).map((p) => `${p.line} ${p.rule} ${p.message}`);
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web, example.com/any-label: is-fine }
  annotations: { example.com/free-form: "any text, is fine" }
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
          readinessProbe:
            httpGet: { path: /, port: 80 }
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: { name: db, key: password }
          resources:
            limits: { cpu: 500m, memory: 128Mi }
`;

test('which files are manifests', () => {
  assert.equal(isManifestPath('web.k8s.yaml'), true);
  assert.equal(isManifestPath('k8s/web.yaml'), true);
  assert.equal(isManifestPath('deploy/k8s/nested/web.yml'), true);
  assert.equal(isManifestPath('compose.yaml'), false);
  assert.equal(isManifestPath('k8s/README.md'), false);
});

test('a good Deployment, with free-form maps, passes', async () => {
  assert.deepEqual(await check(DEPLOYMENT), []);
});

test('misspelt fields are found at their line, at any depth', async () => {
  const text = DEPLOYMENT.replace('containerPort: 80', 'containerPort: 80\n              protocl: TCP')
    .replace('  selector:\n', '  replica: 2\n  selector:\n')
    .replace('httpGet: { path: /, port: 80 }', 'httpGet: { path: /, port: 80, sheme: HTTP }');
  assert.deepEqual(await check(text), [
    '8 k8s-unknown-field Deployment: unknown field "replica" in spec',
    '20 k8s-unknown-field Deployment: unknown field "protocl" in spec.template.spec.containers[0].ports[0]',
    '22 k8s-unknown-field Deployment: unknown field "sheme" in spec.template.spec.containers[0].readinessProbe.httpGet',
  ]);
});

test('ConfigMap data and Secret stringData keys are free-form', async () => {
  assert.deepEqual(
    await check(`apiVersion: v1
kind: ConfigMap
metadata: { name: conf }
data:
  nginx.conf: "events {}"
  ANY_KEY: value
---
apiVersion: v1
kind: Secret
metadata: { name: db }
stringData:
  password: hunter2
`),
    [],
  );
});

test('schema errors, unknown kinds and missing names', async () => {
  assert.deepEqual(
    await check(`apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  ports:
    - port: eighty
---
apiVersion: v1
kind: Serviec
metadata: { name: x }
---
apiVersion: v1
kind: ConfigMap
metadata: {}
`),
    [
      '6 k8s-schema Service spec.ports[0].port: must be integer',
      '9 k8s-kind unknown kind Serviec in v1',
      '14 k8s-name ConfigMap needs metadata.name',
    ],
  );
});

test('pinned images, probes and secrets in env', async () => {
  const text = DEPLOYMENT.replace('nginx:1.27', 'nginx:latest')
    .replace(/ {10}readinessProbe:\n {12}httpGet: \{ path: \/, port: 80 \}\n/, '')
    .replace(/valueFrom:\n\s+secretKeyRef: \{ name: db, key: password \}/, 'value: hunter2');
  assert.deepEqual(await check(text), [
    '15 healthcheck-missing container "web" runs long but has no readinessProbe or livenessProbe',
    '16 image-unpinned image "nginx:latest" must be pinned to a version tag (not latest, not untagged)',
    '21 inline-secret DB_PASSWORD is written in the manifest: use valueFrom.secretKeyRef',
  ]);
});
