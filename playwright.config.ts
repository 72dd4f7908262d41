import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

// The web shell is served by `vite preview` on a fixed port (IndexedDB is per origin, so a
// persistence test needs the same origin across browser restarts).
const PORT = Number(process.env.PRESSWORK_PORT ?? 5317);

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.PRESSWORK_TEST_OUT ?? 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1400, height: 900 },
  },
  webServer: {
    command: `npx vite preview --config renderer/vite.config.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
