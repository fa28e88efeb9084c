// The page's Content-Security-Policy reaches the parse worker: it starts from a blob: URL, which
// inherits the policy of the page that made it. A worker loaded from its own URL would not be
// under it (a static host sends no policy header), and that is checked too, so the test fails
// if the worker ever goes back to loading from its URL.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { text as host63 } from '../../src/app/samples/host-6-3.ts';
import { largeExportBytes } from '../support/large-export.ts';
import { expect, test } from './fixtures.ts';

test.use({ expectedConsoleErrors: [/Content Security Policy/] });

/** What a request from inside the worker comes to. */
const tryFetch = (worker: Worker, url: string) =>
  worker.evaluate(
    (target) =>
      fetch(target).then(
        () => 'sent',
        () => 'refused',
      ),
    url,
  );

let dir = '';
let file = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kvp-worker-policy-'));
  file = join(dir, 'large.reg');
  writeFileSync(file, largeExportBytes(48 * 1024 * 1024, host63));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the parse worker runs under the page policy: its requests are refused', async ({
  page,
  baseURL,
}) => {
  const sameOrigin = new URL('./', baseURL).href;
  await page.goto('./');
  // The worker ends when the file is read; on a busy machine that can come before the request
  // below reaches it, so a few readings are tried. Any answer other than "refused" fails at once.
  let outcome = 'never asked';
  for (let attempt = 0; attempt < 4 && outcome === 'never asked'; attempt++) {
    if (attempt > 0) {
      await expect(page.getByTestId('report')).toBeVisible({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Open another…' }).click();
    }
    const started = page.waitForEvent('worker', (worker) => worker.url().startsWith('blob:'));
    await page.getByLabel('Choose file…').setInputFiles(file);
    const worker = await started;
    // connect-src 'none' forbids even the page's own origin.
    outcome = await tryFetch(worker, sameOrigin).catch(() => 'never asked');
  }
  expect(outcome).toBe('refused');
  await expect(page.getByTestId('report')).toBeVisible({ timeout: 60_000 });
});

test('a worker loaded from its own URL would not be: the reason for the blob', async ({
  page,
  baseURL,
}) => {
  const sameOrigin = new URL('./', baseURL).href;
  const assets = join(process.cwd(), 'dist', 'assets');
  const script = readdirSync(assets).find((name) => /^parse-worker-.*\.js$/.test(name));
  expect(script).toBeDefined();
  await page.goto('./');
  const started = page.waitForEvent('worker');
  await page.evaluate((url) => {
    (window as unknown as { bare: globalThis.Worker }).bare = new globalThis.Worker(url);
  }, `./assets/${script}`);
  expect(await tryFetch(await started, sameOrigin)).toBe('sent');
});
