// Where Kubernetes manifests are in an example folder and where a workload keeps its pod spec: read
// by the runner's static checks and by the list of images an example needs (example-images.ts).

/** `*.k8s.yaml` anywhere, or any YAML file under a folder named `k8s`. */
export function isManifestPath(relPath: string): boolean {
  const parts = relPath.split(/[\\/]/);
  const base = parts[parts.length - 1];
  if (/\.k8s\.ya?ml$/.test(base)) return true;
  return /\.ya?ml$/.test(base) && parts.slice(0, -1).includes('k8s');
}

/** The path of the pod spec inside a workload of this kind, or null for kinds that run no pod. */
export function podSpecPath(kind: string): string[] | null {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return null;
  }
}
