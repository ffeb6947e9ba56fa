// The layout's dependency rules (README, "Layout"), checked by `npm test` (step `dependencies`):
// a wrong import fails the run.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'tests-are-imported-by-nothing',
      comment: 'tests/ holds tests and fixtures only; the site and the tools never import it.',
      severity: 'error',
      from: {pathNot: '^tests/'},
      to: {path: '^tests/'},
    },
    {
      name: 'site-imports-only-tool-contracts',
      comment:
        "The website imports no tool code, only types, the runner's report contract, the words of example.yaml, " +
        'and tools/core/example-images.ts: the list of images an example needs, which the runner prepares and the ' +
        'site build puts in each .zip (images.txt) and on the page; one reading of the files for both.',
      severity: 'error',
      from: {path: '^src/', pathNot: '^src/plugins/'},
      to: {
        path: '^tools/',
        pathNot: '^tools/(runner/(reportFiles\\.cjs|vocabulary\\.ts)|core/example-images\\.ts)$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'site-plugins-read-examples-as-the-runner-does',
      comment:
        "The build's plugins may also read example.yaml with the runner's own typed reader (declaration, yamlpos, " +
        "problems, core/mapping) and list an example's files with the runner's walk (core/example-files), so the page, the .zip " +
        'and the runner never disagree about an example; nothing else of the tools.',
      severity: 'error',
      from: {path: '^src/plugins/'},
      to: {
        path: '^tools/',
        pathNot:
          '^tools/(runner/(vocabulary|declaration|yamlpos|problems)\\.ts|runner/reportFiles\\.cjs|core/(example-(images|files)|mapping)\\.ts)$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'lab-does-not-import-the-runner',
      comment: 'The Swarm lab is used by the runner, the transcripts and the tests; it depends on none of them.',
      severity: 'error',
      from: {path: '^tools/lab/'},
      to: {path: '^tools/(runner|transcripts|bench|pdf)/'},
    },
    {
      name: 'standins-are-the-bottom-layer',
      comment: 'Stand-in images are built by everything else and import only the shared core.',
      severity: 'error',
      from: {path: '^tools/standins/'},
      to: {path: '^tools/', pathNot: '^tools/(standins|core)/'},
    },
    {
      name: 'core-imports-no-tool',
      comment:
        'tools/core (teardown, exec, Dockerfile and image-reference reading) is shared by every tool and depends on none.',
      severity: 'error',
      from: {path: '^tools/core/'},
      to: {path: '^tools/', pathNot: '^tools/core/'},
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: {circular: true},
    },
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    exclude: {path: '^(build|node_modules|\\.docusaurus)/'},
    tsConfig: {fileName: 'tsconfig.json'},
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
  },
};
