import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot work on these machines.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `The end-to-end tests need Chromium, and none was found at ${chromium}.\n` +
      `Install it with:  sudo apt-get install -y chromium\n` +
      `or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
  );
}

const port = Number(process.env.E2E_PORT ?? 4173);
// Served under a sub-path, as on a static host, to prove every asset path is relative.
export const basePath = '/kvp-analyzer/';

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}${basePath}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      // Without the background-networking flags Chromium calls home, which this network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // A fresh production build every run: the tests see what a user would be served.
    command: `npm run build && npx vite preview --base ${basePath} --port ${port} --strictPort`,
    url: `http://localhost:${port}${basePath}`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
