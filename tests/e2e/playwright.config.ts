import {defineConfig} from '@playwright/test';
import {chromiumPath, chromiumArgs} from '../../tools/browser/chromium';

const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/e2e',
  fullyParallel: true,
  // Two cores: two browser workers keep the machine responsive.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  // CI runs these beside the sessions' engines, where a chunk or the search index can take more
  // than the default 5 s to arrive (a search test failed so in CI of 38b73db). Assertions wait
  // for a state, not judge speed: the budgets step does that.
  expect: {timeout: 20_000},
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {executablePath: chromiumPath(), args: chromiumArgs},
  },
  webServer: {
    // Serves the production build (npm run build must have run).
    command: `npx docusaurus serve --dir build --port ${port} --host 127.0.0.1 --no-open`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
