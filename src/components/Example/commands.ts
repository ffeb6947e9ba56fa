import type {ExampleCheck, ExampleData} from './types';

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
const shellLine = (args: string[]) => args.map(quote).join(' ');

function checkCommand(example: ExampleData, check: ExampleCheck): string {
  if (check.http) return `curl -fsS ${quote(check.http.url)}`;
  if (check.exec) {
    const exec =
      example.kind === 'stack'
        ? `docker exec $(docker ps -q -f name=${example.name}_${check.exec.service} | head -n1)`
        : `docker compose exec ${check.exec.service}`;
    const command =
      typeof check.exec.command === 'string' ? `sh -c ${quote(check.exec.command)}` : shellLine(check.exec.command);
    return `${exec} ${command}`;
  }
  if (check.run) return `docker run --rm ${example.name}:dev ${shellLine(check.run.args)}`;
  if (check.script) return `bash ${check.script}`;
  return '';
}

/**
 * The commands a reader types to start, check and stop an example, run from its folder.
 * They mirror what the runner does (tools/runner), with the reader's names instead of unique ones.
 */
export function readerCommands(example: ExampleData): string[] {
  // A Dockerfile of another name than the default needs -f.
  const build = example.images.map((image) =>
    image.dockerfile && image.dockerfile !== 'Dockerfile'
      ? `docker build -t ${image.tag} -f ${image.context}/${image.dockerfile} ${image.context}`
      : `docker build -t ${image.tag} ${image.context}`,
  );
  const secrets = example.secrets.map((secret) =>
    secret.file !== undefined
      ? `docker secret create ${secret.name} ${quote(secret.file)}`
      : `printf %s ${quote(secret.stdin ?? '')} | docker secret create ${secret.name} -`,
  );
  const removeSecrets = example.secrets.length
    ? [`docker secret rm ${example.secrets.map((s) => s.name).join(' ')}`]
    : [];
  const manifests = example.files.some((f) => f.path.startsWith('k8s/')) ? 'k8s/' : '.';
  const checks = example.checks.map((check) => checkCommand(example, check)).filter(Boolean);
  switch (example.kind) {
    case 'compose':
      return ['docker compose up -d --wait', ...checks, 'docker compose down -v'];
    case 'stack':
      return [
        ...build,
        ...secrets,
        `docker stack deploy -c stack.yaml ${example.name}`,
        ...checks,
        `docker stack rm ${example.name}`,
        ...removeSecrets,
      ];
    case 'dockerfile':
      return [`docker build -t ${example.name}:dev .`, ...checks, `docker image rm ${example.name}:dev`];
    case 'script':
      return ['bash run.sh'];
    case 'kubernetes':
      return [
        `kubectl apply -f ${manifests}`,
        'kubectl wait --for=condition=Available deployment --all --timeout=300s',
        `kubectl delete -f ${manifests}`,
      ];
  }
}
