// Where the examples plugin writes, before bundling, the data each <Example> renders
// (src/plugins/examples/exampleData.ts), for the loader to read back: one spelling for both.
// CommonJS, because the bundler requires the loader.
const path = require('node:path');

/** The folder of the data files, relative to the site's folder. */
const EXAMPLE_DATA_DIR = '.generated/examples';

/** The data file of the example in `exampleDir` (<site>/examples/<name>/). */
function exampleDataFile(exampleDir) {
  return path.join(path.dirname(path.dirname(exampleDir)), EXAMPLE_DATA_DIR, `${path.basename(exampleDir)}.json`);
}

module.exports = {EXAMPLE_DATA_DIR, exampleDataFile};
