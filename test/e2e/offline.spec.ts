// Offline after one visit: the service worker precaches the page, its lazy chunks, the worker
// and the icons; with the network gone a reload still gives the page, and a file a report.
import { regeditBytes } from '../../src/app/samples/regedit-bytes.ts';
import { text as host63 } from '../../src/app/samples/host-6-3.ts';
import { expect, test } from './fixtures.ts';

test.use({ interceptRequests: false });

test('after one visit the page reloads and works with no network', async ({ page, context }) => {
  await page.goto('./');
  // Installed after load; active once every file of the precache list is in the cache.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((name) => name.startsWith('kvp-analyzer-')) ?? '');
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
  expect(cached).toContain('/kvp-analyzer/');
  expect(cached.some((path) => /\/assets\/parse-worker-.*\.js$/.test(path))).toBe(true);
  expect(cached.some((path) => /\/assets\/ShareDialog-.*\.js$/.test(path))).toBe(true);
  expect(cached).toContain('/kvp-analyzer/manifest.webmanifest');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KVP Analyzer');

  // A dropped file: read on the page, no network needed.
  const dataTransfer = await page.evaluateHandle(
    (content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], 'offline.reg'));
      return transfer;
    },
    Array.from(regeditBytes(host63)),
  );
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByRole('heading', { name: 'Report: offline.reg' })).toBeVisible();
  await expect(page.getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
    'data-outcome',
    'not-offered',
  );
  // Lazy chunks come from the cache too: the registry tree and the share dialog.
  await expect(page.getByTestId('registry-tree')).toBeVisible();
  await page.getByRole('button', { name: 'Share…' }).click();
  await expect(page.getByRole('dialog', { name: 'Share this report' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  // And a sample, each of which is a chunk of its own.
  await page.getByRole('button', { name: 'Open another…' }).click();
  await page.locator('button[data-sample="healthy"]').click();
  await expect(page.getByRole('heading', { name: 'Report: kvp-sample-healthy.reg' })).toBeVisible();
});

test('the page is installable: a manifest with a name, a start URL and icons', async ({ page }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('./manifest.webmanifest');
  const response = await page.request.get(new URL(href ?? '', page.url()).href);
  const manifest = (await response.json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest.name).toBe('KVP Analyzer');
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
  for (const icon of manifest.icons) {
    const image = await page.request.get(new URL(icon.src, response.url()).href);
    expect(image.status(), icon.src).toBe(200);
  }
});
