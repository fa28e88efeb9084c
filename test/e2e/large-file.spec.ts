import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text as host63 } from '../../src/app/samples/host-6-3.ts';
import { largeExportBytes } from '../support/large-export.ts';
import { expect, test } from './fixtures.ts';

// One 40 MB export for the whole file: generating it takes a second or two.
let dir = '';
let file = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kvp-e2e-'));
  file = join(dir, 'full-export.reg');
  writeFileSync(file, largeExportBytes(40 * 1024 * 1024, host63));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.describe.configure({ mode: 'serial' });

test('a large export is read in a worker with progress, and can be cancelled', async ({
  page,
  axe,
}) => {
  await page.goto('./');
  // Workers start paused (as under a debugger) so the reading cannot end before it is looked at
  // and cancelled; nothing ever resumes this one.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
  });
  await page.getByLabel('Choose file…').setInputFiles(file);
  const progress = page.getByTestId('reading');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('full-export.reg');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  // Unpaused, the worker would be done within a second; the page waits, responsive, meanwhile.
  await page.waitForTimeout(2_000);
  await expect(progress).toBeVisible();
  await axe();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Reading full-export.reg was cancelled.')).toBeVisible();
  // Nothing the reading could still produce reaches the page.
  await page.waitForTimeout(1_000);
  await expect(page.getByText('Reading full-export.reg was cancelled.')).toBeVisible();
  await expect(page.getByTestId('verdict-wu-ic-kb3004908')).toHaveCount(0);
  await axe();
});

test('a large export read to the end gives the same verdict as the small one', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Choose file…').setInputFiles(file);
  const verdict = page.getByTestId('verdict-wu-ic-kb3004908');
  await expect(verdict).toHaveAttribute('data-outcome', 'not-offered', { timeout: 20_000 });
  await expect(page.getByText('large file: only the Virtual Machine')).toBeVisible();
  await expect(page.getByTestId('values-parameters')).toContainText('HV-NODE3');
  // The page kept working while the worker read: the what-if re-runs the rules at once.
  await page.getByRole('combobox', { name: 'Host version' }).selectOption('6.4');
  await expect(verdict).toHaveAttribute('data-outcome', 'offered');
});
