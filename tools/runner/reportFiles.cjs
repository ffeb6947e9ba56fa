// Where `npm run examples` writes its reports and where the site reads them back for each
// example's "tested with" note (src/plugins/examples): one spelling for both, relative to the
// repository root. CommonJS, because the site's webpack loader requires it.
const fs = require('node:fs');
const path = require('node:path');

const REPORT_DIR = 'test-results';
const UP_REPORT = `${REPORT_DIR}/examples.json`;
const CHECK_REPORT = `${REPORT_DIR}/examples-check.json`;
const ENGINE_REPORT = /^examples-engine-\d+\.json$/;

/** The report of `up --engine MAJOR` (a fresh Docker-in-Docker engine of that major). */
function engineReport(major) {
  return `${REPORT_DIR}/examples-engine-${major}.json`;
}

/** The `up` reports in a checkout, as the site lists them: the host's engine first, then each other major. */
function upReports(root) {
  const dir = path.join(root, REPORT_DIR);
  const others = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => ENGINE_REPORT.test(f))
        .sort()
    : [];
  return [UP_REPORT, ...others.map((f) => `${REPORT_DIR}/${f}`)].map((f) => path.join(root, f));
}

module.exports = {UP_REPORT, CHECK_REPORT, engineReport, upReports};
