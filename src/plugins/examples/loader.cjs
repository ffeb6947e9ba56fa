// Webpack loader for examples/<name>/example.yaml: the data <Example> renders, which the examples
// plugin read from the folder (exampleData.ts, with the runner's typed declaration) and wrote before
// bundling. The plugin watches the examples and the runner's reports and writes the file again.
const fs = require('node:fs');
const path = require('node:path');
const {exampleDataFile} = require('./exampleDataFile.cjs');

module.exports = function exampleLoader() {
  const file = exampleDataFile(path.dirname(this.resourcePath));
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: the examples plugin writes it before bundling`);
  this.addDependency(file);
  return `export default ${fs.readFileSync(file, 'utf8')};`;
};
