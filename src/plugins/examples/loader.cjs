// Webpack loader for examples/<name>/example.yaml: turns the folder into the data <Example> renders,
// so the site shows the very bytes the runner starts.
const path = require('node:path');
const {readExample, reportPathsFor, neededImagesFor, neededImagesFile} = require('./examples.cjs');

module.exports = function exampleLoader() {
  const dir = path.dirname(this.resourcePath);
  // The images it needs: computed by the plugin from tools/core/example-images.ts (this CommonJS
  // loader cannot load TypeScript) and written before bundling.
  const example = readExample(dir, neededImagesFor(dir));
  this.addDependency(neededImagesFile(dir));
  for (const rel of example.allFiles) this.addDependency(path.join(dir, rel));
  this.addContextDependency(dir);
  for (const report of reportPathsFor(dir)) this.addDependency(report);
  // The loader's own reading code: a change there must invalidate cached example modules too.
  this.addBuildDependency(require.resolve('./examples.cjs'));
  return `export default ${JSON.stringify(example)};`;
};
