// dist/kvp-analyzer.html opened from disk, as on a jump host with no network: one file with the
// scripts, styles, icon and parse worker inside, and the page's policy kept (inline code allowed
// by hash only). A small file is read on the page, a large one in the worker.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { text as host63 } from '../../src/app/samples/host-6-3.ts';
import { largeExportBytes } from '../support/large-export.ts';
import { exportFile } from './exports.ts';
import { expect, test } from './fixtures.ts';

const singleFile = join(process.cwd(), 'dist', 'kvp-analyzer.html');
const singleFileUrl = pathToFileURL(singleFile).href;

test.use({ allowedUrls: [singleFileUrl] });

let dir = '';
let large = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kvp-single-'));
  large = join(dir, 'full-export.reg');
  writeFileSync(large, largeExportBytes(24 * 1024 * 1024, host63));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the single file holds everything and keeps the policy, by hash', () => {
  const html = readFileSync(singleFile, 'utf8');
  // Nothing is loaded from beside it: no element refers to another file.
  expect(html).not.toMatch(/<(?:script|link|img)\b[^>]*\s(?:src|href)="(?!data:)/);
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("connect-src 'none'");
  expect(policy).toContain('worker-src');
  expect(policy).toContain('blob:');
  expect(html).toContain('<script type="text/plain" id="parse-worker-source">');
});

test('opened from disk, it reads a file and gives a report', async ({ page, axe }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(singleFileUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KVP Analyzer');
  // Already the offline file: no link to download itself.
  await expect(page.getByRole('link', { name: 'Download for offline use' })).toHaveCount(0);
  await page.getByLabel('Choose file…').setInputFiles(exportFile('host-6-3.reg'));
  await expect(page.getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
    'data-outcome',
    'not-offered',
  );
  await expect(page.getByRole('heading', { name: 'Report: host-6-3.reg' })).toBeFocused();
  // Lazy parts are inside the file too.
  await expect(page.getByTestId('registry-tree')).toBeVisible();
  await page.getByRole('button', { name: 'Open another…' }).click();
  await page.locator('button[data-sample="healthy"]').click();
  await expect(page.getByRole('heading', { name: 'Report: kvp-sample-healthy.reg' })).toBeVisible();
  await axe();
  expect(requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([
    singleFileUrl,
  ]);
});

test('opened from disk, a large file is read in the inlined worker', async ({ page }) => {
  await page.goto(singleFileUrl);
  const started = page.waitForEvent('worker');
  await page.getByLabel('Choose file…').setInputFiles(large);
  expect((await started).url()).toMatch(/^blob:/);
  await expect(page.getByTestId('verdict-wu-ic-kb3004908')).toHaveAttribute(
    'data-outcome',
    'not-offered',
    { timeout: 60_000 },
  );
  await expect(page.getByText('large file: only the Virtual Machine')).toBeVisible();
});

test('the page links to the single file, which downloads as kvp-analyzer.html', async ({
  page,
}) => {
  await page.goto('./');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download for offline use' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('kvp-analyzer.html');
  const path = await file.path();
  expect(readFileSync(path, 'utf8')).toBe(readFileSync(singleFile, 'utf8'));
});
