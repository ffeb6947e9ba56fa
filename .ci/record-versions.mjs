// Writes the engine versions the guide runs on to one file (docker-versions.json), read by the README,
// the pages' "verified with" notes and the reports. Called by install-engine.sh once the engine answers:
//   node .ci/record-versions.mjs <file> <engine .deb cache>
// A change of engine, CLI, Compose or buildx against the file as it was is printed as a warning
// block: the pages and transcripts were generated on the versions the file had.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [file, cache] = process.argv.slice(2);
const run = (cmd, args) => execFileSync(cmd, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
const pkg = (name) => {
  try {
    return run('dpkg-query', ['-W', '-f=${Version}', name]);
  } catch {
    return null;
  }
};
const upstream = (debianVersion) => debianVersion?.replace(/^\d+:/, '').replace(/[+~-].*$/, '') ?? null;
const osName = fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? 'unknown';

const version = JSON.parse(run('docker', ['version', '--format', '{{json .}}']));
const info = JSON.parse(run('docker', ['info', '--format', '{{json .}}']));
// The other engine major whose .debs are cached: the Docker-in-Docker engine the examples are also checked on.
const secondEngine = fs.existsSync(cache)
  ? (fs
      .readdirSync(cache)
      .filter(
        (major) => major !== version.Server.Version.split('.')[0] && fs.statSync(path.join(cache, major)).isDirectory(),
      )
      .flatMap((major) =>
        fs
          .readdirSync(path.join(cache, major))
          .filter((f) => f.startsWith('docker.io_'))
          .map((f) => f.split('_')[1]),
      )
      .map(upstream)[0] ?? null)
  : null;

const recorded = {
  engine: upstream(version.Server.Version),
  cli: upstream(version.Client.Version),
  api: version.Server.ApiVersion,
  compose: upstream(run('docker', ['compose', 'version', '--short']).replace(/^v/, '')),
  buildx: upstream(run('docker', ['buildx', 'version']).split(/\s+/)[1]?.replace(/^v/, '')),
  containerd: upstream(pkg('containerd')),
  runc: upstream(pkg('runc')),
  storageDriver: info.Driver,
  secondEngine,
  packages: {
    'docker.io': pkg('docker.io'),
    'docker-cli': pkg('docker-cli'),
    'docker-compose': pkg('docker-compose'),
    'docker-buildx': pkg('docker-buildx'),
  },
  os: osName,
  kernel: os.release(),
};

const before = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
const changed = ['engine', 'cli', 'compose', 'buildx', 'secondEngine'].filter(
  (key) => before && before[key] !== recorded[key],
);
const same =
  before &&
  changed.length === 0 &&
  before.kernel === recorded.kernel &&
  JSON.stringify(before.packages) === JSON.stringify(recorded.packages);
const out = {recorded: same ? before.recorded : new Date().toISOString().slice(0, 10), ...recorded};
fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `install-engine: versions in ${file}: Engine ${out.engine} (API ${out.api}), CLI ${out.cli}, Compose ${out.compose}, buildx ${out.buildx}; second engine ${out.secondEngine ?? 'none'}`,
);
if (changed.length) {
  const lines = changed.map((key) => `  ${key}: ${before[key]} recorded, ${recorded[key]} installed`);
  console.error(
    [
      '',
      '!'.repeat(72),
      `install-engine: WARNING: the engine differs from the recorded versions in ${file}:`,
      ...lines,
      'The pages and transcripts were generated on the recorded versions; regenerate them and commit the file.',
      '!'.repeat(72),
      '',
    ].join('\n'),
  );
}
